using System.ComponentModel.DataAnnotations;

namespace BotPlatform.Infrastructure.Storage;

public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";
    public const string LiteDb = "litedb";
    public const string Postgres = "postgres";

    /// <summary><c>litedb</c> (the embedded default: one file, one host) or <c>postgres</c>.</summary>
    [Required]
    public string Provider { get; set; } = LiteDb;

    /// <summary>
    /// The PostgreSQL connection string (provider <c>postgres</c> only). Set it in the environment
    /// (<c>Storage__ConnectionString</c>), never in a committed file: it holds the password.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The default data folder, "data" in the application's folder (the host makes it absolute).</summary>
    public const string DefaultDataFolder = "data";

    /// <summary>Folder for the LiteDB file and other data; created on start.</summary>
    [Required]
    public string DataFolder { get; set; } = DefaultDataFolder;

    [Required]
    public string FileName { get; set; } = "botplatform.db";

    public string DatabasePath => Path.Combine(DataFolder, FileName);

    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsPostgres && !string.Equals(Provider, LiteDb, StringComparison.OrdinalIgnoreCase))
            yield return new ValidationResult($"Storage:Provider must be '{LiteDb}' or '{Postgres}', not '{Provider}'", [nameof(Provider)]);
        if (IsPostgres && string.IsNullOrWhiteSpace(ConnectionString))
            yield return new ValidationResult(
                "Storage:Provider is 'postgres' but Storage:ConnectionString is empty: set the environment variable Storage__ConnectionString",
                [nameof(ConnectionString)]);
    }
}
