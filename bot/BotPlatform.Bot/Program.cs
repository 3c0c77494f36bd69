using BotPlatform.Bot.Billing;
using BotPlatform.Bot.Documents.Review;
using BotPlatform.Bot.Hosting;
using BotPlatform.Bot.Printing;
using BotPlatform.Bot.Sandbox;
using BotPlatform.Bot.Telegram;
using BotPlatform.Core;
using BotPlatform.Core.People;
using BotPlatform.Infrastructure.Briefs;
using BotPlatform.Infrastructure.Documents;
using BotPlatform.Infrastructure.Mail;
using BotPlatform.Infrastructure.Reporting;
using BotPlatform.Infrastructure.Storage;
using BotPlatform.Jobs;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

// `migrate --from litedb --to postgres` moves an installation's data and exits (docs/operations.md).
if (args is [MigrateCommand.Name, .. var migrateArgs]) return await MigrateCommand.RunAsync(migrateArgs);

// One pass per host run; only the sandbox's reset button asks for another (on fresh demo data).
var sandbox = new SandboxSession();
var afterReset = false;
var rebinds = 0;
while (true)
{
    var builder = WebApplication.CreateBuilder(HostPaths.Options(args));
    await builder.AddSandboxAsync(sandbox);
    builder.Services
        .AddHostPaths(builder.Environment)
        .AddCore()
        .AddStorage()
        .AddDocumentRendering()
        .AddReporting()
        .AddClientFiles()
        .AddMailTools()
        .AddGoogleForms(builder.Configuration)
        .AddOrganisation()
        .AddTelegramGateway()
        .AddBotHandlers()
        .AddJobs(builder.Configuration)
        .AddHealthChecks()
        .AddCheck<StorageHealthCheck>("storage");

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

    Console.WriteLine(StartupTexts.DataFolder.In(language, app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.DataFolder));
    // Before anything touches storage: a refused review request costs nothing (Review:RateLimit).
    app.UseRateLimiter();
    // Pages show departments: another replica may have changed them. The health check stays a pure probe, and
    // the webhook only stores the update (the dispatcher checks before handling it).
    app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments(Webhook.Path))
            await context.RequestServices.GetRequiredService<DepartmentsSync>().EnsureCurrentAsync(context.RequestAborted);
        await next();
    });
    app.MapHealthChecks("/health", StorageHealthCheck.Options);
    app.MapTelegramWebhook();
    app.MapAgentApi();
    app.MapDocumentReview();
    app.MapSandbox();
    app.MapReportPages();
    try
    {
        await app.RunAsync();
    }
    catch (IOException ex) when (afterReset && ex.InnerException is AddressInUseException && ++rebinds <= 50)
    {
        // After a reset the page's address is taken again; the previous run's socket may linger a moment.
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        continue;
    }

    if (!sandbox.ResetRequested) return 0;
    afterReset = true;
    rebinds = 0;
}

public partial class Program;
