using System.ComponentModel.DataAnnotations;

namespace BotPlatform.Infrastructure.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The default data folder, "data" in the application's folder (the host makes it absolute).</summary>
    public const string DefaultDataFolder = "data";

    /// <summary>Folder for the LiteDB file and other data; created on start.</summary>
    [Required]
    public string DataFolder { get; set; } = DefaultDataFolder;

    [Required]
    public string FileName { get; set; } = "botplatform.db";

    public string DatabasePath => Path.Combine(DataFolder, FileName);
}
