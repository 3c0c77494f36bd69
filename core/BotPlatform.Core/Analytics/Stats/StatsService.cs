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
/// /stats: bottlenecks of approvals and documents over a period, computed from the analytics projection: the
/// daily buckets of the period's days (exact counts and hours) plus the rows open now, never from every
/// request's history nor every decision of the period.
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
            var buckets = (await analytics.StepBucketsAsync(period.FirstDay, period.LastDay, ct))
                .Where(b => department is null || b.Department == department).ToList();
            approvals = Approvals(buckets, open.Where(r => department is null || r.Department == department).ToList(), people, now);
        }
        DocumentStats? documents = null;
        if (scope != StatsScope.Approvals)
        {
            bool InDepartment(long managerId) => department is null || people[managerId]?.Department == department;
            var closed = (await analytics.SpanBucketsAsync(period.FirstDay, period.LastDay, ct)).Where(s => InDepartment(s.ManagerId)).ToList();
            var openSpans = (await analytics.OpenSpansAsync(ct)).Where(s => InDepartment(s.ManagerId)).ToList();
            documents = Documents(closed, openSpans, open, people, now);
        }
        return new StatsReport(period, department, approvals, documents);
    }

    /// <summary>
    /// From the period's daily buckets (exact: they hold every decision's hours as counts of hundredths) and the
    /// rows open now. Escalations are counted on the day they happened.
    /// </summary>
    private ApprovalStats Approvals(List<StepBucket> buckets, List<StepDecisionRow> open, PeopleDirectory people, DateTimeOffset now)
    {
        var decided = buckets.Where(b => b.ActorId is not null).ToList();
        var waitingHours = open.ToDictionary(r => r.Id, r => Math.Round(organisation.Calendar.WorkingTimeBetween(r.ReceivedAt, now).TotalHours, 2));
        var steps = decided.Select(b => b.Step).Concat(open.Select(r => r.Step)).Distinct()
            .Select(step => Figure(step, decided.Where(b => b.Step == step).ToList(), open.Where(r => r.Step == step).ToList(), waitingHours, people))
            .OrderByDescending(f => f.Median).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();
        var approverIds = decided.Select(b => b.ActorId!.Value).Concat(open.SelectMany(r => r.Waiting)).Distinct();
        var approvers = approverIds
            .Select(id => Figure(people.Name(id), decided.Where(b => b.ActorId == id).ToList(), open.Where(r => r.Waiting.Contains(id)).ToList(),
                waitingHours, people))
            .OrderByDescending(f => f.Median).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();
        var quick = organisation.Approvals.RejectReasons;
        var reasons = decided.SelectMany(b => b.Reasons)
            .GroupBy(r => r.Key)
            .Select(g => (First: g.MinBy(r => r.FirstAt)!, Count: g.Sum(r => r.Count)))
            .GroupBy(r => quick.FirstOrDefault(q => string.Equals(q, r.First.Text, StringComparison.OrdinalIgnoreCase)) ?? "\u0001" + r.First.Key)
            .Select(g => g.Key.StartsWith('\u0001')
                ? new ReasonCount(g.MinBy(r => r.First.FirstAt).First.Text, false, g.Sum(r => r.Count))
                : new ReasonCount(g.Key, true, g.Sum(r => r.Count)))
            .OrderByDescending(r => r.Count).ThenByDescending(r => r.Quick).ThenBy(r => r.Reason, StringComparer.Ordinal).ToList();
        return new ApprovalStats(steps, approvers, reasons, decided.Sum(b => b.Frozen), decided.Sum(b => b.DocumentsRequested),
            buckets.Sum(b => b.Escalations), decided.Sum(b => b.OnBehalf));
    }

    private static DecisionFigure Figure(string name, List<StepBucket> decided, List<StepDecisionRow> open,
        Dictionary<string, double> waitingHours, PeopleDirectory people)
    {
        var hours = BucketMath.Merged(decided.Select(b => b.Hours));
        var approved = decided.Sum(b => b.Approved);
        var rejected = decided.Sum(b => b.Rejected);
        var oldest = open.OrderByDescending(r => waitingHours[r.Id]).ThenBy(r => r.Number, StringComparer.Ordinal).FirstOrDefault();
        var forWhom = decided.SelectMany(b => b.ForWhom).Where(p => p.Count > 0).Select(p => people.Name(p.PersonId)).Distinct()
            .Order(StringComparer.Ordinal).ToList();
        return new DecisionFigure(name, decided.Sum(b => b.Decided), BucketMath.Percentile(hours, 0.5), BucketMath.Percentile(hours, 0.9), approved,
            rejected, approved + rejected == 0 ? null : Math.Round(100.0 * rejected / (approved + rejected), 1), open.Count, oldest?.Number,
            oldest is null ? 0 : waitingHours[oldest.Id], decided.Sum(b => b.OnBehalf), forWhom);
    }

    private DocumentStats Documents(List<SpanBucket> closed, List<DocumentStatusSpan> open, IReadOnlyList<StepDecisionRow> openSteps,
        PeopleDirectory people, DateTimeOffset now)
    {
        var durations = closed.GroupBy(s => (s.Kind, s.Status))
            .Select(g =>
            {
                var hours = BucketMath.Merged(g.Select(b => b.Hours));
                return new StatusDuration(g.Key.Kind, documentCards.KindTitle(g.Key.Kind), g.Key.Status, g.Sum(b => b.Count),
                    BucketMath.Percentile(hours, 0.5), BucketMath.Percentile(hours, 0.9));
            })
            .Where(d => d.Count > 0)
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
