using BotPlatform.Core.Approvals;
using BotPlatform.Core.People;
using BotPlatform.Infrastructure.Organisation.Yaml;

namespace BotPlatform.Infrastructure.Organisation.Sections;

/// <summary>One step of a route under <c>routes:</c>.</summary>
internal sealed class StepDto : LocatedNode
{
    public LocatedScalar? Name { get; set; }
    public LocatedScalar? Title { get; set; }
    public LocatedScalar? Assignee { get; set; }
    public LocatedScalar? Kind { get; set; }
    public LocatedMap<List<LocatedScalar>>? When { get; set; }
    public RemindersDto? Reminders { get; set; }
    public List<TaskDto>? Tasks { get; set; }
}

/// <summary>One task of a <c>kind: tasks</c> step.</summary>
internal sealed class TaskDto : LocatedNode
{
    public LocatedScalar? Name { get; set; }
    public LocatedScalar? Title { get; set; }
    public LocatedScalar? Assignee { get; set; }
    public LocatedScalar? Due { get; set; }
    public LocatedScalar? DoneBy { get; set; }
}

internal sealed class RemindersDto : LocatedNode
{
    public LocatedScalar? EveryWorkingHours { get; set; }
    public LocatedScalar? StrongAfterWorkingDays { get; set; }
    public LocatedScalar? EscalateAfterWorkingHours { get; set; }
    public LocatedScalar? EscalateAfterWorkingDays { get; set; }
    public LocatedScalar? EscalateTo { get; set; }
}

/// <summary>What the routes refer to: people and their roles, departments, cost items and document kinds.</summary>
internal sealed record RouteReferences(PeopleDirectory People, IReadOnlyList<DepartmentDefinition> Departments, ApprovalsDefinition Approvals)
{
    public bool SomeoneHolds(Role role) => People.All.Any(p => p.Person.Roles.Contains(role));
}

