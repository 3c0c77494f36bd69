using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Briefs;

/// <summary>The <c>briefs:</c> section of the organisation file: the questionnaires a PM sends to a client's group.</summary>
public sealed record BriefsDefinition(IReadOnlyList<BriefTemplate> Templates)
{
    public static BriefsDefinition Empty { get; } = new([]);

    /// <summary>The brief of a project template, if the file names one for it.</summary>
    public BriefTemplate? ForProjectTemplate(string projectTemplate) =>
        Templates.FirstOrDefault(t => t.ProjectTemplates.Contains(projectTemplate, StringComparer.OrdinalIgnoreCase));

    public BriefTemplate? Template(string code) => Templates.FirstOrDefault(t => t.Code.Equals(code, StringComparison.OrdinalIgnoreCase));
}

/// <param name="ProjectTemplates">Codes of the project templates whose projects get this brief.</param>
/// <param name="Form">The agency's Google Form for this brief, used when Google credentials are configured.</param>
public sealed record BriefTemplate(string Code, string Title, IReadOnlyList<string> ProjectTemplates, IReadOnlyList<BriefQuestion> Questions,
    BriefFormSettings? Form = null);

/// <summary>One Google Form shared by every project of the template; each link prefills the project's code in the named question.</summary>
/// <param name="FormId">The form's id (from docs.google.com/forms/d/ID/edit).</param>
/// <param name="CodeQuestion">The title of the form's question that holds the project's code.</param>
public sealed record BriefFormSettings(string FormId, string CodeQuestion);

/// <param name="Field">The client's record field the answer is copied to (see <see cref="BriefFields"/>); null keeps it with the project only.</param>
public sealed record BriefQuestion(string Code, string Text, string? TextEn, string? Field, bool Required)
{
    public string In(Lang lang) => lang == Lang.En && TextEn is { Length: > 0 } en ? en : Text;
}
