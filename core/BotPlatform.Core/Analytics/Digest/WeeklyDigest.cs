using System.Text;
using BotPlatform.Core.Analytics.Projection;
using BotPlatform.Core.Analytics.Stats;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Core.Timers;

namespace BotPlatform.Core.Analytics.Digest;

/// <summary>
/// The weekly digest: on the first working day of a week, at the opening of the working day, the director
/// and the ops manager get last week against the week before, the three slowest steps, what waits longest
/// and with whom, the rejection reasons, two charts (PNG) and the week's decisions as .xlsx. A timer source:
/// the minute sweep sends it once its moment has come and the week is not marked sent.
/// </summary>
public sealed class WeeklyDigest(
    IAnalyticsStore analytics,
    IPeopleStore peopleStore,
    IFileStore files,
    IOutboxStore outbox,
    IUnitOfWork unitOfWork,
    ISpreadsheetWriter spreadsheets,
    IChartRenderer charts,
    StatsService stats,
    Organisation organisation,
    TimeProvider time) : ITimerSource
{
    public static readonly IReadOnlyList<Role> Recipients = [Role.Director, Role.OpsManager];

    public string Name => "weekly-digest";

    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The week's first working day (Monday unless it is a holiday), or null for a week without one.</summary>
    public DateOnly? SendDay(DateOnly weekStart) =>
        Enumerable.Range(0, 7).Select(weekStart.AddDays).Cast<DateOnly?>().FirstOrDefault(d => organisation.Calendar.IsWorkingDay(d!.Value));

    public async Task<int> FireDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var calendar = organisation.Calendar;
        var today = calendar.LocalDate(now);
        var week = WeekStart(today);
        if (SendDay(week) != today || now < calendar.NextWorkingMoment(calendar.StartOfLocalDay(today))) return 0;
        var key = "weekly:" + week.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (await analytics.DigestSentAsync(key, ct)) return 0;
        return await unitOfWork.RunAsync(async () =>
        {
            if (!await analytics.TryMarkDigestAsync(key, now, ct)) return 0;
            var people = await PeopleDirectory.LoadAsync(peopleStore, now, ct);
            var outgoing = new Outgoing("digest:" + key, time);
            foreach (var lang in new[] { Lang.Ru, Lang.En })
            {
                var to = Recipients.SelectMany(people.WithRole).DistinctBy(p => p.Id).Where(p => p.Language == lang && p.ChatId is not null).ToList();
                if (to.Count == 0) continue;
                var digest = await BuildAsync(week, people, lang, ct);
                foreach (var person in to)
                {
                    var chat = person.ChatId!.Value;
                    outgoing.Send(chat, digest.Text);
                    outgoing.SendPhoto(chat, digest.ApproverChartKey, "approvers.png", DigestTexts.ApproverChart.In(lang));
                    outgoing.SendPhoto(chat, digest.StatusChartKey, "documents.png", DigestTexts.StatusChart.In(lang));
                    outgoing.SendDocument(chat, digest.FileKey, digest.FileName, DigestTexts.FileCaption.In(lang));
                }
            }
            await outbox.EnqueueAsync(outgoing.Messages, ct);
            return 1;
        }, ct);
    }

    public sealed record Built(string Text, string ApproverChartKey, string StatusChartKey, string FileKey, string FileName);

    /// <summary>The digest of the week before <paramref name="weekStart"/>; its files are stored (inside the caller's unit of work).</summary>
    public async Task<Built> BuildAsync(DateOnly weekStart, PeopleDirectory people, Lang lang, CancellationToken ct)
    {
        var last = stats.Period(weekStart.AddDays(-7), weekStart.AddDays(-1));
        var before = stats.Period(weekStart.AddDays(-14), weekStart.AddDays(-8));
        var report = await stats.ComputeAsync(last, StatsScope.All, null, ct);
        var rows = (await analytics.DecidedAsync(last.From, last.To, ct)).Where(r => r.Action is { } a && StatsService.Decided.Contains(a)).ToList();
        var earlier = (await analytics.DecidedAsync(before.From, before.To, ct)).Where(r => r.Action is { } a && StatsService.Decided.Contains(a)).ToList();
        var open = await analytics.OpenStepsAsync(ct);
        var now = people.Now;

        var text = new StringBuilder();
        text.AppendLine(DigestTexts.Header.In(lang, last.FirstDay.ToDateTime(TimeOnly.MinValue), last.LastDay.ToDateTime(TimeOnly.MinValue)));
        text.AppendLine(DigestTexts.WeekLine.In(lang, rows.Count, earlier.Count, Median(rows), Median(earlier), P90(rows), P90(earlier),
            RejectionRate(rows), RejectionRate(earlier)));
        text.AppendLine().AppendLine(DigestTexts.SlowestHeader.In(lang));
        var i = 0;
        foreach (var step in report.Approvals!.Steps.Where(s => s.Decided > 0).Take(3))
            text.AppendLine(DigestTexts.SlowestLine.In(lang, ++i, step.Name, step.Median, step.P90, step.Decided));
        text.AppendLine().AppendLine(DigestTexts.WaitingHeader.In(lang));
        var waiting = open.Select(r => (Row: r, Hours: Math.Round(organisation.Calendar.WorkingTimeBetween(r.ReceivedAt, now).TotalHours, 1)))
            .OrderByDescending(x => x.Hours).ThenBy(x => x.Row.Number, StringComparer.Ordinal).Take(5).ToList();
        if (waiting.Count == 0) text.AppendLine(DigestTexts.NothingWaits.In(lang));
        foreach (var (row, hours) in waiting)
            text.AppendLine(DigestTexts.WaitingLine.In(lang, row.Number, row.Step, hours, string.Join(", ", row.Waiting.Select(people.Name))));
        text.AppendLine().AppendLine(DigestTexts.ReasonsHeader.In(lang));
        if (report.Approvals.Reasons.Count == 0) text.AppendLine(DigestTexts.NoRejections.In(lang));
        foreach (var reason in report.Approvals.Reasons) text.AppendLine(DigestTexts.ReasonLine.In(lang, reason.Reason, reason.Count));

        var approverChart = charts.Bars(DigestTexts.ApproverChart.In(lang), DigestTexts.Hours.In(lang),
            report.Approvals.Approvers.Where(a => a.Decided > 0).Select(a => (a.Name, a.Median)).ToList());
        var statusChart = charts.Bars(DigestTexts.StatusChart.In(lang), DigestTexts.Count.In(lang),
            (await analytics.OpenSpansAsync(ct)).GroupBy(s => s.Status).OrderBy(g => g.Key)
                .Select(g => (DocumentTexts.StatusName(g.Key).In(lang), (double)g.Count())).ToList());
        var fileName = DigestTexts.FileName.In(lang, last.FirstDay.ToDateTime(TimeOnly.MinValue), last.LastDay.ToDateTime(TimeOnly.MinValue));
        var sheet = spreadsheets.Write([RawRows(rows, people, lang)]);
        return new Built(ApprovalLists.Clip(text.ToString().TrimEnd(), 4000), await SaveAsync("approvers.png", approverChart, ct),
            await SaveAsync("documents.png", statusChart, ct), await SaveAsync(fileName, sheet, ct), fileName);
    }

    public Sheet RawRows(IEnumerable<StepDecisionRow> rows, PeopleDirectory people, Lang lang) => new(
        DigestTexts.Sheet.In(lang),
        lang == Lang.En ? DigestTexts.ColumnsEn : DigestTexts.ColumnsRu,
        rows.OrderBy(r => r.DecidedAt).ThenBy(r => r.Number, StringComparer.Ordinal).Select(r => (IReadOnlyList<object?>)
        [
            r.Number, r.Kind.ToString(), organisation.DepartmentName(r.Department), r.Step, people.Name(r.ActorId),
            r.OnBehalfOfId is { } behalf ? people.Name(behalf) : "", organisation.Calendar.ToLocal(r.ReceivedAt).DateTime,
            organisation.Calendar.ToLocal(r.DecidedAt!.Value).DateTime, r.WorkingHours, ApprovalActions.Describe(r.Action!, lang), r.Reason ?? "",
            r.Reminders, r.EscalatedAt is null ? "" : organisation.Calendar.ToLocal(r.EscalatedAt.Value).DateTime.ToString("dd.MM.yyyy HH:mm"),
        ]).ToList());

    private async Task<string> SaveAsync(string name, byte[] content, CancellationToken ct)
    {
        using var stream = new MemoryStream(content);
        return await files.SaveAsync(name, stream, ct);
    }

    private static double Median(List<StepDecisionRow> rows) => Percentiles.Of(rows.Select(r => r.WorkingHours).ToList(), 0.5);
    private static double P90(List<StepDecisionRow> rows) => Percentiles.Of(rows.Select(r => r.WorkingHours).ToList(), 0.9);

    private static double RejectionRate(List<StepDecisionRow> rows)
    {
        var verdicts = rows.Count(r => r.Action is ApprovalActions.Approved or ApprovalActions.Rejected);
        return verdicts == 0 ? 0 : Math.Round(100.0 * rows.Count(r => r.Action == ApprovalActions.Rejected) / verdicts, 1);
    }
}
