using BotPlatform.Core.Common;

namespace BotPlatform.Core.Documents.Clients;

/// <summary>
/// Reads an import file into rows keyed as in <see cref="ClientFields"/> (CSV with a header row, or YAML:
/// a list of mappings, or a mapping with a <c>clients:</c> list). A file that cannot be read at all fails
/// with a ClientProblems.File* problem naming the line; checking the values is the registry's job.
/// </summary>
public interface IClientFileReader
{
    Result<IReadOnlyList<ClientRecord>> Read(ClientFileKind kind, Stream content);
}

public enum ClientFileKind
{
    Csv,
    Yaml,
}

public static class ClientFiles
{
    public const long MaxBytes = 20L * 1024 * 1024;

    /// <summary>The kind by the file's extension (.csv, .yaml, .yml), or a problem naming the file.</summary>
    public static Result<ClientFileKind> KindOf(string? fileName) => Path.GetExtension(fileName ?? "").ToLowerInvariant() switch
    {
        ".csv" => Result<ClientFileKind>.Ok(ClientFileKind.Csv),
        ".yaml" or ".yml" => Result<ClientFileKind>.Ok(ClientFileKind.Yaml),
        _ => Result<ClientFileKind>.Fail(ClientProblems.ImportFileType, fileName ?? "?"),
    };

    /// <summary>Telegram's size of the file, checked before it is downloaded.</summary>
    public static Problem? TooLarge(long? size) =>
        size > MaxBytes ? new Problem(ClientProblems.ImportTooLarge, size.Value / 1024.0 / 1024.0) : null;
}
