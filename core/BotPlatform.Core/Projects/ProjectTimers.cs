using System.Globalization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Core.Timers;

namespace BotPlatform.Core.Projects;

/// <summary>
/// Overdue tasks: in working hours the executor is reminded and the PM told, then once a working day
/// while the task stays open with its executor. The timer lives on the task and moves on in the same
/// unit of work that stores the reminder, so downtime fires it once.
/// </summary>
public sealed class ProjectTimers(
    IProjectTaskStore tasks,
    IProjectStore projects,
    IPeopleStore people,
    Common.IUnitOfWork unitOfWork,
    IOutboxStore outbox,
    Organisation organisation,
    TimeProvider time) : ITimerSource
{
    public string Name => "projects";

    public async Task<int> FireDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var fired = 0;
        foreach (var found in await tasks.DueAsync(now, 200, ct))
        {
            fired += await unitOfWork.RunAsync(async () =>
            {
                if (await tasks.GetAsync(found.Id, ct) is not { NextTimerAt: { } at } task || at > now) return 0;
                var calendar = organisation.Calendar;
                if (!calendar.IsWorkingMoment(now))
                {
                    task.NextTimerAt = calendar.NextWorkingMoment(now);
                    await tasks.TryUpdateAsync(task, ct);
                    return 0;
                }
                task.NextTimerAt = task.State is ProjectTaskState.Ready or ProjectTaskState.InProgress or ProjectTaskState.Paused
                    ? calendar.NextWorkingDayStart(now)
                    : null;
                if (task.NextTimerAt is null)
                {
                    await tasks.TryUpdateAsync(task, ct);
                    return 0;
                }
                task.RemindersSent++;
                var outgoing = new Outgoing($"timer:projects:{task.Id}:{at.UtcTicks.ToString(CultureInfo.InvariantCulture)}", time);
                var project = await projects.GetAsync(task.ProjectId, ct);
                var executor = await people.GetAsync(task.ExecutorId, ct);
                var due = task.PlannedEnd.ToDateTime(TimeOnly.MinValue);
                if (executor?.ChatId is { } chat)
                    outgoing.Send(chat, TaskTexts.Overdue.In(executor.Language, task.Title, project?.Number, due));
                if (project is not null && await people.GetAsync(project.PmId, ct) is { ChatId: { } pmChat } pm && pm.Id != task.ExecutorId)
                    outgoing.Send(pmChat, TaskTexts.OverdueToPm.In(pm.Language, project.Number, task.No, task.Title, executor?.Name ?? "—", due));
                if (!await tasks.TryUpdateAsync(task, ct)) return 0;
                await outbox.EnqueueAsync(outgoing.Messages, ct);
                return 1;
            }, ct);
        }
        return fired;
    }
}
