using BotPlatform.Bot.Hosting;
using BotPlatform.Infrastructure.Storage;
using BotPlatform.Jobs;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BotPlatform.Bot.Sandbox;

public static class SandboxServices
{
    /// <summary>
    /// Sandbox mode when there is no token (or Sandbox:Enabled is true): starts the Bot API emulator,
    /// points the unchanged host at it with a sandbox token, its own fresh LiteDB file, the demo
    /// organisation and a business clock the page can move. Null in real mode, which stays untouched.
    /// </summary>
    public static async Task<SandboxRun?> AddSandboxAsync(this WebApplicationBuilder builder, SandboxSession session)
    {
        var configuration = builder.Configuration;
        var options = configuration.GetSection(SandboxOptions.Section).Get<SandboxOptions>() ?? new SandboxOptions();
        if (!(options.Enabled ?? string.IsNullOrWhiteSpace(configuration["Telegram:Token"]))) return null;

        var run = await SandboxRun.StartAsync(session);
        var dataFolder = HostPaths.DataFolder(configuration, builder.Environment.ContentRootPath);
        DeleteDatabase(Path.Combine(dataFolder, options.DatabaseFile));
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:Token"] = SandboxRun.Token,
            ["Telegram:BaseUrl"] = run.Telegram.BaseUrl,
            ["Telegram:WebhookUrl"] = "",
            // The sandbox's demo data is thrown away on every reset: always its own LiteDB file, never a configured PostgreSQL.
            [$"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}"] = StorageOptions.LiteDb,
            [$"{StorageOptions.Section}:{nameof(StorageOptions.FileName)}"] = options.DatabaseFile,
            [OrganisationServices.FileSetting] = options.OrganisationFile,
            [JobsServices.SchedulerNameSetting] = "sandbox-" + run.Generation,
        });
        if (session.Address is { } previous) builder.WebHost.UseUrls(previous);
        else if (!HasConfiguredAddress(configuration)) builder.WebHost.UseUrls(options.Url);

        builder.Services.AddSingleton(_ => run); // made by a factory, so the container disposes it
        builder.Services.AddSingleton(run.Clock);
        builder.Services.RemoveAll<TimeProvider>();
        builder.Services.AddSingleton<TimeProvider>(run.Clock);
        builder.Services.AddSingleton<Personas>();
        builder.Services.AddSingleton<SandboxViews>();
        builder.Services.AddHostedService<DemoSeeder>();
        builder.Services.AddSingleton<DemoReport>();
        builder.Services.AddHostedService<DemoRecords>();
        builder.Services.AddHostedService<DemoMail>();
        builder.Services.AddHostedService<DemoHistory>();
        builder.Services.AddHostedService<DemoReview>();
        builder.Services.AddHostedService<DemoLedger>();
        return run;
    }

    /// <summary>The page at / and its API under /sandbox/; prints the page's address once the host listens.</summary>
    public static WebApplication MapSandbox(this WebApplication app)
    {
        if (app.Services.GetService<SandboxRun>() is not { } run) return app;
        app.MapSandboxPage();
        app.MapSandboxApi();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            run.Session.Address ??= string.Join(';', addresses);
            var database = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath;
            Console.WriteLine(SandboxTexts.Started.In(StartupTexts.Language(app.Configuration), PageAddress(addresses), database));
        });
        return app;
    }

    private static bool HasConfiguredAddress(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["urls"])
        || !string.IsNullOrWhiteSpace(configuration["http_ports"])
        || !string.IsNullOrWhiteSpace(configuration["https_ports"])
        || configuration.GetSection("Kestrel:Endpoints").Exists();

    /// <summary>An address a browser on this machine can open: "any interface" bindings become localhost.</summary>
    private static string PageAddress(ICollection<string> addresses)
    {
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? addresses.FirstOrDefault() ?? "";
        return address.Replace("://+:", "://localhost:", StringComparison.Ordinal)
            .Replace("://*:", "://localhost:", StringComparison.Ordinal)
            .Replace("://[::]:", "://localhost:", StringComparison.Ordinal)
            .Replace("://0.0.0.0:", "://localhost:", StringComparison.Ordinal);
    }

    private static void DeleteDatabase(string path)
    {
        // LiteDB keeps uncommitted pages in a "-log" file beside the database.
        var log = Path.Combine(Path.GetDirectoryName(path) ?? "", Path.GetFileNameWithoutExtension(path) + "-log" + Path.GetExtension(path));
        foreach (var file in new[] { path, log }.Where(File.Exists)) File.Delete(file);
    }
}
