using BotPlatform.Core.Documents.Templates;

namespace BotPlatform.Bot.Documents;

/// <summary>
/// At start-up stores each shipped sample template (templates/*.md next to the binary, or the folder in
/// Documents:TemplatesFolder) that is not stored yet as its version 1. Stored templates are left alone:
/// a version an admin uploaded wins over the shipped file.
/// </summary>
public sealed class TemplateSeeding(TemplateLibrary library, IConfiguration configuration, ILogger<TemplateSeeding> logger) : IHostedService
{
    public const string FolderSetting = "Documents:TemplatesFolder";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(configuration[FolderSetting] is { Length: > 0 } configured ? configured : "templates", AppContext.BaseDirectory);
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("No sample templates folder at {Folder}", folder);
            return;
        }
        var samples = new List<SampleTemplate>();
        foreach (var path in Directory.EnumerateFiles(folder).Where(TemplateFile.HasTextExtension).Order(StringComparer.Ordinal))
            samples.Add(SampleTemplate.FromFile(Path.GetFileName(path), await File.ReadAllTextAsync(path, cancellationToken)));
        var added = await library.SeedAsync(samples, cancellationToken);
        if (added > 0) logger.LogInformation("Stored {Count} sample templates from {Folder}", added, folder);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
