using System.Globalization;
using System.Net;
using System.Text;
using BotPlatform.Core.Billing;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Localization;
using BotPlatform.Core.People;
using BotPlatform.Core.Projects;

namespace BotPlatform.Bot.Billing;

/// <summary>The report and task pages as plain HTML with inline CSS: the agency's colours, a table that becomes cards on a phone, a print style.</summary>
public static class ReportHtml
{
    private static readonly Text Title = new("Отчёт о выполненных работах {0}", "Work report {0}");
    private static readonly Text PeriodText = new("Период: {0:dd.MM.yyyy} — {1:dd.MM.yyyy}", "Period: {0:dd.MM.yyyy} to {1:dd.MM.yyyy}");
    private static readonly Text ClientText = new("Заказчик: {0}", "Client: {0}");
    private static readonly Text TaskHead = new("Задача", "Task");
    private static readonly Text TypeHead = new("Вид работ", "Work type");
    private static readonly Text HoursHead = new("Часы", "Hours");
    private static readonly Text RateHead = new("Ставка", "Rate");
    private static readonly Text SumHead = new("Сумма", "Sum");
    private static readonly Text NotCharged = new("не оплачивается", "not charged");
    private static readonly Text TotalHours = new("Всего часов", "Hours in total");
    private static readonly Text BillableHours = new("Оплачиваемые часы", "Billable hours");
    private static readonly Text FreeHours = new("Не оплачиваются", "Not charged");
    private static readonly Text Net = new("Сумма", "Amount");
    private static readonly Text VatOnTop = new("НДС {0}%", "VAT {0}%");
    private static readonly Text VatIncluded = new("в т. ч. НДС {0}%", "incl. VAT {0}%");
    private static readonly Text NoVat = new("Без НДС", "No VAT");
    private static readonly Text Total = new("Итого к оплате", "Total due");
    private static readonly Text Download = new("Скачать PDF", "Download PDF");
    private static readonly Text OtherLanguage = new("English", "Русский");
    private static readonly Text Back = new("← К отчёту", "← Back to the report");
    private static readonly Text Result = new("Результат", "Result");
    private static readonly Text Expected = new("Что должно получиться", "Expected result");
    private static readonly Text Time = new("Затраченное время", "Time spent");
    private static readonly Text Date = new("Дата", "Date");
    private static readonly Text Comment = new("Комментарий", "Comment");
    private static readonly Text NotFoundTitle = new("Страница не найдена", "Page not found");
    private static readonly Text NotFoundText = new("Ссылка неверна, устарела или закрыта. Попросите у менеджера новую.",
        "The link is wrong, out of date or closed. Ask your manager for a new one.");

