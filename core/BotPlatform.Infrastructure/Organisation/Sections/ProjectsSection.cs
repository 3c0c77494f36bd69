using System.Globalization;
using BotPlatform.Core.People;
using BotPlatform.Core.Projects;
using BotPlatform.Infrastructure.Organisation.Yaml;

namespace BotPlatform.Infrastructure.Organisation.Sections;

/// <summary>The <c>projects:</c> mapping: work types (which are billable) and project templates.</summary>
internal sealed class ProjectsDto : LocatedNode
{
    public List<WorkTypeDto>? WorkTypes { get; set; }
    public List<ProjectTemplateDto>? Templates { get; set; }
}

internal sealed class WorkTypeDto : LocatedNode
{
    public LocatedScalar? Code { get; set; }
    public LocatedScalar? Name { get; set; }
    public LocatedScalar? Billable { get; set; }
}

internal sealed class ProjectTemplateDto : LocatedNode
{
    public LocatedScalar? Code { get; set; }
    public LocatedScalar? Name { get; set; }
    public List<TaskTemplateDto>? Tasks { get; set; }
}

internal sealed class TaskTemplateDto : LocatedNode
{
    public LocatedScalar? Code { get; set; }
    public LocatedScalar? Title { get; set; }
    public LocatedScalar? Estimate { get; set; }
    public LocatedScalar? Days { get; set; }
    public LocatedScalar? Executor { get; set; }
    public LocatedScalar? Auditor { get; set; }
    public LocatedScalar? Result { get; set; }
    public LocatedScalar? Instruction { get; set; }
    public List<LocatedScalar>? Checklist { get; set; }
    public LocatedScalar? WorkType { get; set; }
    public LocatedScalar? NotifyClientStart { get; set; }
    public LocatedScalar? NotifyClientFinish { get; set; }
    public LocatedScalar? ClientApproval { get; set; }
    public List<LocatedScalar>? After { get; set; }
}

/// <summary>
/// Checks every reference a template makes: the executor's and auditor's role (someone must hold it) or
/// person (listed under people), the work type, the tasks named in <c>after</c> (in the same template),
/// and that the waits form no cycle. A task without <c>after</c> waits for the task before it.
/// </summary>
internal static class ProjectsSection
{
    public const int MaxTasks = 500;

    private static readonly Dictionary<string, bool> Booleans = new(StringComparer.OrdinalIgnoreCase)
    {
        ["true"] = true, ["yes"] = true, ["on"] = true, ["false"] = false, ["no"] = false, ["off"] = false,
    };

