using BotPlatform.Bot.Hosting;
using BotPlatform.Bot.Telegram;
using BotPlatform.Core;
using BotPlatform.Core.People;
using BotPlatform.Infrastructure.Documents;
using BotPlatform.Infrastructure.Storage;
using BotPlatform.Jobs;

var builder = WebApplication.CreateBuilder(args);
builder.Services
    .AddCore()
    .AddLiteDbStorage()
    .AddClientFiles()
    .AddOrganisation()
    .AddTelegramGateway()
    .AddBotHandlers()
    .AddJobs()
    .AddHealthChecks();

var app = builder.Build();
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
await app.RunAsync();
return 0;

public partial class Program;