/// <summary>
/// The <c>routes:</c> mapping, route kind to steps. A kind left out keeps its route of
/// <see cref="ApprovalsDefinition.Default"/>. Every step must be one that someone in the file can act on.
/// </summary>
internal static class RoutesSection
{
    private static readonly Dictionary<string, RequestKind> RouteKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["payment"] = RequestKind.Payment,
        ["contract"] = RequestKind.Contract,
    };

    private static readonly Dictionary<string, StepKind> StepKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["approval"] = StepKind.Approval,
        ["tasks"] = StepKind.Tasks,
    };

    private static readonly Dictionary<string, TaskDue> Dues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["none"] = TaskDue.None,
        ["payment_day"] = TaskDue.PaymentDay,
    };

    private static readonly Dictionary<string, TaskCompletion> Completions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["button"] = TaskCompletion.Button,
        ["file"] = TaskCompletion.File,
    };

    public static IReadOnlyList<RouteDefinition> Read(
        LocatedMap<List<StepDto>>? map, RouteReferences references, OrganisationFileErrors errors)
    {
        var routes = new Dictionary<RequestKind, RouteDefinition>();
        var lineByKind = new Dictionary<RequestKind, int>();
        foreach (var (key, steps) in map?.Entries ?? [])
        {
            if (ValueReader.OneOf(key, "route kind", RouteKinds, errors) is not { } kind)
            {
                continue;
            }

            if (!lineByKind.TryAdd(kind, key.Line))
            {
                errors.Add(key, $"route {KeyOf(kind)} is already defined on line {lineByKind[kind]}");
            }
            else if (steps is null or [])
            {
                errors.Add(key, $"route {KeyOf(kind)} has no steps (leave it out for the default route)");
            }
            else
            {
                routes[kind] = new RouteDefinition(kind, ReadSteps(KeyOf(kind), steps, references, errors));
            }
        }

        return [.. Enum.GetValues<RequestKind>().Select(k => routes.GetValueOrDefault(k) ?? ApprovalsDefinition.Default.Route(k))];
    }

    private static string KeyOf(RequestKind kind) => RouteKinds.First(k => k.Value == kind).Key;

    private static List<StepDefinition> ReadSteps(string route, List<StepDto> dtos, RouteReferences references, OrganisationFileErrors errors)
    {
        var steps = new List<StepDefinition>();
        var lineByName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var dto in dtos)
        {
            var name = ReadName(dto.Name, dto.Line, $"a step of route {route}", lineByName, errors);
            var where = name is null ? $"the step on line {dto.Line} of route {route}" : $"step '{name}' of route {route}";
            var title = ReadTitle(dto.Title, dto.Line, where, errors);
            var kind = dto.Kind is { } k ? ValueReader.OneOf(k, "step kind", StepKinds, errors) : StepKind.Approval;
            var assignee = dto.Assignee is { } a ? ReadAssignee(a, where, references, errors) : null;
            var tasks = ReadTasks(dto.Tasks ?? [], where, references, errors);
            switch (kind)
            {
                case StepKind.Approval when dto.Assignee is null:
                    errors.Add(dto.Line, $"an approval step needs an 'assignee' ({where})");
                    break;
                case StepKind.Approval when dto.Tasks is [var first, ..]:
                    errors.Add(first.Line, $"only a step of kind tasks has tasks ({where})");
                    break;
                case StepKind.Tasks when dto.Assignee is { } extra:
                    errors.Add(extra, $"a tasks step has no assignee of its own, each task names one ({where})");
                    break;
                case StepKind.Tasks when dto.Tasks is null or []:
                    errors.Add(dto.Line, $"a tasks step needs at least one task under 'tasks' ({where})");
                    break;
            }

            var when = dto.When is { } condition ? ReadCondition(condition, where, references, errors) : null;
            var reminders = dto.Reminders is { } policy ? ReadReminders(policy, where, references, errors) : null;
            steps.Add(new StepDefinition(name ?? string.Empty, title, kind ?? StepKind.Approval, assignee, tasks, when, reminders));
        }

        return steps;
    }

    private static List<TaskDefinition> ReadTasks(List<TaskDto> dtos, string step, RouteReferences references, OrganisationFileErrors errors)
    {
        var tasks = new List<TaskDefinition>();
        var lineByName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var dto in dtos)
        {
            var name = ReadName(dto.Name, dto.Line, $"a task of {step}", lineByName, errors);
            var where = name is null ? $"the task on line {dto.Line} of {step}" : $"task '{name}' of {step}";
            var title = ReadTitle(dto.Title, dto.Line, where, errors);
            Assignee? assignee = null;
            if (dto.Assignee is { } a)
            {
                assignee = ReadAssignee(a, where, references, errors);
            }
            else
            {
                errors.Add(dto.Line, $"a task needs an 'assignee' ({where})");
            }

            var due = dto.Due is { } d ? ValueReader.OneOf(d, "due", Dues, errors) : TaskDue.None;
            var doneBy = dto.DoneBy is { } b ? ValueReader.OneOf(b, "done_by", Completions, errors) : TaskCompletion.Button;
            if (name is not null && assignee is not null)
            {
                tasks.Add(new TaskDefinition(name, title, assignee, doneBy ?? TaskCompletion.Button, due ?? TaskDue.None));
            }
        }

        return tasks;
    }

    /// <summary>A required latin name, unique (case-insensitive) among its siblings; null when it cannot be used.</summary>
    private static string? ReadName(
        LocatedScalar? value, int line, string what, Dictionary<string, int> lineByName, OrganisationFileErrors errors)
    {
        if (value is null || ValueReader.Text(value) is not { } name)
        {
            errors.Add(value?.Line ?? line, $"'name' is required for {what}");
            return null;
        }

        if (!ValueReader.IsCode(name))
        {
            errors.Add(value, $"name '{name}' of {what} may contain only latin letters, digits, _ and -");
        }
        else if (!lineByName.TryAdd(name, value.Line))
        {
            errors.Add(value, $"name '{name}' of {what} is already used on line {lineByName[name]}");
        }

        return name;
    }

    private static string ReadTitle(LocatedScalar? value, int line, string where, OrganisationFileErrors errors)
    {
        if (ValueReader.Text(value) is { } title)
        {
            return title;
        }

        errors.Add(value?.Line ?? line, $"'title' is required ({where})");
        return string.Empty;
    }

    /// <summary>"department_head", "role:X" or "person:Y"; the assignee must be someone in the file.</summary>
    private static Assignee? ReadAssignee(LocatedScalar value, string where, RouteReferences references, OrganisationFileErrors errors)
    {
        var text = value.Text.Trim();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var (prefix, argument) = colon < 0 ? (text, string.Empty) : (text[..colon].Trim(), text[(colon + 1)..].Trim());
        switch (prefix.ToLowerInvariant())
        {
            case "department_head" when colon < 0:
                CheckDepartmentHeads(value, where, references, errors);
                return Assignee.DepartmentHead;
            case "role" when argument.Length > 0:
                return ReadRole(value, argument, where, references, errors) is { } role ? Assignee.OfRole(role) : null;
            case "person" when argument.Length > 0:
                if (references.People.Find(argument) is { Person.Username: { } username })
                {
                    return Assignee.Named(username);
                }

                errors.Add(value, $"person '{argument}' is not listed under people ({where}; refer to a username)");
                return null;
            default:
                errors.Add(value, $"assignee '{text}' must be department_head, role:<role> or person:<username> ({where})");
                return null;
        }
    }

    private static void CheckDepartmentHeads(LocatedScalar value, string where, RouteReferences references, OrganisationFileErrors errors)
    {
        if (references.Departments.Count == 0)
        {
            errors.Add(value, $"no departments are listed, so there is no department head to decide ({where})");
        }

        foreach (var department in references.Departments.Where(d => d.Head is null))
        {
            errors.Add(value, $"department '{department.Code}' has no head to decide its requests ({where})");
        }
    }

    /// <summary>A known role that someone in the file holds, or else the step could never be done.</summary>
    private static Role? ReadRole(LocatedScalar value, string key, string where, RouteReferences references, OrganisationFileErrors errors)
    {
        if (!RoleNames.TryParse(key, out var role))
        {
            errors.Add(value, $"unknown role '{key}' ({where}; known: {string.Join(", ", RoleNames.AllKeys)})");
            return null;
        }

        CheckHolder(value, role, where, references, errors);
        return role;
    }

    private static void CheckHolder(LocatedScalar value, Role role, string where, RouteReferences references, OrganisationFileErrors errors)
    {
        if (!references.SomeoneHolds(role))
        {
            errors.Add(value, $"no one in the file has the role {RoleNames.ToKey(role)} ({where})");
        }
    }

    /// <summary>One field (document_kind, cost_item or department) and the codes it may have.</summary>
    private static StepCondition? ReadCondition(
        LocatedMap<List<LocatedScalar>> map, string where, RouteReferences references, OrganisationFileErrors errors)
    {
        if (map.Entries.Count == 0)
        {
            errors.Add(map.Line, $"'when' must name a field: {string.Join(", ", StepCondition.Fields)} ({where})");
            return null;
        }

        StepCondition? condition = null;
        foreach (var (key, values) in map.Entries)
        {
            var field = key.Text.Trim();
            if (KnownValues(field, references) is not { } known)
            {
                errors.Add(key, $"unknown 'when' field '{field}' ({where}; known: {string.Join(", ", StepCondition.Fields)})");
            }
            else if (condition is not null)
            {
                errors.Add(key, $"'when' may name only one field ({where})");
            }
            else if (values is null or [])
            {
                errors.Add(key, $"'when' field '{field}' must list at least one value ({where})");
            }
            else
            {
                condition = new StepCondition(field.ToLowerInvariant(), [.. values.Select(v => ReadConditionValue(v, field, known, where, errors))]);
            }
        }

        return condition;
    }

    private static IReadOnlyList<string>? KnownValues(string field, RouteReferences references) => field.ToLowerInvariant() switch
    {
        StepCondition.DocumentKindField => [.. references.Approvals.DocumentKinds.Select(k => k.Code)],
        StepCondition.CostItemField => [.. references.Approvals.CostItems.Select(i => i.Code)],
        StepCondition.DepartmentField => [.. references.Departments.Select(d => d.Code)],
        _ => null,
    };

    /// <summary>Normalised to the spelling of the list it refers to.</summary>
    private static string ReadConditionValue(
        LocatedScalar value, string field, IReadOnlyList<string> known, string where, OrganisationFileErrors errors)
    {
        var code = value.Text.Trim();
        if (known.FirstOrDefault(k => k.Equals(code, StringComparison.OrdinalIgnoreCase)) is { } listed)
        {
            return listed;
        }

        var list = known.Count == 0 ? "none are listed" : "known: " + string.Join(", ", known);
        errors.Add(value, $"unknown {field} '{code}' ({where}; {list})");
        return code;
    }

    private static ReminderPolicy ReadReminders(RemindersDto dto, string where, RouteReferences references, OrganisationFileErrors errors)
    {
        int? Number(LocatedScalar? value, string key) => value is null ? null : ValueReader.PositiveInteger(value, key, errors);

        if (dto.EscalateAfterWorkingHours is { } hours && dto.StrongAfterWorkingDays is null)
        {
            errors.Add(hours, "escalate_after_working_hours counts from the strong reminder, so it needs strong_after_working_days"
                + $" (or use escalate_after_working_days) ({where})");
        }

        var escalateTo = Role.OpsManager;
        if (dto.EscalateTo is { } target)
        {
            escalateTo = ReadRole(target, target.Text, where, references, errors) ?? Role.OpsManager;
        }
        else if (dto.EscalateAfterWorkingHours is not null || dto.EscalateAfterWorkingDays is not null)
        {
            // The default target must be someone too: report it where the escalation is set.
            CheckHolder(dto.EscalateAfterWorkingHours ?? dto.EscalateAfterWorkingDays!, escalateTo, where + ", escalate_to by default", references, errors);
        }

        return new ReminderPolicy(
            Number(dto.EveryWorkingHours, "every_working_hours"),
            Number(dto.StrongAfterWorkingDays, "strong_after_working_days"),
            Number(dto.EscalateAfterWorkingHours, "escalate_after_working_hours"),
            Number(dto.EscalateAfterWorkingDays, "escalate_after_working_days"),
            escalateTo);
    }
}