    public static string Report(BillingReport report, string token, Lang lang, Organisation organisation)
    {
        var culture = lang.Culture();
        var totals = report.Totals();
        var body = new StringBuilder();
        body.Append("<section class=\"meta\"><h1>").Append(E(Title.In(lang, report.Number))).Append("</h1><p>")
            .Append(E(ClientText.In(lang, report.ClientName))).Append("</p><p>")
            .Append(E(PeriodText.In(lang, report.From.ToDateTime(TimeOnly.MinValue), report.To.ToDateTime(TimeOnly.MinValue)))).Append("</p>");
        if (ReportFilter.Describe(report, lang) is { Length: > 0 } filter) body.Append("<p class=\"filter\">").Append(E(filter)).Append("</p>");
        body.Append("</section>");
        body.Append("<table class=\"tasks\"><thead><tr><th>").Append(E(TaskHead.In(lang))).Append("</th><th>").Append(E(TypeHead.In(lang)))
            .Append("</th><th class=\"num\">").Append(E(HoursHead.In(lang))).Append("</th><th class=\"num\">").Append(E(RateHead.In(lang)))
            .Append("</th><th class=\"num\">").Append(E(SumHead.In(lang))).Append("</th></tr></thead><tbody>");
        foreach (var line in report.Lines)
        {
            body.Append("<tr class=\"").Append(line.Billable ? "billable" : "free").Append("\" data-task=\"").Append(E(line.Reference)).Append("\">")
                .Append("<td data-label=\"").Append(E(TaskHead.In(lang))).Append("\"><a href=\"").Append(E(Link(token, lang, $"/t/{line.TaskId}"))).Append("\">")
                .Append(E($"{line.Reference} {line.Title}")).Append("</a></td>")
                .Append("<td data-label=\"").Append(E(TypeHead.In(lang))).Append("\">").Append(E(line.WorkTypeName)).Append("</td>")
                .Append("<td class=\"num hours\" data-label=\"").Append(E(HoursHead.In(lang))).Append("\">").Append(E(line.Hours.ToString("0.##", culture))).Append("</td>")
                .Append("<td class=\"num rate\" data-label=\"").Append(E(RateHead.In(lang))).Append("\">").Append(ReportCard.RateTexts(line, report.Currency, lang) is { Count: > 0 } rates ? string.Join("<br>", rates.Select(E)) : "—").Append("</td>")
                .Append("<td class=\"num sum\" data-label=\"").Append(E(SumHead.In(lang))).Append("\">")
                .Append(line.Billable ? E(ReportCard.Money(line.Sum, report.Currency, lang)) : $"<span class=\"badge\">{E(NotCharged.In(lang))}</span>").Append("</td></tr>");
        }
        body.Append("</tbody></table><dl class=\"totals\">");
        Row(body, "hours", TotalHours.In(lang), totals.Hours.ToString("0.##", culture));
        Row(body, "billable-hours", BillableHours.In(lang), totals.BillableHours.ToString("0.##", culture));
        Row(body, "free-hours", FreeHours.In(lang), totals.NonBillableHours.ToString("0.##", culture));
        Row(body, "net", Net.In(lang), ReportCard.Money(totals.Net, report.Currency, lang));
        Row(body, "vat", report.Vat switch
        {
            VatMode.OnTop => VatOnTop.In(lang, report.VatRate.ToString("0.##", culture)),
            VatMode.Included => VatIncluded.In(lang, report.VatRate.ToString("0.##", culture)),
            _ => NoVat.In(lang),
        }, report.Vat == VatMode.None ? "—" : ReportCard.Money(totals.Vat, report.Currency, lang));
        Row(body, "total", Total.In(lang), ReportCard.Money(totals.Total, report.Currency, lang));
        body.Append("</dl><p class=\"actions\"><a class=\"button\" id=\"pdf\" href=\"").Append(E(Link(token, lang, "/pdf"))).Append("\">")
            .Append(E(Download.In(lang))).Append("</a> <a id=\"lang\" href=\"").Append(E(Link(token, lang == Lang.Ru ? Lang.En : Lang.Ru, ""))).Append("\">")
            .Append(E(OtherLanguage.In(lang))).Append("</a></p>");
        return Page(Title.In(lang, report.Number), body.ToString(), lang, organisation);
    }

