using BotPlatform.Core.People;
using BotPlatform.Infrastructure.Organisation;

namespace BotPlatform.Bot.Hosting;

public static class OrganisationServices
{
    public const string FileSetting = "Organisation:File";

    /// <summary>The organisation file, read once; a malformed file fails start-up with its line and problem.</summary>
    public static IServiceCollection AddOrganisation(this IServiceCollection services) => services
        .AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            var environment = sp.GetRequiredService<IHostEnvironment>();
            var path = configuration[FileSetting] is { Length: > 0 } configured ? configured : "organisation.yaml";
            var full = Path.IsPathRooted(path) ? path : Path.Combine(environment.ContentRootPath, path);
            if (!File.Exists(full) && !Path.IsPathRooted(path)) full = Path.Combine(AppContext.BaseDirectory, path);
            if (!File.Exists(full)) throw new OrganisationFileException(path, null, $"file not found (setting {FileSetting})");
            return new Organisation(OrganisationYamlLoader.Load(full));
        })
        .AddHostedService<StartupTasks>();
}

/// <summary>Runs before the gateway starts: checks the organisation file, seeds people from it, builds analytics buckets an older file lacks.</summary>
public sealed class StartupTasks(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<Organisation>();
        await services.GetRequiredService<OrganisationBootstrap>().RunAsync(cancellationToken);
        await services.GetRequiredService<BotPlatform.Core.Analytics.Projection.BucketBackfill>().RunAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
