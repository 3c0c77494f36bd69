using System.Globalization;
using System.Text;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.Projects;

namespace BotPlatform.Core.Billing;

/// <summary>The PM's card of a report, its task list as a CSV file, and its buttons ("rpt:{report}:{action}[:{task}]").</summary>
public static class ReportCard
{
    public const string Prefix = "rpt";
    public const string Edit = "e";
    public const string Drop = "d";
    public const string Toggle = "b";
    public const string Cancel = "x";
    public const string Send = "s";
    public const string Revoke = "r";

    public static string Hours(decimal hours) => ProjectCard.Hours(hours);

    public static string Money(decimal amount, string currency, Lang lang) => new Money(amount, currency).Format(lang);

    /// <summary>The line's rate as the client reads it: one rate, or each rate with its hours when the rate changed within the task's time.</summary>
    public static IReadOnlyList<string> RateTexts(ReportLine line, string currency, Lang lang) =>
        line.RateParts.Count > 1
            ? [.. line.RateParts.Select(p => $"{p.Hours.ToString("0.##", lang.Culture())} {(lang == Lang.En ? "h" : "ч")} × {Money(p.PerHour, currency, lang)}")]
            : line.Rate is { } rate ? [Money(rate, currency, lang)] : [];

    public static string Text(BillingReport report, Lang lang)
    {
        var totals = report.Totals();
        var projects = string.Join(", ", report.Lines.Select(l => l.ProjectNumber).Distinct());
        var text = new StringBuilder()
            .AppendLine(BillingTexts.CardTitle.In(lang, report.Number, BillingTexts.Status(report.Status).In(lang)))
            .AppendLine(BillingTexts.Period.In(lang, report.ClientName, report.From.ToDateTime(TimeOnly.MinValue), report.To.ToDateTime(TimeOnly.MinValue), projects));
        if (ReportFilter.Describe(report, lang) is { Length: > 0 } filter) text.AppendLine(filter);
        text
            .AppendLine(BillingTexts.Counts.In(lang, report.Lines.Count, Hours(totals.Hours)))
            .AppendLine(BillingTexts.BillableLine.In(lang, Hours(totals.BillableHours), Money(totals.Net, report.Currency, lang)));
        var free = report.Lines.Where(l => !l.Billable).ToList();
        if (free.Count > 0)
        {
            text.AppendLine(BillingTexts.NonBillableLine.In(lang, Hours(totals.NonBillableHours)));
            foreach (var line in free) text.AppendLine($"  • {line.Reference} {line.Title} — {Hours(line.Hours)} {(lang == Lang.En ? "h" : "ч")} ({line.WorkTypeName})");
        }
        text.AppendLine(BillingTexts.SumLine.In(lang, Money(totals.Net, report.Currency, lang)));
        text.AppendLine(report.Vat switch
        {
            VatMode.OnTop => BillingTexts.VatOnTop.In(lang, Rate(report.VatRate, lang), Money(totals.Vat, report.Currency, lang)),
            VatMode.Included => BillingTexts.VatIncluded.In(lang, Rate(report.VatRate, lang), Money(totals.Vat, report.Currency, lang)),
            _ => BillingTexts.NoVat.In(lang),
        });
        text.Append(BillingTexts.TotalLine.In(lang, Money(totals.Total, report.Currency, lang)));
        var lacking = report.LinesLackingRate.ToList();
        if (lacking.Count > 0)
        {
            text.AppendLine().AppendLine().Append(BillingTexts.LacksRate.In(lang));
            foreach (var line in lacking) text.AppendLine().Append($"  • {line.Reference} {line.Title} ({line.WorkTypeName}, {line.WorkType})");
        }
        return text.ToString();
    }

    public static IEnumerable<IEnumerable<InlineButton>> Buttons(BillingReport report, Lang lang) => report.Status switch
    {
        ReportStatus.Draft =>
        [
            [new InlineButton(BillingTexts.TasksButton.In(lang), Data(report, Edit)), new InlineButton(BillingTexts.SendButton.In(lang), Data(report, Send))],
            [new InlineButton(BillingTexts.CancelButton.In(lang), Data(report, Cancel))],
        ],
        ReportStatus.Sent when !report.PageRevoked =>
        [
            [new InlineButton(BillingTexts.RevokeButton.In(lang), Data(report, Revoke))],
            [new InlineButton(BillingTexts.CancelButton.In(lang), Data(report, Cancel))],
        ],
        ReportStatus.Sent => [[new InlineButton(BillingTexts.CancelButton.In(lang), Data(report, Cancel))]],
        _ => [],
    };

    /// <summary>One row per task: drop it, or flip its billability.</summary>
    public static IEnumerable<IEnumerable<InlineButton>> TaskButtons(BillingReport report) =>
        report.Status != ReportStatus.Draft
            ? []
            : report.Lines.Select(l => new[]
            {
                new InlineButton($"🗑 {l.Reference}", Data(report, Drop, l.TaskId)),
                new InlineButton($"{(l.Billable ? "🚫" : "💰")} {l.Reference}", Data(report, Toggle, l.TaskId)),
            });

    public static string Data(BillingReport report, string action, long? taskId = null) =>
        taskId is { } id
            ? string.Create(CultureInfo.InvariantCulture, $"{Prefix}:{report.Id}:{action}:{id}")
            : string.Create(CultureInfo.InvariantCulture, $"{Prefix}:{report.Id}:{action}");

    /// <summary>The task list for a spreadsheet: semicolon-separated, UTF-8 with a BOM (Excel opens it in Russian locales as is).</summary>
    public static byte[] Csv(BillingReport report, Lang lang)
    {
        var culture = lang.Culture();
        var csv = new StringBuilder();
        csv.AppendLine(lang == Lang.En ? "Task;Title;Work type;Hours;Billable;Rate;Sum" : "Задача;Название;Вид работ;Часы;Оплачивается;Ставка;Сумма");
        foreach (var l in report.Lines)
        {
            csv.AppendLine(string.Join(';', l.Reference, Cell(l.Title), Cell(l.WorkTypeName), l.Hours.ToString("0.##", culture),
                l.Billable ? (lang == Lang.En ? "yes" : "да") : (lang == Lang.En ? "no" : "нет"), l.Rate?.ToString("0.00", culture) ?? "", l.Sum.ToString("0.00", culture)));
        }
        var totals = report.Totals();
        csv.AppendLine(string.Join(';', lang == Lang.En ? "Total" : "Итого", "", "", totals.Hours.ToString("0.##", culture), "", "", totals.Net.ToString("0.00", culture)));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Cell(string text) => text.Contains(';') || text.Contains('"') ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;

    private static string Rate(decimal rate, Lang lang) => rate.ToString("0.##", lang.Culture());
}
