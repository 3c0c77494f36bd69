using System.Globalization;
using BotPlatform.Core.Audit;
using BotPlatform.Core.Common;
using BotPlatform.Core.Finance.Ledger;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Core.Projects;
using BotPlatform.Core.Timers;

namespace BotPlatform.Core.Billing.Nudges;

/// <summary>What a project's billing now is: its period (null when switched off) and the next nudge.</summary>
public sealed record BillingView(Project Project, DateTimeOffset? NextNudgeAt, DateOnly? PeriodEnd);

/// <summary>
/// Payment nudges. A project with a billing period has its next nudge stored on it (<see cref="Project.NextNudgeAt"/>): the start
/// of the working day from which <see cref="PaymentNudgeDefinition.WorkingDaysBefore"/> working days (that day included) are
/// left in the period, counted on the organisation's calendar with its holidays and changes. When it is due, the client's
/// group(s) get the organisation's text and the PM is told - unless income for the project is already in the ledger dated
/// from the period's start to today (the payment for the coming period), or the project is no longer active. A project
/// without a group: the PM is told to remind the client. Either way the timer moves on to the next period in the same unit
/// of work that stores the messages, so downtime across the moment sends the nudge once after restart; a downtime past the
/// period's end drops that period's nudge (it would arrive after the period it warns about).
/// </summary>
public sealed class PaymentNudges(
    IProjectStore projects,
    IPeopleStore people,
    ILedgerStore ledger,
    IUnitOfWork unitOfWork,
    IOutboxStore outbox,
    IAuditLog audit,
    Organisation organisation,
    TimeProvider time) : ITimerSource
{
    public static IReadOnlyList<Role> ManagerRoles { get; } = [Role.Director, Role.OpsManager, Role.Admin];

    public string Name => "payment-nudges";

    private PaymentNudgeDefinition Definition => organisation.PaymentNudges;

    /// <summary>The project's PM, the director, the operations manager or an admin.</summary>
    public static bool MayManage(Person person, Project project) =>
        person.IsActive && (person.Id == project.PmId || ManagerRoles.Any(person.Has));

    /// <summary>The moment the nudge for the period [start, end) is due: DayStart of the working day N working days before its end.</summary>
    public static DateTimeOffset NudgeMoment(Organisation organisation, DateOnly start, DateOnly end)
    {
        var calendar = organisation.Calendar;
        var left = 0;
        var day = end.AddDays(-1);
        for (; day >= start; day = day.AddDays(-1))
        {
            if (calendar.IsWorkingDay(day) && ++left == organisation.PaymentNudges.WorkingDaysBefore) break;
        }
        if (day < start) day = start; // a period shorter than the notice: its first working moment
        return calendar.NextWorkingMoment(calendar.StartOfLocalDay(day));
    }

    /// <summary>Points the project's timer at the first period, from the one holding today's date, whose nudge is not yet past.</summary>
    public static void Plan(Project project, Organisation organisation, DateTimeOffset now)
    {
        if (project.Billing is not { } billing || project.Status != ProjectStatus.Active)
        {
            (project.NextNudgeAt, project.NudgePeriodStart) = (null, null);
            return;
        }
        var (start, end) = billing.Containing(organisation.Calendar.LocalDate(now));
        var at = NudgeMoment(organisation, start, end);
        if (at < now)
        {
            (start, end) = (end, billing.Containing(end).End);
            at = NudgeMoment(organisation, start, end);
        }
        (project.NextNudgeAt, project.NudgePeriodStart) = (at, start);
    }

    /// <summary>A new project made from a template with a default billing period in the organisation file.</summary>
    public static void ApplyTemplateDefault(Project project, Organisation organisation, DateTimeOffset now)
    {
        if (organisation.PaymentNudges.ForTemplate(project.TemplateCode) is not { } d) return;
        var today = organisation.Calendar.LocalDate(now);
        project.Billing = new BillingPeriod { Unit = d.Unit, Every = d.Every, Anchor = BillingPeriodSpec.DefaultAnchor(d.Unit, d.Every, today) };
        Plan(project, organisation, now);
    }

    /// <summary><c>/project NUMBER billing PERIOD [FROM]</c> or <c>/project NUMBER billing off</c>: words are what follows "billing".</summary>
    public async Task<Result<BillingView>> SetAsync(Person actor, Project project, IReadOnlyList<string> words, CancellationToken ct)
    {
        if (!MayManage(actor, project)) return Result<BillingView>.Fail(NudgeProblems.NotAllowed);
        if (words.Count == 0) return Result<BillingView>.Fail(NudgeProblems.Usage, project.Number);
        var now = time.GetUtcNow();
        var today = organisation.Calendar.LocalDate(now);
        string reason;
        if (words is [var off] && IsOff(off))
        {
            if (project.Billing is null) return Result<BillingView>.Ok(new BillingView(project, null, null));
            project.Billing = null;
            reason = "off";
        }
        else
        {
            if (project.Status != ProjectStatus.Active) return Result<BillingView>.Fail(NudgeProblems.NotActive, project.Number);
            if (words.Count > 2 || !BillingPeriodSpec.TryParse(words[0], out var unit, out var every))
                return Result<BillingView>.Fail(NudgeProblems.BadPeriod, words[0]);
            DateOnly anchor;
            if (words.Count == 2)
            {
                if (!TryParseFrom(words[1], today, out anchor)) return Result<BillingView>.Fail(NudgeProblems.BadDate, words[1]);
            }
            else anchor = BillingPeriodSpec.DefaultAnchor(unit, every, today);
            project.Billing = new BillingPeriod { Unit = unit, Every = every, Anchor = anchor };
            reason = $"{unit}:{every.ToString(CultureInfo.InvariantCulture)}:{anchor:yyyy-MM-dd}";
        }
        Plan(project, organisation, now);
        project.Record(project.Billing is null ? ProjectActions.BillingCleared : ProjectActions.BillingSet, now, actor.Id, reason);
        var saved = await unitOfWork.RunAsync(async () =>
        {
            if (!await projects.TryUpdateAsync(project, ct)) return false;
            await audit.AppendAsync(new AuditEntry
            {
                Subject = project.Subject, Action = project.Billing is null ? ProjectActions.BillingCleared : ProjectActions.BillingSet,
                ActorId = actor.Id, At = now, Reason = reason,
            }, ct);
            return true;
        }, ct);
        if (!saved) return Result<BillingView>.Fail(NudgeProblems.Conflict);
        return Result<BillingView>.Ok(new BillingView(project, project.NextNudgeAt,
            project.Billing is { } b && project.NudgePeriodStart is { } s ? b.Containing(s).End.AddDays(-1) : null));
    }

    public async Task<int> FireDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var fired = 0;
        foreach (var found in await projects.NudgesDueAsync(now, 200, ct))
        {
            fired += await unitOfWork.RunAsync(() => FireAsync(found.Id, now, ct), ct);
        }
        return fired;
    }

    private async Task<int> FireAsync(long id, DateTimeOffset now, CancellationToken ct)
    {
        if (await projects.GetAsync(id, ct) is not { NextNudgeAt: { } at } project || at > now) return 0;
        var calendar = organisation.Calendar;
        if (project.Billing is not { } billing || project.Status != ProjectStatus.Active || project.NudgePeriodStart is not { } start)
        {
            (project.NextNudgeAt, project.NudgePeriodStart) = (null, null);
            await projects.TryUpdateAsync(project, ct);
            return 0;
        }
        if (!calendar.IsWorkingMoment(now))
        {
            project.NextNudgeAt = calendar.NextWorkingMoment(now);
            await projects.TryUpdateAsync(project, ct);
            return 0;
        }
        var end = billing.Containing(start).End;
        var nextEnd = billing.Containing(end).End;
        (project.NextNudgeAt, project.NudgePeriodStart) = (NudgeMoment(organisation, end, nextEnd), end);
        var today = calendar.LocalDate(now);
        var paid = (await ledger.ByProjectAsync(project.Id, ct)).Any(e => e.Kind == LedgerKind.Income && e.Date >= start && e.Date <= today);
        if (today >= end || paid)
        {
            await projects.TryUpdateAsync(project, ct);
            return 0;
        }

        var lastDay = end.AddDays(-1);
        var outgoing = new Outgoing($"timer:nudges:{project.Id}:{at.UtcTicks.ToString(CultureInfo.InvariantCulture)}", time);
        foreach (var group in project.GroupChatIds) outgoing.Send(group, Definition.TextIn(organisation.DefaultLanguage));
        if (await people.GetAsync(project.PmId, ct) is { ChatId: { } pmChat } pm)
        {
            var text = project.GroupChatIds.Count > 0
                ? NudgeTexts.ToPm.In(pm.Language, project.Number, project.Title, lastDay.ToDateTime(TimeOnly.MinValue), Definition.TextIn(organisation.DefaultLanguage))
                : NudgeTexts.NoGroupToPm.In(pm.Language, project.Number, project.Title, lastDay.ToDateTime(TimeOnly.MinValue), Definition.WorkingDaysBefore);
            outgoing.Send(pmChat, text);
        }
        project.Record(ProjectActions.PaymentNudge, now, reason: $"{start:yyyy-MM-dd}..{lastDay:yyyy-MM-dd}; groups {project.GroupChatIds.Count}");
        if (!await projects.TryUpdateAsync(project, ct)) return 0;
        await outbox.EnqueueAsync(outgoing.Messages, ct);
        return 1;
    }

    private static bool IsOff(string word) => word.ToLowerInvariant() is "off" or "нет" or "выкл" or "none";

    /// <summary>"01.12.2026", "2026-12-01", or "01.12" of this year (a start is usually in the past; DateInput would move it to next year).</summary>
    private static bool TryParseFrom(string text, DateOnly today, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim() + "." + today.Year.ToString(CultureInfo.InvariantCulture), "d.M.yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        || DateInput.TryParse(text, today, out date);
}
