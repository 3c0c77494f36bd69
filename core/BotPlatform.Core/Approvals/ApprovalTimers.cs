using System.Security.Cryptography;
using System.Text;
using BotPlatform.Core.Common;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Core.Timers;

namespace BotPlatform.Core.Approvals;

/// <summary>
/// Reminders, strong reminders, escalations, payment-day mornings and overdue reports. Only requests
/// with a due timer are read (an index on the earliest timer). Everything one sweep fires is stored in
/// one unit of work with the timers moved on, so a crash or downtime fires each timer once. Overdue
/// regular reminders missed during downtime collapse into one; strong reminders and escalations each
/// fire. Reminders due to one person in one sweep arrive as a single digest.
/// </summary>
public sealed class ApprovalTimers(
    IApprovalStore store,
    IPeopleStore peopleStore,
    IUnitOfWork unitOfWork,
    IOutboxStore outbox,
    ApprovalEngine engine,
    StepRouter router,
    Organisation organisation,
    TimeProvider time) : ITimerSource
{
    private const int BatchSize = 200;

    public string Name => "approvals";

    private sealed record Notice(long RecipientId, ApprovalRequest Request, Assignment Assignment, TimerKind Kind, DateTimeOffset At);

    public async Task<int> FireDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var fired = 0;
        while (true)
        {
            var due = await store.DueAsync(now, BatchSize, ct);
            if (due.Count == 0) return fired;
            fired += await unitOfWork.RunAsync(() => FireAsync(due.Select(r => r.Id).ToList(), now, ct), ct);
            if (due.Count < BatchSize) return fired;
        }
    }

    private async Task<int> FireAsync(IReadOnlyList<long> ids, DateTimeOffset now, CancellationToken ct)
    {
        var people = await PeopleDirectory.LoadAsync(peopleStore, now, ct);
        var notices = new List<Notice>();
        var changed = new List<(ApprovalRequest Request, int HistoryBefore)>();
        foreach (var id in ids)
        {
            // Re-read inside the unit of work: a decision may have landed since the due list was read.
            if (await store.GetAsync(id, ct) is not { } r) continue;
            var before = r.History.Count;
            if (r.Status != RequestStatus.InProgress || r.Current is not { } step)
            {
                r.Refresh();
                changed.Add((r, before));
                continue;
            }
            foreach (var a in step.Assignments.Where(a => !a.Done && a.NextTimerAt <= now))
                notices.AddRange(Fire(r, step, a, now, people));
            r.Refresh();
            changed.Add((r, before));
        }
        var outgoing = new Outgoing("timer:approvals:" + Key(notices, now), time);
        Deliver(notices, people, outgoing, now);
        foreach (var (r, before) in changed) await engine.SaveAsync(r, before, null, ct);
        await outbox.EnqueueAsync(outgoing.Messages, ct);
        if (changed.Count == 0) return 0;
        return notices.Count;
    }

    /// <summary>Fires what is due on one assignment and moves its timer on; returns who must hear about it.</summary>
    private IEnumerable<Notice> Fire(ApprovalRequest r, StepState step, Assignment a, DateTimeOffset now, PeopleDirectory people)
    {
        var fired = new List<(TimerKind Kind, DateTimeOffset At)>();
        var policy = router.Definition(r).Reminders;
        while (a.NextTimerAt is { } at && at <= now)
        {
            fired.Add((a.NextTimer, at));
            if (a.Task is null)
            {
                var next = ReminderSchedule.Next(policy, organisation.Calendar, step.StartedAt, at);
                (a.NextTimerAt, a.NextTimer) = (next?.At, next?.Kind ?? TimerKind.None);
            }
            else if (a.NextTimer == TimerKind.DueMorning && a.Due is { } due && router.DueDay(due).End is var end && end > at)
            {
                (a.NextTimerAt, a.NextTimer) = (end, TimerKind.Overdue);
            }
            else
            {
                (a.NextTimerAt, a.NextTimer) = (null, TimerKind.None);
            }
        }
        // Regular reminders missed while the host was down collapse into the latest one.
        var lastRegular = fired.LastOrDefault(f => f.Kind == TimerKind.Reminder);
        foreach (var (kind, at) in fired.Where(f => f.Kind != TimerKind.Reminder || f == lastRegular))
        {
            r.Record(Action(kind), now, reason: organisation.Calendar.ToLocal(at).ToString("dd.MM HH:mm"));
            a.RemindersSent++;
            if (kind == TimerKind.Escalation) a.Escalated = true;
            foreach (var recipient in Recipients(r, a, kind, policy, people)) yield return new Notice(recipient, r, a, kind, at);
        }
    }

    private static IEnumerable<long> Recipients(ApprovalRequest r, Assignment a, TimerKind kind, ReminderPolicy? policy, PeopleDirectory people) =>
        kind switch
        {
            TimerKind.Escalation => people.WithRole(policy?.EscalateTo ?? Role.OpsManager).Select(p => p.Id),
            TimerKind.Overdue => people.WithRole(Role.FinanceManager).Select(p => p.Id),
            _ => a.AssigneeIds.Select(id => people[id] is { } p ? people.ActingFor(p).Id : id).Distinct(),
        };

    private static string Action(TimerKind kind) => kind switch
    {
        TimerKind.StrongReminder => ApprovalActions.StrongReminder,
        TimerKind.Escalation => ApprovalActions.Escalated,
        TimerKind.Overdue => ApprovalActions.Overdue,
        _ => ApprovalActions.Reminder,
    };

    private void Deliver(List<Notice> notices, PeopleDirectory people, Outgoing outgoing, DateTimeOffset now)
    {
        foreach (var group in notices.GroupBy(n => n.RecipientId))
        {
            if (people[group.Key] is not { ChatId: { } chat } recipient) continue;
            var lang = recipient.Language;
            // Escalations carry the buttons of their own request: one card each.
            foreach (var n in group.Where(n => n.Kind == TimerKind.Escalation))
            {
                var header = ApprovalTexts.Escalation.In(lang, n.Request.Number, Waited(n.Request, now), n.Request.Current!.Title,
                    string.Join(", ", n.Assignment.AssigneeIds.Select(people.Name)));
                router.SendCard(n.Request, n.Assignment, recipient, null, people, outgoing, header);
            }
            var rest = group.Where(n => n.Kind != TimerKind.Escalation).ToList();
            if (rest.Count == 1)
            {
                var n = rest[0];
                var assignee = n.Assignment.AssigneeIds.Select(id => people[id]).FirstOrDefault(p => p is not null && people.ActingFor(p).Id == recipient.Id);
                if (n.Kind == TimerKind.Overdue)
                    outgoing.Send(chat, Line(n, people, lang, now), [ApprovalButtons.ShowButton(n.Request)]);
                else
                    router.SendCard(n.Request, n.Assignment, recipient, assignee?.Id == recipient.Id ? null : assignee, people, outgoing,
                        Line(n, people, lang, now), withFiles: false);
            }
            else if (rest.Count > 1)
            {
                var text = ApprovalTexts.DigestHeader.In(lang, rest.Count) + "\n"
                    + string.Join("\n", rest.Select(n => "• " + Line(n, people, lang, now)));
                outgoing.Send(chat, text, rest.Select(n => n.Request).DistinctBy(r => r.Id).Select(ApprovalButtons.ShowButton));
            }
        }
    }

    private string Line(Notice n, PeopleDirectory people, Lang lang, DateTimeOffset now) => n.Kind switch
    {
        TimerKind.StrongReminder => ApprovalTexts.StrongReminderOne.In(lang, n.Request.Number, Waited(n.Request, now)),
        TimerKind.DueMorning => ApprovalTexts.DueMorningOne.In(lang, n.Request.Number),
        TimerKind.Overdue => ApprovalTexts.OverdueOne.In(lang, n.Request.Number, n.Assignment.Due?.ToDateTime(TimeOnly.MinValue) ?? now.DateTime,
            string.Join(", ", n.Assignment.AssigneeIds.Select(people.Name))),
        _ => ApprovalTexts.ReminderOne.In(lang, n.Request.Number, Waited(n.Request, now)),
    };

    private int Waited(ApprovalRequest r, DateTimeOffset now) =>
        (int)Math.Round(organisation.Calendar.WorkingTimeBetween(r.Current!.StartedAt, now).TotalHours);

    /// <summary>Names what fired, so the messages of one sweep have ids of their own and a replay stores them once.</summary>
    private static string Key(List<Notice> notices, DateTimeOffset now)
    {
        var identity = string.Join("|", notices.Select(n => $"{n.Request.Id}:{n.Request.Current?.Seq}:{n.Assignment.No}:{n.Kind}:{n.At.UtcTicks}:{n.RecipientId}"));
        if (identity.Length == 0) identity = now.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..20];
    }
}
