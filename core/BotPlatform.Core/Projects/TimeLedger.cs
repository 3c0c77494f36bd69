using BotPlatform.Core.Common;

namespace BotPlatform.Core.Projects;

/// <summary>
/// Hours worked on a task, for billing: each entry knows its task, project, client, person, work type and
/// whether the type is billable. A timed entry runs from Start (or a resume) to Pause or Done; a manual one
/// has only hours. Corrections are audited in the entry's history.
/// </summary>
public sealed class TimeEntry : IVersioned
{
    public long Id { get; set; }
    public int Version { get; set; }
    public long TaskId { get; set; }
    public long ProjectId { get; set; }
    public long ClientId { get; set; }
    public long PersonId { get; set; }
    public string WorkType { get; set; } = "";
    public bool Billable { get; set; }
    /// <summary>The local working date the hours count for.</summary>
    public DateOnly Date { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    /// <summary>Null while the timer runs.</summary>
    public DateTimeOffset? EndedAt { get; set; }
    public decimal Hours { get; set; }
    public bool Manual { get; set; }
    public string? Comment { get; set; }
    public long CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<ProjectEvent> History { get; set; } = [];

    public bool IsRunning => !Manual && EndedAt is null;
}

public interface ITimeEntryStore
{
    Task<TimeEntry?> GetAsync(long id, CancellationToken ct);
    Task<IReadOnlyList<TimeEntry>> ByTaskAsync(long taskId, CancellationToken ct);
    Task<IReadOnlyList<TimeEntry>> ByProjectAsync(long projectId, CancellationToken ct);
    /// <summary>The person's entries dated within [from, to].</summary>
    Task<IReadOnlyList<TimeEntry>> ByPersonAsync(long personId, DateOnly from, DateOnly to, CancellationToken ct);
    Task InsertAsync(TimeEntry entry, CancellationToken ct);
    Task<bool> TryUpdateAsync(TimeEntry entry, CancellationToken ct);
}

/// <summary>What the task's life writes into the time entries (called inside the task's unit of work).</summary>
public interface ITimeLedger
{
    Task OpenAsync(ProjectTask task, Project project, long personId, DateTimeOffset now, CancellationToken ct);
    Task CloseAsync(ProjectTask task, DateTimeOffset now, CancellationToken ct);
    Task<decimal> HoursAsync(long taskId, CancellationToken ct);
}

public sealed class TimeLedger(ITimeEntryStore entries, People.Organisation organisation) : ITimeLedger
{
    public const string Opened = "opened";
    public const string Closed = "closed";

    public async Task OpenAsync(ProjectTask task, Project project, long personId, DateTimeOffset now, CancellationToken ct)
    {
        if ((await entries.ByTaskAsync(task.Id, ct)).Any(e => e.IsRunning)) return;
        var entry = new TimeEntry
        {
            TaskId = task.Id, ProjectId = project.Id, ClientId = project.ClientId, PersonId = personId, WorkType = task.WorkType, Billable = task.Billable,
            Date = organisation.Calendar.LocalDate(now), StartedAt = now, CreatedBy = personId, CreatedAt = now,
        };
        entry.History.Add(new ProjectEvent { Action = Opened, At = now, ActorId = personId });
        await entries.InsertAsync(entry, ct);
    }

    public async Task CloseAsync(ProjectTask task, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var entry in (await entries.ByTaskAsync(task.Id, ct)).Where(e => e.IsRunning))
        {
            entry.EndedAt = now;
            entry.Hours = NetHours(entry.StartedAt!.Value, now);
            entry.History.Add(new ProjectEvent { Action = Closed, At = now, ActorId = entry.PersonId, Reason = entry.Hours.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            if (!await entries.TryUpdateAsync(entry, ct)) throw new InvalidOperationException($"Time entry {entry.Id} changed while it was closed");
        }
    }

    public async Task<decimal> HoursAsync(long taskId, CancellationToken ct) => (await entries.ByTaskAsync(taskId, ct)).Sum(e => e.Hours);

    /// <summary>The period's length in hours, to the hundredth.</summary>
    public static decimal NetHours(DateTimeOffset from, DateTimeOffset to) =>
        to <= from ? 0 : Math.Round((decimal)(to - from).TotalMinutes / 60m, 2, MidpointRounding.AwayFromZero);
}
