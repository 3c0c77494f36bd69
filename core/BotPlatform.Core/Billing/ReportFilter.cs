using BotPlatform.Core.Localization;
using BotPlatform.Core.Projects;

namespace BotPlatform.Core.Billing;

/// <summary>
/// Which of the chosen projects' tasks a report takes. <see cref="WorkTypes"/> empty: every work type.
/// <see cref="States"/>: the task states that count as delivered; done only by default, and a PM may add
/// <see cref="ProjectTaskState.ClientReview"/> (accepted by the auditor, waiting for the client's nod):
/// work that is still in progress never goes into a report, because a task is billed once, whole.
/// </summary>
public sealed record ReportFilter(IReadOnlyList<string> WorkTypes, IReadOnlyList<ProjectTaskState> States)
{
    public static ReportFilter Default { get; } = new([], [ProjectTaskState.Done]);

    /// <summary>The states a PM may choose from.</summary>
    public static IReadOnlyList<ProjectTaskState> Deliverable { get; } = [ProjectTaskState.Done, ProjectTaskState.ClientReview];

    public bool Takes(ProjectTask task) =>
        States.Contains(task.State) && (WorkTypes.Count == 0 || WorkTypes.Contains(task.WorkType, StringComparer.OrdinalIgnoreCase));

    public bool IsDefault => WorkTypes.Count == 0 && States is [ProjectTaskState.Done];

    /// <summary>A filter that names an unknown work type or a state that is not delivered work: the problem to show.</summary>
    public Common.Problem? Check(ProjectsDefinition definition)
    {
        if (WorkTypes.FirstOrDefault(w => definition.WorkType(w) is null) is { } unknown) return new Common.Problem(ReportDialogProblems.WorkType, unknown);
        if (States.Count == 0 || States.Any(s => !Deliverable.Contains(s))) return new Common.Problem(ReportDialogProblems.Status);
        return null;
    }

    public static Text StateName(ProjectTaskState state) => state == ProjectTaskState.ClientReview ? ReportDialogTexts.ClientReviewState : ReportDialogTexts.DoneState;

    /// <summary>"Вид работ: Дизайн, Контент · задачи: завершённые" for the card and the page; empty for the default filter.</summary>
    public static string Describe(BillingReport report, Lang lang)
    {
        if (report.WorkTypes.Count == 0 && report.TaskStates.Count == 0) return "";
        var types = report.WorkTypes.Count == 0
            ? ReportDialogTexts.AllWorkTypes.In(lang)
            : string.Join(", ", report.WorkTypeNames.Count == report.WorkTypes.Count ? report.WorkTypeNames : report.WorkTypes);
        var states = string.Join(", ", (report.TaskStates.Count == 0 ? [ProjectTaskState.Done] : report.TaskStates).Select(s => StateName(s).In(lang)));
        return ReportDialogTexts.FilterLine.In(lang, types, states);
    }
}
