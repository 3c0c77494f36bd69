using BotPlatform.Core.Approvals;
using BotPlatform.Core.Calendar;

namespace BotPlatform.Core.Analytics;

/// <summary>
/// One visit of a request to a step and what came of it: who acted (and for whom), when the step was
/// received and decided, the working hours in between, the decision and its reason, reminders and
/// escalation. A task step gives one visit per task done. An open visit has no decision yet.
/// </summary>
public sealed record StepVisit(
    int Seq,
    string Step,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? DecidedAt,
    string? Action,
    long? ActorId,
    long? OnBehalfOfId,
    string? Reason,
    double WorkingHours,
    int Reminders,
    bool StrongReminder,
    DateTimeOffset? EscalatedAt,
    IReadOnlyList<long> Waiting)
{
    public bool IsOpen => DecidedAt is null;
}

/// <summary>Reads a request's timeline into step visits (its history keeps every fact needed).</summary>
public static class StepVisits
{
    /// <summary>Actions that end a person's part of a step visit.</summary>
    public static readonly IReadOnlySet<string> Decisions = new HashSet<string>
    {
        ApprovalActions.Approved, ApprovalActions.Rejected, ApprovalActions.Frozen, ApprovalActions.DocumentsRequested,
        ApprovalActions.TaskDone, ApprovalActions.Withdrawn,
    };

    /// <summary>
    /// A step visit starts when the entry before its first one was recorded (a step is entered in the same
    /// moment as the decision, submission or resumption that led to it); the current visit knows its start.
    /// Working hours are counted on the organisation's calendar (its holidays, weekends and working Saturdays).
    /// </summary>
    public static IReadOnlyList<StepVisit> Of(ApprovalRequest r, WorkingCalendar calendar, DateTimeOffset now)
    {
        var visits = new List<StepVisit>();
        var seqs = r.History.Where(e => e.Seq > 0).Select(e => e.Seq).Distinct().ToList();
        if (r.Current is { } current && !seqs.Contains(current.Seq)) seqs.Add(current.Seq);
        foreach (var seq in seqs.Order())
        {
            var entries = r.History.Where(e => e.Seq == seq).ToList();
            var received = r.Current?.Seq == seq
                ? r.Current.StartedAt
                : r.History.Where(e => e.Seq < seq).Select(e => e.At).DefaultIfEmpty(r.CreatedAt).Max();
            var step = entries.FirstOrDefault(e => e.Step is not null)?.Step ?? r.Current?.Title ?? "";
            var reminders = entries.Count(e => e.Action is ApprovalActions.Reminder or ApprovalActions.StrongReminder);
            var strong = entries.Any(e => e.Action == ApprovalActions.StrongReminder);
            var escalated = entries.FirstOrDefault(e => e.Action == ApprovalActions.Escalated)?.At;
            var decisions = entries.Where(e => Decisions.Contains(e.Action)).ToList();
            foreach (var d in decisions)
            {
                visits.Add(new StepVisit(seq, step, received, d.At, d.Action, d.ActorId, d.OnBehalfOfId, d.Reason,
                    Hours(calendar, received, d.At), reminders, strong, escalated, []));
            }
            var open = r.Status == Approvals.RequestStatus.InProgress && r.Current?.Seq == seq
                ? r.Current.Assignments.Where(a => !a.Done).ToList()
                : [];
            if (open.Count > 0)
            {
                visits.Add(new StepVisit(seq, step, received, null, null, null, null, null, Hours(calendar, received, now), reminders, strong,
                    escalated, open.SelectMany(a => a.AssigneeIds).Distinct().ToList()));
            }
        }
        return visits;
    }

    private static double Hours(WorkingCalendar calendar, DateTimeOffset from, DateTimeOffset to) =>
        to <= from ? 0 : Math.Round(calendar.WorkingTimeBetween(from, to).TotalHours, 2);
}
