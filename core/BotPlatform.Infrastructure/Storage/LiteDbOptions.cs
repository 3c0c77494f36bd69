using System.ComponentModel.DataAnnotations;

namespace BotPlatform.Infrastructure.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder for the LiteDB file and other data; created on start.</summary>
    [Required]
    public string DataFolder { get; set; } = "data";

    [Required]
    public string FileName { get; set; } = "botplatform.db";

    public string DatabasePath => Path.Combine(DataFolder, FileName);
}
