using BotPlatform.Bot.Hosting;
using BotPlatform.Bot.Sandbox;
using BotPlatform.Bot.Telegram;
using BotPlatform.Core;
using BotPlatform.Core.People;
using BotPlatform.Infrastructure.Documents;
using BotPlatform.Infrastructure.Storage;
using BotPlatform.Jobs;

// One pass per host run; only the sandbox's reset button asks for another (on fresh demo data).
var sandbox = new SandboxSession();
while (true)
{
    var builder = WebApplication.CreateBuilder(args);
    await builder.AddSandboxAsync(sandbox);
    builder.Services
        .AddCore()
        .AddLiteDbStorage()
        .AddDocumentRendering()
        .AddClientFiles()
        .AddOrganisation()
        .AddTelegramGateway()
        .AddBotHandlers()
        .AddJobs()
        .AddHealthChecks();

    await using var app = builder.Build();
    var language = StartupTexts.Language(app.Configuration);
    if (string.IsNullOrWhiteSpace(app.Configuration["Telegram:Token"]))
    {
        Console.Error.WriteLine(StartupTexts.NoToken.In(language));
        return 2;
    }

    try
    {
        app.Services.GetRequiredService<Organisation>();
    }
    catch (OrganisationFileException ex)
    {
        Console.Error.WriteLine(StartupTexts.BadOrganisation.In(language, ex.Message));
        return 3;
    }

    app.MapHealthChecks("/health");
    app.MapTelegramWebhook();
    app.MapSandbox();
    await app.RunAsync();
    if (!sandbox.ResetRequested) return 0;
}

public partial class Program;