    public static ProjectsDefinition? Read(ProjectsDto? dto, PeopleDirectory people, OrganisationFileErrors errors)
    {
        if (dto is null) return null;
        var workTypes = ReadWorkTypes(dto.WorkTypes ?? [], errors);
        var templates = new List<ProjectTemplate>();
        var lineByCode = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var template in dto.Templates ?? [])
        {
            var code = ValueReader.Text(template.Code);
            if (code is null) errors.Add(template.Line, "a project template needs a 'code'");
            else if (!ValueReader.IsCode(code)) errors.Add(template.Code!, $"template code '{code}' may contain only latin letters, digits, _ and -");
            else if (!lineByCode.TryAdd(code, template.Code!.Line)) errors.Add(template.Code, $"template code '{code}' is already used on line {lineByCode[code]}");
            var where = code is null ? $"the template on line {template.Line}" : $"template '{code}'";
            var name = ValueReader.Text(template.Name);
            if (name is null) errors.Add(template.Name?.Line ?? template.Line, $"'name' is required ({where})");
            var tasks = ReadTasks(template.Tasks ?? [], where, template.Line, workTypes, people, errors);
            if (code is not null && name is not null && tasks is not null) templates.Add(new ProjectTemplate(code, name, tasks));
        }
        return new ProjectsDefinition(workTypes, templates);
    }

    private static List<WorkType> ReadWorkTypes(List<WorkTypeDto> dtos, OrganisationFileErrors errors)
    {
        var types = new List<WorkType>();
        var lineByCode = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var dto in dtos)
        {
            var code = ValueReader.Text(dto.Code);
            if (code is null) { errors.Add(dto.Line, "a work type needs a 'code'"); continue; }
            if (!ValueReader.IsCode(code)) { errors.Add(dto.Code!, $"work type code '{code}' may contain only latin letters, digits, _ and -"); continue; }
            if (!lineByCode.TryAdd(code, dto.Code!.Line)) { errors.Add(dto.Code, $"work type '{code}' is already listed on line {lineByCode[code]}"); continue; }
            var billable = dto.Billable is { } b ? ValueReader.OneOf(b, $"billable value of work type '{code}'", Booleans, errors) ?? false : false;
            types.Add(new WorkType(code, ValueReader.Text(dto.Name) ?? code, billable));
        }
        return types;
    }

    private static List<TaskTemplate>? ReadTasks(List<TaskTemplateDto> dtos, string where, int line, List<WorkType> workTypes,
        PeopleDirectory people, OrganisationFileErrors errors)
    {
        if (dtos.Count == 0)
        {
            errors.Add(line, $"{where} has no tasks");
            return null;
        }
        if (dtos.Count > MaxTasks) errors.Add(line, $"{where} has {dtos.Count} tasks; at most {MaxTasks}");
        var ok = true;
        var codes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var read = new List<(TaskTemplateDto Dto, string Code)>();
        foreach (var dto in dtos)
        {
            var code = ValueReader.Text(dto.Code);
            if (code is null) { errors.Add(dto.Line, $"a task needs a 'code' ({where})"); ok = false; continue; }
            if (!ValueReader.IsCode(code)) { errors.Add(dto.Code!, $"task code '{code}' may contain only latin letters, digits, _ and - ({where})"); ok = false; continue; }
            if (!codes.TryAdd(code, dto.Code!.Line)) { errors.Add(dto.Code, $"task code '{code}' is already used on line {codes[code]} ({where})"); ok = false; continue; }
            read.Add((dto, code));
        }
        var tasks = new List<TaskTemplate>();
        string? previous = null;
        foreach (var (dto, code) in read)
        {
            var whereTask = $"task '{code}' of {where}";
            var title = ValueReader.Text(dto.Title);
            if (title is null) { errors.Add(dto.Title?.Line ?? dto.Line, $"'title' is required ({whereTask})"); ok = false; }
            var estimate = dto.Estimate is { } e ? Hours(e, whereTask, errors) : Missing(dto.Line, "estimate", whereTask, errors);
            var days = dto.Days is { } d ? ValueReader.PositiveInteger(d, $"days of {whereTask}", errors) : 1;
            var executor = dto.Executor is { } x ? ReadAssignee(x, whereTask, people, errors) : MissingAssignee(dto.Line, "executor", whereTask, errors);
            var auditor = dto.Auditor is { } a ? ReadAssignee(a, whereTask, people, errors) : TaskAssignee.ProjectManager;
            var workType = ValueReader.Text(dto.WorkType);
            if (workType is null) { errors.Add(dto.Line, $"'work_type' is required ({whereTask}; known: {Known(workTypes)})"); ok = false; }
            else if (workTypes.All(t => !t.Code.Equals(workType, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(dto.WorkType!, $"unknown work type '{workType}' ({whereTask}; known: {Known(workTypes)})");
                ok = false;
            }
            var after = new List<string>();
            if (dto.After is { } waits)
            {
                foreach (var wait in waits)
                {
                    var target = wait.Text.Trim();
                    if (!codes.ContainsKey(target)) { errors.Add(wait, $"unknown task '{target}' in 'after' ({whereTask})"); ok = false; }
                    else if (target.Equals(code, StringComparison.OrdinalIgnoreCase)) { errors.Add(wait, $"a task cannot wait for itself ({whereTask})"); ok = false; }
                    else after.Add(codes.Keys.First(k => k.Equals(target, StringComparison.OrdinalIgnoreCase)));
                }
            }
            else if (previous is not null)
            {
                after.Add(previous);
            }
            previous = code;
            if (title is null || estimate is null || days is null || executor is null || auditor is null || workType is null) { ok = false; continue; }
            tasks.Add(new TaskTemplate(code, title, estimate.Value, days.Value, executor, auditor,
                ValueReader.Text(dto.Result) ?? "", ValueReader.Text(dto.Instruction) ?? "",
                [.. (dto.Checklist ?? []).Select(ValueReader.Text).OfType<string>()],
                workTypes.First(t => t.Code.Equals(workType, StringComparison.OrdinalIgnoreCase)).Code,
                Flag(dto.NotifyClientStart, "notify_client_start", whereTask, errors),
                Flag(dto.NotifyClientFinish, "notify_client_finish", whereTask, errors),
                Flag(dto.ClientApproval, "client_approval", whereTask, errors),
                after));
        }
        if (ok && FindCycle(tasks) is { } cycle)
        {
            errors.Add(codes[cycle[0]], $"tasks wait for each other in a circle: {string.Join(" -> ", cycle.Append(cycle[0]))} ({where})");
            ok = false;
        }
        return ok ? tasks : null;
    }

    /// <summary>A cycle in the waits, as the codes along it; null when the tasks can be ordered.</summary>
    private static List<string>? FindCycle(List<TaskTemplate> tasks)
    {
        var byCode = tasks.ToDictionary(t => t.Code, StringComparer.OrdinalIgnoreCase);
        var state = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase); // 1 visiting, 2 done
        var path = new List<string>();
        List<string>? Visit(string code)
        {
            if (state.GetValueOrDefault(code) == 2) return null;
            if (state.GetValueOrDefault(code) == 1) return path[path.FindIndex(c => c.Equals(code, StringComparison.OrdinalIgnoreCase))..];
            state[code] = 1;
            path.Add(code);
            foreach (var wait in byCode[code].After)
            {
                if (Visit(wait) is { } found) return found;
            }
            path.RemoveAt(path.Count - 1);
            state[code] = 2;
            return null;
        }
        return tasks.Select(t => Visit(t.Code)).FirstOrDefault(c => c is not null);
    }

    private static string Known(List<WorkType> types) => types.Count == 0 ? "none: list them under work_types" : string.Join(", ", types.Select(t => t.Code));

    private static decimal? Hours(LocatedScalar value, string where, OrganisationFileErrors errors)
    {
        if (decimal.TryParse(value.Text.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours)
            && hours > 0 && hours <= 10_000)
            return hours;
        errors.Add(value, $"estimate '{value.Text}' is not a number of hours between 0 and 10000 ({where})");
        return null;
    }

    private static decimal? Missing(int line, string key, string where, OrganisationFileErrors errors)
    {
        errors.Add(line, $"'{key}' is required ({where})");
        return null;
    }

    private static TaskAssignee? MissingAssignee(int line, string key, string where, OrganisationFileErrors errors)
    {
        errors.Add(line, $"'{key}' is required ({where}: pm, role:<role> or person:<username>)");
        return null;
    }

    private static bool Flag(LocatedScalar? value, string key, string where, OrganisationFileErrors errors) =>
        value is not null && (ValueReader.OneOf(value, $"{key} value ({where})", Booleans, errors) ?? false);

    /// <summary>"pm", "role:X" (someone in the file must hold it) or "person:Y" (listed under people).</summary>
    private static TaskAssignee? ReadAssignee(LocatedScalar value, string where, PeopleDirectory people, OrganisationFileErrors errors)
    {
        var text = value.Text.Trim();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var (prefix, argument) = colon < 0 ? (text, string.Empty) : (text[..colon].Trim(), text[(colon + 1)..].Trim());
        switch (prefix.ToLowerInvariant())
        {
            case "pm" when colon < 0:
                return TaskAssignee.ProjectManager;
            case "role" when argument.Length > 0:
                if (!RoleNames.TryParse(argument, out var role))
                {
                    errors.Add(value, $"unknown role '{argument}' ({where}; known: {string.Join(", ", RoleNames.AllKeys)})");
                    return null;
                }
                if (!people.All.Any(p => p.Person.Roles.Contains(role)))
                {
                    errors.Add(value, $"no one in the file has the role {RoleNames.ToKey(role)} ({where})");
                    return null;
                }
                return TaskAssignee.OfRole(role);
            case "person" when argument.Length > 0:
                if (people.Find(argument) is { Person.Username: { } username }) return TaskAssignee.Named(username);
                errors.Add(value, $"person '{argument}' is not listed under people ({where}; refer to a username)");
                return null;
            default:
                errors.Add(value, $"'{text}' must be pm, role:<role> or person:<username> ({where})");
                return null;
        }
    }
}
