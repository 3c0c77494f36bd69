using BotPlatform.Core.Common;

namespace BotPlatform.Core.Documents.Templates;

/// <summary>A template and all its versions; old versions are never removed.</summary>
public sealed class DocumentTemplate : IVersioned
{
    /// <summary>The template's code, e.g. "framework_services", "specification", "invoice".</summary>
    public string Id { get; set; } = "";
    public int Version { get; set; }
    /// <summary>The document kind it produces (DocumentsDefinition kinds).</summary>
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public List<TemplateVersion> Versions { get; set; } = [];
    public TemplateVersion Current => Versions[^1];

    /// <summary>A stored version by its number (a document records the number it was filled from).</summary>
    public TemplateVersion? VersionOf(int number) => Versions.FirstOrDefault(v => v.Number == number);
}

public sealed class TemplateVersion
{
    /// <summary>1, 2, 3... within the template.</summary>
    public int Number { get; set; }
    public string Markup { get; set; } = "";
    /// <summary>Person id; 0 for the shipped sample.</summary>
    public long UploadedBy { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>A template filled with a document's data: the markup text after Liquid and its parsed body.</summary>
public sealed record FilledTemplate(string Text, DocumentBody Body);

/// <summary>The templates: stored versions, filling (Liquid, then the markup parser), and uploads.</summary>
public interface ITemplateLibrary
{
    Task<DocumentTemplate?> GetAsync(string code, CancellationToken ct);
    Task<IReadOnlyList<DocumentTemplate>> AllAsync(CancellationToken ct);

    /// <summary>
    /// Fills <paramref name="markup"/> with <paramref name="model"/>. A Liquid or markup error comes back as
    /// Problem(TemplateProblems.Invalid, line, message) so the admin sees where it is.
    /// </summary>
    Result<FilledTemplate> Fill(string markup, TemplateModel model);
}

public static class TemplateProblems
{
    /// <summary>Args: line (int), message (string).</summary>
    public const string Invalid = "template.invalid";
    /// <summary>Args: code.</summary>
    public const string NotFound = "template.not_found";
    /// <summary>Args: code, version.</summary>
    public const string VersionNotFound = "template.version_not_found";
    public const string NotAllowed = "template.not_allowed";
    /// <summary>Args: version.</summary>
    public const string Unchanged = "template.unchanged";
    public const string Empty = "template.empty";
    /// <summary>Args: file name.</summary>
    public const string WrongFileType = "template.file_type";
    /// <summary>Args: size in MB.</summary>
    public const string TooLarge = "template.too_large";
    public const string FileRequired = "template.file_required";
}
