using System.Globalization;
using System.Text;
using BotPlatform.Core.Analytics.Projection;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Localization;
using BotPlatform.Core.People;

namespace BotPlatform.Core.Analytics.Stats;

/// <summary>
/// /stats: bottlenecks of approvals and documents over a period, computed from the analytics projection
/// (rows decided in the period plus the open ones), never from every request's history.
/// </summary>
public sealed class StatsService(
    IAnalyticsStore analytics,
    IPeopleStore peopleStore,
    DocumentCards documentCards,
    Organisation organisation,
    TimeProvider time)
{
    public static readonly IReadOnlyList<Role> SeeEverything = [Role.Director, Role.OpsManager, Role.Admin];

    /// <summary>Decisions of a person at a step (withdrawals are the initiator's, not a decision of the step).</summary>
    public static readonly IReadOnlySet<string> Decided = new HashSet<string>
    {
        ApprovalActions.Approved, ApprovalActions.Rejected, ApprovalActions.Frozen, ApprovalActions.DocumentsRequested, ApprovalActions.TaskDone,
    };

    private static readonly DocumentStatus[] Stalling =
        [DocumentStatus.Draft, DocumentStatus.OnApproval, DocumentStatus.Approved, DocumentStatus.Printed, DocumentStatus.Sent, DocumentStatus.Returned];

    /// <summary>"неделя", "месяц" (the default), "квартал", "год", "30д"/"30d", or "01.11.2026-30.11.2026"; days are the organisation's.</summary>
    public bool TryParsePeriod(string? text, out StatsPeriod period)
    {
        var calendar = organisation.Calendar;
        var today = calendar.LocalDate(time.GetUtcNow());
        period = default!;
        int? days = (text ?? "").Trim().ToLowerInvariant() switch
        {
            "" or "месяц" or "month" => 30,
            "неделя" or "week" => 7,
            "квартал" or "quarter" => 91,
            "год" or "year" => 365,
            var s when s.Length > 1 && (s.EndsWith('д') || s.EndsWith('d')) && int.TryParse(s[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                && n is > 0 and <= 3660 => n,
            _ => null,
        };
        if (days is { } count)
        {
            period = Period(today.AddDays(1 - count), today);
            return true;
        }
        var parts = (text ?? "").Split('-', 2, StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && DateOnly.TryParseExact(parts[0], "d.M.yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            && DateOnly.TryParseExact(parts[1], "d.M.yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last) && first <= last)
        {
            period = Period(first, last);
            return true;
        }
        return false;
    }

    public StatsPeriod Period(DateOnly first, DateOnly last) =>
        new(organisation.Calendar.StartOfLocalDay(first), organisation.Calendar.StartOfLocalDay(last.AddDays(1)), first, last);

    /// <summary>The department a head sees, or null for those who see everything; a problem for anyone else.</summary>
    public async Task<Result<string?>> ScopeOfAsync(Person viewer, CancellationToken ct)
    {
        if (SeeEverything.Any(viewer.Has)) return Result<string?>.Ok(null);
        var people = await PeopleDirectory.LoadAsync(peopleStore, time.GetUtcNow(), ct);
        var headed = organisation.Departments.Values.FirstOrDefault(d => people.FindRef(d.Head)?.Id == viewer.Id);
        return headed is null ? Result<string?>.Fail(StatsProblems.NotAllowed) : Result<string?>.Ok(headed.Code);
    }

    public async Task<Result<StatsReport>> ReportAsync(Person viewer, StatsPeriod period, StatsScope scope, CancellationToken ct)
    {
        var department = await ScopeOfAsync(viewer, ct);
        if (!department.IsOk) return department.Problem!;
        return Result<StatsReport>.Ok(await ComputeAsync(period, scope, department.Value, ct));
    }

    public async Task<StatsReport> ComputeAsync(StatsPeriod period, StatsScope scope, string? department, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var people = await PeopleDirectory.LoadAsync(peopleStore, now, ct);
        var open = await analytics.OpenStepsAsync(ct);
        ApprovalStats? approvals = null;
        if (scope != StatsScope.Documents)
        {
            var decided = (await analytics.DecidedAsync(period.From, period.To, ct))
                .Where(r => department is null || r.Department == department).ToList();
            approvals = Approvals(decided, open.Where(r => department is null || r.Department == department).ToList(), period, people, now);
        }
        DocumentStats? documents = null;
        if (scope != StatsScope.Approvals)
        {
            bool InDepartment(long managerId) => department is null || people[managerId]?.Department == department;
            var closed = (await analytics.ClosedSpansAsync(period.From, period.To, ct)).Where(s => InDepartment(s.ManagerId)).ToList();
            var openSpans = (await analytics.OpenSpansAsync(ct)).Where(s => InDepartment(s.ManagerId)).ToList();
            documents = Documents(closed, openSpans, open, people, now);
        }
        return new StatsReport(period, department, approvals, documents);
    }

    private ApprovalStats Approvals(List<StepDecisionRow> rows, List<StepDecisionRow> open, StatsPeriod period, PeopleDirectory people,
        DateTimeOffset now)
    {
        var decided = rows.Where(r => r.Action is { } a && Decided.Contains(a)).ToList();
        var waitingHours = open.ToDictionary(r => r.Id, r => Math.Round(organisation.Calendar.WorkingTimeBetween(r.ReceivedAt, now).TotalHours, 2));
        var steps = decided.Select(r => r.Step).Concat(open.Select(r => r.Step)).Distinct()
            .Select(step => Figure(step, decided.Where(r => r.Step == step).ToList(), open.Where(r => r.Step == step).ToList(), waitingHours, people))
            .OrderByDescending(f => f.Median).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();
        var approverIds = decided.Select(r => r.ActorId!.Value).Concat(open.SelectMany(r => r.Waiting)).Distinct();
        var approvers = approverIds
            .Select(id => Figure(people.Name(id), decided.Where(r => r.ActorId == id).ToList(), open.Where(r => r.Waiting.Contains(id)).ToList(),
                waitingHours, people))
            .OrderByDescending(f => f.Median).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();
        var quick = organisation.Approvals.RejectReasons;
        var reasons = decided.Where(r => r.Action == ApprovalActions.Rejected)
            .GroupBy(r => quick.FirstOrDefault(q => string.Equals(q, r.Reason?.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? "\u0001" + (r.Reason ?? "").Trim().ToLowerInvariant())
            .Select(g => g.Key.StartsWith('\u0001')
                ? new ReasonCount(g.First().Reason?.Trim() ?? "", false, g.Count())
                : new ReasonCount(g.Key, true, g.Count()))
            .OrderByDescending(r => r.Count).ThenByDescending(r => r.Quick).ThenBy(r => r.Reason, StringComparer.Ordinal).ToList();
        var escalations = rows.Concat(open)
            .Where(r => r.EscalatedAt is { } at && at >= period.From && at < period.To)
            .DistinctBy(r => (r.RequestId, r.Seq)).Count();
        return new ApprovalStats(steps, approvers, reasons, decided.Count(r => r.Action == ApprovalActions.Frozen),
            decided.Count(r => r.Action == ApprovalActions.DocumentsRequested), escalations, decided.Count(r => r.OnBehalfOfId is not null));
    }

    private static DecisionFigure Figure(string name, List<StepDecisionRow> decided, List<StepDecisionRow> open,
        Dictionary<string, double> waitingHours, PeopleDirectory people)
    {
        var hours = decided.Select(r => r.WorkingHours).ToList();
        var approved = decided.Count(r => r.Action == ApprovalActions.Approved);
        var rejected = decided.Count(r => r.Action == ApprovalActions.Rejected);
        var oldest = open.OrderByDescending(r => waitingHours[r.Id]).ThenBy(r => r.Number, StringComparer.Ordinal).FirstOrDefault();
        var onBehalf = decided.Where(r => r.OnBehalfOfId is not null).ToList();
        return new DecisionFigure(name, decided.Count, Percentiles.Of(hours, 0.5), Percentiles.Of(hours, 0.9), approved, rejected,
            approved + rejected == 0 ? null : Math.Round(100.0 * rejected / (approved + rejected), 1), open.Count, oldest?.Number,
            oldest is null ? 0 : waitingHours[oldest.Id], onBehalf.Count,
            onBehalf.Select(r => people.Name(r.OnBehalfOfId)).Distinct().Order(StringComparer.Ordinal).ToList());
    }

    private DocumentStats Documents(List<DocumentStatusSpan> closed, List<DocumentStatusSpan> open, IReadOnlyList<StepDecisionRow> openSteps,
        PeopleDirectory people, DateTimeOffset now)
    {
        var durations = closed.GroupBy(s => (s.Kind, s.Status))
            .Select(g =>
            {
                var hours = g.Select(s => s.WorkingHours).ToList();
                return new StatusDuration(g.Key.Kind, documentCards.KindTitle(g.Key.Kind), g.Key.Status, g.Count(), Percentiles.Of(hours, 0.5),
                    Percentiles.Of(hours, 0.9));
            })
            .OrderBy(d => d.Kind, StringComparer.Ordinal).ThenBy(d => d.Status).ToList();
        var stalls = open.Where(s => Stalling.Contains(s.Status)).GroupBy(s => s.Status).OrderBy(g => g.Key)
            .Select(g =>
            {
                var hours = g.ToDictionary(s => s.Id, s => Math.Round(organisation.Calendar.WorkingTimeBetween(s.EnteredAt, now).TotalHours, 2));
                var oldest = g.OrderByDescending(s => hours[s.Id]).ThenBy(s => s.Number, StringComparer.Ordinal).First();
                return new Stall(g.Key, g.Count(), oldest.Number, hours[oldest.Id], Holder(oldest, openSteps, people));
            })
            .ToList();
        return new DocumentStats(durations, stalls);
    }

    private static string Holder(DocumentStatusSpan span, IReadOnlyList<StepDecisionRow> openSteps, PeopleDirectory people)
    {
        if (span.Status == DocumentStatus.OnApproval && openSteps.FirstOrDefault(r => r.RequestId == span.ApprovalRequestId) is { } step)
            return string.Join(", ", step.Waiting.Select(people.Name));
        return span.Status == DocumentStatus.Approved ? "\u0001" : people.Name(span.ManagerId);
    }

    public string Render(StatsReport report, Lang lang)
    {
        var text = new StringBuilder();
        text.AppendLine(StatsTexts.Header.In(lang, report.Period.FirstDay.ToDateTime(TimeOnly.MinValue), report.Period.LastDay.ToDateTime(TimeOnly.MinValue)));
        if (report.Department is { } department) text.AppendLine(StatsTexts.DepartmentOnly.In(lang, organisation.DepartmentName(department)));
        if (report.Approvals is { } a)
        {
            text.AppendLine().AppendLine(StatsTexts.ApprovalsHeader.In(lang));
            if (a.Steps.Count == 0) text.AppendLine(StatsTexts.NoDecisions.In(lang));
            else
            {
                text.AppendLine(StatsTexts.StepsHeader.In(lang));
                foreach (var f in a.Steps) text.AppendLine(Line(f, lang));
                text.AppendLine(StatsTexts.ApproversHeader.In(lang));
                foreach (var f in a.Approvers) text.AppendLine(Line(f, lang));
            }
            if (a.Reasons.Count > 0)
            {
                text.AppendLine(StatsTexts.ReasonsHeader.In(lang));
                foreach (var r in a.Reasons) text.AppendLine((r.Quick ? StatsTexts.QuickReason : StatsTexts.FreeReason).In(lang, r.Reason, r.Count));
            }
            text.AppendLine(StatsTexts.Counters.In(lang, a.Freezes, a.DocumentRequests, a.Escalations, a.OnBehalf));
        }
        if (report.Documents is { } d)
        {
            text.AppendLine().AppendLine(StatsTexts.DocumentsHeader.In(lang));
            if (d.Durations.Count == 0 && d.Stalls.Count == 0) text.AppendLine(StatsTexts.NoDocuments.In(lang));
            if (d.Durations.Count > 0)
            {
                text.AppendLine(StatsTexts.DurationsHeader.In(lang));
                foreach (var kind in d.Durations.GroupBy(x => x.KindTitle))
                    text.AppendLine("• " + kind.Key + ": " + string.Join(" · ", kind.Select(x =>
                        StatsTexts.Duration.In(lang, DocumentTexts.StatusName(x.Status).In(lang), x.Median, x.P90, x.Count))));
            }
            if (d.Stalls.Count > 0)
            {
                text.AppendLine(StatsTexts.StallsHeader.In(lang));
                foreach (var s in d.Stalls)
                    text.AppendLine(StatsTexts.StallLine.In(lang, DocumentTexts.StatusName(s.Status).In(lang), s.Count, s.OldestNumber, s.OldestHours,
                        s.Holder == "\u0001" ? StatsTexts.PrintQueue.In(lang) : s.Holder));
            }
        }
        return ApprovalLists.Clip(text.ToString().TrimEnd(), 4000);
    }

    private static string Line(DecisionFigure f, Lang lang)
    {
        var line = StatsTexts.Figure.In(lang, f.Name, f.Decided, f.Median, f.P90);
        if (f.RejectionRate is { } rate) line += StatsTexts.Rejections.In(lang, rate, f.Rejected, f.Approved + f.Rejected);
        if (f.Waiting > 0) line += StatsTexts.WaitingNow.In(lang, f.Waiting, f.OldestNumber, f.OldestHours);
        if (f.OnBehalf > 0) line += StatsTexts.ForOthers.In(lang, f.OnBehalf, string.Join(", ", f.ForWhom));
        return line;
    }
}

public static class StatsProblems
{
    public const string NotAllowed = "stats.not_allowed";

    public static readonly IReadOnlyDictionary<string, Text> Texts = new Dictionary<string, Text> { [NotAllowed] = StatsTexts.NotAllowed };
}
