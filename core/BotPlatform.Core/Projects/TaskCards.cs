using System.Globalization;
using System.Text;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;

namespace BotPlatform.Core.Projects;

/// <summary>The task's cards: the executor's (instruction, checklist, Start / Pause / Done), the auditor's, the client's.</summary>
public static class TaskCards
{
    public const string Prefix = "tsk";
    public const string ClientPrefix = "tcl";
    public const string Start = "start";
    public const string Pause = "pause";
    public const string Done = "done";
    public const string Tick = "tick";
    public const string Accept = "accept";
    public const string Return = "return";
    public const string Approve = "ok";
    public const string Revise = "edit";

    public static string Data(ProjectTask task, string action, int? arg = null) =>
        arg is { } a ? $"{Prefix}:{Id(task)}:{action}:{a.ToString(CultureInfo.InvariantCulture)}" : $"{Prefix}:{Id(task)}:{action}";

    public static string ClientData(ProjectTask task, string action) =>
        $"{ClientPrefix}:{Id(task)}:{task.Round.ToString(CultureInfo.InvariantCulture)}:{action}";

    private static string Id(ProjectTask task) => task.Id.ToString(CultureInfo.InvariantCulture);

    public static string ExecutorText(ProjectTask task, Project project, Lang lang, decimal actualHours = 0)
    {
        var text = new StringBuilder();
        text.AppendLine(TaskTexts.CardTitle.In(lang, project.Number, task.No, task.Title));
        text.AppendLine(TaskTexts.CardProject.In(lang, project.Title));
        text.AppendLine(TaskTexts.CardDue.In(lang, task.PlannedEnd.ToDateTime(TimeOnly.MinValue), ProjectCard.Hours(task.EstimateHours)));
        text.AppendLine(TaskTexts.CardActual.In(lang, ProjectCard.Hours(actualHours), ProjectCard.Hours(task.EstimateHours)));
        text.AppendLine(TaskTexts.CardState.In(lang, ProjectTexts.State(task.State).In(lang)));
        if (!string.IsNullOrEmpty(task.Instruction)) text.AppendLine(TaskTexts.CardInstruction.In(lang, task.Instruction));
        if (!string.IsNullOrEmpty(task.ExpectedResult)) text.AppendLine(TaskTexts.CardResult.In(lang, task.ExpectedResult));
        if (task.LastComment is { } comment && task.State is not ProjectTaskState.Done) text.AppendLine(TaskTexts.CardComment.In(lang, comment));
        if (task.Checklist.Count > 0)
        {
            text.AppendLine(TaskTexts.CardChecklist.In(lang));
            foreach (var item in task.Checklist) text.AppendLine((item.Done ? "☑️ " : "⬜ ") + item.Text);
        }
        return text.ToString().TrimEnd();
    }

    public static IEnumerable<InlineButton[]> ExecutorButtons(ProjectTask task, Lang lang)
    {
        if (task.State is not (ProjectTaskState.Ready or ProjectTaskState.InProgress or ProjectTaskState.Paused)) yield break;
        for (var i = 0; i < task.Checklist.Count; i++)
        {
            var item = task.Checklist[i];
            var label = item.Text.Length > 40 ? item.Text[..39] + "…" : item.Text;
            yield return [new InlineButton((item.Done ? "☑️ " : "⬜ ") + label, Data(task, Tick, i))];
        }
        yield return task.State switch
        {
            ProjectTaskState.Ready => [new InlineButton(TaskTexts.StartButton.In(lang), Data(task, Start))],
            ProjectTaskState.Paused =>
                [new InlineButton(TaskTexts.ResumeButton.In(lang), Data(task, Start)), new InlineButton(TaskTexts.DoneButton.In(lang), Data(task, Done))],
            _ => [new InlineButton(TaskTexts.PauseButton.In(lang), Data(task, Pause)), new InlineButton(TaskTexts.DoneButton.In(lang), Data(task, Done))],
        };
    }

    public static string ReviewText(ProjectTask task, Project project, string executor, Lang lang) =>
        TaskTexts.ReviewCard.In(lang, project.Number, task.No, task.Title, executor, task.ResultText ?? "—");

    public static IEnumerable<InlineButton[]> ReviewButtons(ProjectTask task, Lang lang) =>
        [[new InlineButton(TaskTexts.AcceptButton.In(lang), Data(task, Accept)), new InlineButton(TaskTexts.ReturnButton.In(lang), Data(task, Return))]];

    /// <summary>Posted in the client's group when a task ends: what was done and, if asked, the result.</summary>
    public static string FinishedText(ProjectTask task, Lang lang, bool askDecision)
    {
        var text = TaskTexts.ClientFinished.In(lang, task.Title);
        if (!string.IsNullOrWhiteSpace(task.ResultText)) text += "\n" + TaskTexts.ClientResult.In(lang, task.ResultText);
        if (askDecision) text += "\n\n" + TaskTexts.ClientPleaseDecide.In(lang);
        return text;
    }

    public static IEnumerable<InlineButton[]> ClientButtons(ProjectTask task, Lang lang) =>
        [[new InlineButton(TaskTexts.ApproveButton.In(lang), ClientData(task, Approve)), new InlineButton(TaskTexts.ReviseButton.In(lang), ClientData(task, Revise))]];
}