    public static string Task(BillingReport report, ReportLine line, ProjectTask task, IReadOnlyList<TimeEntry> entries, string token, Lang lang, Organisation organisation)
    {
        var culture = lang.Culture();
        var body = new StringBuilder();
        body.Append("<p><a href=\"").Append(E(Link(token, lang, ""))).Append("\">").Append(E(Back.In(lang))).Append("</a></p>")
            .Append("<section class=\"meta\"><h1>").Append(E($"{line.Reference} {line.Title}")).Append("</h1><p>").Append(E(line.WorkTypeName))
            .Append(line.Billable ? "" : $" · <span class=\"badge\">{E(NotCharged.In(lang))}</span>").Append("</p></section>");
        if (!string.IsNullOrWhiteSpace(task.ExpectedResult))
            body.Append("<h2>").Append(E(Expected.In(lang))).Append("</h2><p>").Append(E(task.ExpectedResult)).Append("</p>");
        if (!string.IsNullOrWhiteSpace(task.ResultText))
            body.Append("<h2>").Append(E(Result.In(lang))).Append("</h2><p class=\"result\">").Append(Linked(task.ResultText)).Append("</p>");
        body.Append("<h2>").Append(E(Time.In(lang))).Append("</h2><table class=\"entries\"><thead><tr><th>").Append(E(Date.In(lang)))
            .Append("</th><th class=\"num\">").Append(E(HoursHead.In(lang))).Append("</th><th>").Append(E(Comment.In(lang))).Append("</th></tr></thead><tbody>");
        foreach (var entry in entries)
        {
            body.Append("<tr><td data-label=\"").Append(E(Date.In(lang))).Append("\">").Append(entry.Date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture))
                .Append("</td><td class=\"num\" data-label=\"").Append(E(HoursHead.In(lang))).Append("\">").Append(E(entry.Hours.ToString("0.##", culture)))
                .Append("</td><td data-label=\"").Append(E(Comment.In(lang))).Append("\">").Append(E(entry.Comment ?? "")).Append("</td></tr>");
        }
        body.Append("</tbody></table>");
        return Page($"{line.Reference} {line.Title}", body.ToString(), lang, organisation);
    }

    public static string NotFound(Lang lang) =>
        $"<!doctype html><html lang=\"{(lang == Lang.En ? "en" : "ru")}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + $"<title>{E(NotFoundTitle.In(lang))}</title><style>body{{font-family:system-ui,'DejaVu Sans',sans-serif;margin:3rem auto;max-width:36rem;padding:0 1rem;color:#222}}</style></head>"
        + $"<body><h1>404 · {E(NotFoundTitle.In(lang))}</h1><p>{E(NotFoundText.In(lang))}</p></body></html>";

    private static void Row(StringBuilder body, string id, string label, string value) =>
        body.Append("<div class=\"row\" id=\"total-").Append(id).Append("\"><dt>").Append(E(label)).Append("</dt><dd>").Append(E(value)).Append("</dd></div>");

    private static string Link(string token, Lang lang, string path) => $"/r/{Uri.EscapeDataString(token)}{path}{(lang == Lang.En ? "?lang=en" : "")}";

    private static string Page(string title, string body, Lang lang, Organisation organisation)
    {
        var brand = organisation.Billing.Brand;
        var name = brand.Name ?? organisation.Name;
        var logo = brand.Logo is { } src ? $"<img class=\"logo\" src=\"{E(src)}\" alt=\"\">" : "";
        return $$"""
            <!doctype html>
            <html lang="{{(lang == Lang.En ? "en" : "ru")}}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>{{E(title)}} · {{E(name)}}</title>
            <style>
            :root { --brand: {{brand.Primary}}; --accent: {{brand.Accent}}; }
            * { box-sizing: border-box; }
            body { margin: 0; font-family: system-ui, "DejaVu Sans", sans-serif; color: #1d1d1f; background: #f5f6f8; line-height: 1.45; }
            header { background: var(--brand); color: #fff; padding: 1rem 1.5rem; display: flex; align-items: center; gap: 1rem; }
            header .logo { height: 40px; }
            header .name { font-size: 1.25rem; font-weight: 600; }
            main { max-width: 60rem; margin: 1.5rem auto; background: #fff; padding: 1.5rem; border-radius: 8px; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
            h1 { font-size: 1.5rem; margin: 0 0 .5rem; color: var(--brand); }
            h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
            .meta p { margin: .2rem 0; color: #555; }
            table { width: 100%; border-collapse: collapse; margin-top: 1rem; }
            th, td { padding: .55rem .5rem; border-bottom: 1px solid #e3e5e8; text-align: left; vertical-align: top; }
            th { background: #f0f2f5; font-weight: 600; }
            .num { text-align: right; white-space: nowrap; }
            tr.free td { color: #777; }
            a { color: var(--brand); }
            .badge { display: inline-block; padding: .05rem .45rem; border-radius: 999px; background: #eee; color: #555; font-size: .85em; }
            .totals { margin: 1.5rem 0 0 auto; max-width: 24rem; }
            .totals .row { display: flex; justify-content: space-between; padding: .3rem 0; border-bottom: 1px dashed #e3e5e8; }
            .totals dt { color: #555; } .totals dd { margin: 0; font-variant-numeric: tabular-nums; }
            #total-total { font-weight: 700; font-size: 1.15rem; border-bottom: 3px solid var(--accent); }
            .actions { margin-top: 1.5rem; display: flex; gap: 1rem; align-items: center; }
            .button { background: var(--accent); color: #fff; padding: .6rem 1.1rem; border-radius: 6px; text-decoration: none; font-weight: 600; }
            .result { white-space: pre-wrap; overflow-wrap: anywhere; }
            @media (max-width: 640px) {
              main { margin: 0; border-radius: 0; padding: 1rem; }
              thead { display: none; }
              table, tbody, tr, td { display: block; width: 100%; }
              tr { border: 1px solid #e3e5e8; border-radius: 6px; margin-bottom: .75rem; padding: .25rem .5rem; }
              td { border: none; display: flex; justify-content: space-between; gap: 1rem; text-align: right; padding: .3rem 0; }
              td::before { content: attr(data-label); color: #777; text-align: left; }
              td:first-child { font-weight: 600; }
              .totals { max-width: none; }
            }
            @media print {
              body { background: #fff; }
              header { background: none; color: var(--brand); border-bottom: 2px solid var(--brand); }
              main { box-shadow: none; margin: 0; max-width: none; }
              .actions { display: none; }
              a { color: inherit; text-decoration: none; }
            }
            </style>
            </head>
            <body>
            <header>{{logo}}<span class="name">{{E(name)}}</span></header>
            <main>
            {{body}}
            </main>
            </body>
            </html>
            """;
    }

    private static string Linked(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? $"<a href=\"{E(uri.AbsoluteUri)}\" rel=\"noopener noreferrer\">{E(text.Trim())}</a>"
            : E(text);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
