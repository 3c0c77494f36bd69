using BotPlatform.Core.People;

namespace BotPlatform.Core.Projects;

/// <summary>The <c>projects:</c> section of the organisation file: work types and project templates.</summary>
public sealed record ProjectsDefinition(IReadOnlyList<WorkType> WorkTypes, IReadOnlyList<ProjectTemplate> Templates)
{
    public static ProjectsDefinition Empty { get; } = new([], []);

    public ProjectTemplate? Template(string code) =>
        Templates.FirstOrDefault(t => t.Code.Equals(code, StringComparison.OrdinalIgnoreCase));

    public WorkType? WorkType(string code) =>
        WorkTypes.FirstOrDefault(t => t.Code.Equals(code, StringComparison.OrdinalIgnoreCase));
}

/// <param name="Billable">Whether hours of this type are billed to the client (billing reads it from the time entries).</param>
public sealed record WorkType(string Code, string Name, bool Billable);

/// <summary>One kind of service (SMM monthly, website...): its tasks in order.</summary>
public sealed record ProjectTemplate(string Code, string Name, IReadOnlyList<TaskTemplate> Tasks);

/// <param name="EstimateHours">Net working hours planned.</param>
/// <param name="Days">Working days the task takes on the calendar.</param>
/// <param name="After">Codes of the tasks it waits for; empty for the first task. The file's default
/// (the task before it) is already resolved.</param>
public sealed record TaskTemplate(
    string Code,
    string Title,
    decimal EstimateHours,
    int Days,
    TaskAssignee Executor,
    TaskAssignee Auditor,
    string Result,
    string Instruction,
    IReadOnlyList<string> Checklist,
    string WorkType,
    bool NotifyClientStart,
    bool NotifyClientFinish,
    bool ClientApproval,
    IReadOnlyList<string> After);

public enum TaskAssigneeKind
{
    /// <summary>The project's manager.</summary>
    ProjectManager,
    /// <summary>A holder of a role (the first active one in the people list).</summary>
    Role,
    /// <summary>A person listed in the file, by username.</summary>
    Person,
}

/// <summary>"pm", "role:X" or "person:Y" in the file.</summary>
public sealed record TaskAssignee(TaskAssigneeKind Kind, Role? Role = null, string? Username = null)
{
    public static TaskAssignee ProjectManager { get; } = new(TaskAssigneeKind.ProjectManager);
    public static TaskAssignee OfRole(Role role) => new(TaskAssigneeKind.Role, role);
    public static TaskAssignee Named(string username) => new(TaskAssigneeKind.Person, Username: username);

    public override string ToString() => Kind switch
    {
        TaskAssigneeKind.ProjectManager => "pm",
        TaskAssigneeKind.Role => "role:" + RoleNames.ToKey(Role!.Value),
        _ => "person:" + Username,
    };
}
