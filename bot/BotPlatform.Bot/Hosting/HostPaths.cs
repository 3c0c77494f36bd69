using BotPlatform.Infrastructure.Storage;

namespace BotPlatform.Bot.Hosting;

/// <summary>
/// Where the host finds its own files and keeps its data, whatever the working directory it was started
/// from (a systemd unit, a cron job, <c>dotnet /opt/botplatform/BotPlatform.Bot.dll</c>): appsettings.json,
/// the sample templates and organisation file come from the application's folder, and a relative data
/// folder is taken from there too.
/// </summary>
public static class HostPaths
{
    /// <summary>The folder of BotPlatform.Bot.dll: the content root of every run.</summary>
    public static string ApplicationFolder => AppContext.BaseDirectory;

    /// <summary>The builder's options: the content root is the application's folder, not the current directory.</summary>
    public static WebApplicationOptions Options(string[] args) => new() { Args = args, ContentRootPath = ApplicationFolder };

    /// <summary>The data folder as an absolute path: the configured one, relative paths from the content root; "data" there by default.</summary>
    public static string DataFolder(IConfiguration configuration, string contentRoot) =>
        Path.GetFullPath(
            configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.DataFolder)}"] is { Length: > 0 } folder ? folder : StorageOptions.DefaultDataFolder,
            contentRoot);

    /// <summary>Storage options always carry the absolute data folder.</summary>
    public static IServiceCollection AddHostPaths(this IServiceCollection services, IWebHostEnvironment environment)
    {
        services.PostConfigure<StorageOptions>(options => options.DataFolder = Path.GetFullPath(options.DataFolder, environment.ContentRootPath));
        return services;
    }
}
