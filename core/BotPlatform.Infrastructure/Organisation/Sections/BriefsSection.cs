using BotPlatform.Core.Briefs;
using BotPlatform.Core.Projects;
using BotPlatform.Infrastructure.Organisation.Yaml;

namespace BotPlatform.Infrastructure.Organisation.Sections;

internal sealed class BriefTemplateDto : LocatedNode
{
    public LocatedScalar? Code { get; set; }
    public LocatedScalar? Title { get; set; }
    /// <summary>The project templates whose projects get this brief.</summary>
    public List<LocatedScalar>? For { get; set; }
    public List<BriefQuestionDto>? Questions { get; set; }
    /// <summary>The agency's Google Form for this brief (used when Google credentials are configured).</summary>
    public LocatedScalar? FormId { get; set; }
    /// <summary>The title of the form's question the project's code is prefilled in.</summary>
    public LocatedScalar? FormCodeQuestion { get; set; }
}

internal sealed class BriefQuestionDto : LocatedNode
{
    public LocatedScalar? Code { get; set; }
    public LocatedScalar? Text { get; set; }
    public LocatedScalar? TextEn { get; set; }
    public LocatedScalar? Field { get; set; }
    public LocatedScalar? Required { get; set; }
}

/// <summary>
/// The <c>briefs:</c> list: each brief names the project templates it serves (known codes, each served by one
/// brief at most) and its questions, each with an optional client field it fills (a known field, filled by one
/// question at most).
/// </summary>
internal static class BriefsSection
{
    public const int MaxQuestions = 50;

    private static readonly Dictionary<string, bool> Booleans = new(StringComparer.OrdinalIgnoreCase)
    {
        ["true"] = true, ["yes"] = true, ["on"] = true, ["false"] = false, ["no"] = false, ["off"] = false,
    };

    public static BriefsDefinition? Read(List<BriefTemplateDto>? dtos, ProjectsDefinition? projects, OrganisationFileErrors errors)
    {
        if (dtos is null) return null;
        var templates = new List<BriefTemplate>();
        var codes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var served = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var dto in dtos)
        {
            var ok = true;
            var code = ValueReader.Text(dto.Code);
            if (code is null) { errors.Add(dto.Line, "a brief needs a 'code'"); ok = false; }
            else if (!ValueReader.IsCode(code)) { errors.Add(dto.Code!, $"brief code '{code}' may contain only latin letters, digits, _ and -"); ok = false; }
            else if (!codes.TryAdd(code, dto.Code!.Line)) { errors.Add(dto.Code, $"brief code '{code}' is already used on line {codes[code]}"); ok = false; }
            var where = code is null ? $"the brief on line {dto.Line}" : $"brief '{code}'";
            var title = ValueReader.Text(dto.Title);
            if (title is null) { errors.Add(dto.Title?.Line ?? dto.Line, $"'title' is required ({where})"); ok = false; }

            var forTemplates = new List<string>();
            if (dto.For is not { Count: > 0 }) { errors.Add(dto.Line, $"'for' must list the project templates that get this brief ({where})"); ok = false; }
            foreach (var target in dto.For ?? [])
            {
                var text = target.Text.Trim();
                if (projects?.Template(text) is not { } template)
                {
                    var known = projects is null || projects.Templates.Count == 0 ? "none" : string.Join(", ", projects.Templates.Select(t => t.Code));
                    errors.Add(target, $"unknown project template '{text}' in 'for' ({where}; known: {known})");
                    ok = false;
                }
                else if (!served.TryAdd(template.Code, code ?? "?"))
                {
                    errors.Add(target, $"project template '{template.Code}' already gets brief '{served[template.Code]}' ({where})");
                    ok = false;
                }
                else forTemplates.Add(template.Code);
            }

            var questions = ReadQuestions(dto.Questions ?? [], where, dto.Line, errors);
            BriefFormSettings? form = null;
            var formId = ValueReader.Text(dto.FormId);
            var codeQuestion = ValueReader.Text(dto.FormCodeQuestion);
            if (formId is not null && !formId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                errors.Add(dto.FormId!, $"form_id '{formId}' is not a Google Form id: take it from the form's edit link docs.google.com/forms/d/ID/edit ({where})");
                ok = false;
            }
            else if (formId is not null && codeQuestion is null)
            {
                errors.Add(dto.FormId!, $"'form_code_question' must name the form's question the project's code is prefilled in ({where})");
                ok = false;
            }
            else if (formId is null && codeQuestion is not null)
            {
                errors.Add(dto.FormCodeQuestion!, $"'form_code_question' needs 'form_id' ({where})");
                ok = false;
            }
            else if (formId is not null) form = new BriefFormSettings(formId, codeQuestion!);
            if (ok && questions is not null) templates.Add(new BriefTemplate(code!, title!, forTemplates, questions, form));
        }
        return new BriefsDefinition(templates);
    }

    private static List<BriefQuestion>? ReadQuestions(List<BriefQuestionDto> dtos, string where, int line, OrganisationFileErrors errors)
    {
        if (dtos.Count == 0)
        {
            errors.Add(line, $"{where} has no questions");
            return null;
        }
        if (dtos.Count > MaxQuestions) errors.Add(line, $"{where} has {dtos.Count} questions; at most {MaxQuestions}");
        var ok = true;
        var questions = new List<BriefQuestion>();
        var codes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var fields = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var dto in dtos)
        {
            var code = ValueReader.Text(dto.Code);
            if (code is null) { errors.Add(dto.Line, $"a question needs a 'code' ({where})"); ok = false; continue; }
            if (!ValueReader.IsCode(code)) { errors.Add(dto.Code!, $"question code '{code}' may contain only latin letters, digits, _ and - ({where})"); ok = false; continue; }
            if (!codes.TryAdd(code, dto.Code!.Line)) { errors.Add(dto.Code, $"question code '{code}' is already used on line {codes[code]} ({where})"); ok = false; continue; }
            var whereQuestion = $"question '{code}' of {where}";
            var text = ValueReader.Text(dto.Text);
            if (text is null) { errors.Add(dto.Text?.Line ?? dto.Line, $"'text' is required ({whereQuestion})"); ok = false; continue; }
            var field = ValueReader.Text(dto.Field)?.ToLowerInvariant();
            if (field is not null && !BriefFields.IsKnown(field))
            {
                errors.Add(dto.Field!, $"unknown client field '{field}' ({whereQuestion}; known: {string.Join(", ", BriefFields.All)})");
                ok = false;
                continue;
            }
            if (field is not null && !fields.TryAdd(field, dto.Field!.Line))
            {
                errors.Add(dto.Field!, $"client field '{field}' is already filled by the question on line {fields[field]} ({whereQuestion})");
                ok = false;
                continue;
            }
            var required = dto.Required is not { } r || (ValueReader.OneOf(r, $"required value ({whereQuestion})", Booleans, errors) ?? true);
            questions.Add(new BriefQuestion(code, text, ValueReader.Text(dto.TextEn), field, required));
        }
        return ok ? questions : null;
    }
}
