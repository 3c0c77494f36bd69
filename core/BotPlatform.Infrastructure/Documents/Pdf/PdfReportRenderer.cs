using System.Globalization;
using BotPlatform.Core.Billing;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Localization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace BotPlatform.Infrastructure.Documents.Pdf;

/// <summary>
/// A report as an A4 PDF (PDFsharp, DejaVu Sans for Cyrillic): the agency, the period, the task table (non-billable
/// work marked, not charged) continued on new pages as needed, and the totals.
/// </summary>
public sealed class PdfReportRenderer : IReportPdf
{
    private const double Margin = 40;
    private static readonly double[] Columns = [0, 195, 295, 335, 415];

    public byte[] Render(BillingReport report, string agency, Lang lang)
    {
        DejaVuFontResolver.EnsureInstalled();
        var culture = lang.Culture();
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        var regular = new XFont(DejaVuFontResolver.Family, 9, XFontStyleEx.Regular, options);
        var bold = new XFont(DejaVuFontResolver.Family, 9, XFontStyleEx.Bold, options);
        var title = new XFont(DejaVuFontResolver.Family, 14, XFontStyleEx.Bold, options);
        using var document = new PdfDocument();
        document.Info.Title = report.Number;
        XGraphics? graphics = null;
        var y = 0d;
        var width = 0d;

        void NewPage()
        {
            graphics?.Dispose();
            var page = document.AddPage();
            page.Width = XUnit.FromMillimeter(210);
            page.Height = XUnit.FromMillimeter(297);
            width = page.Width.Point - 2 * Margin;
            graphics = XGraphics.FromPdfPage(page);
            y = Margin;
        }

        void Text(string text, XFont font, double x, double w = 0, bool right = false)
        {
            var fitted = Fit(graphics!, text, font, w > 0 ? w : width - x);
            var at = right ? Margin + x + w - graphics!.MeasureString(fitted, font).Width : Margin + x;
            graphics!.DrawString(fitted, font, XBrushes.Black, new XPoint(at, y), XStringFormats.TopLeft);
        }

        void Line() => graphics!.DrawLine(XPens.LightGray, Margin, y, Margin + width, y);

        NewPage();
        Text(agency, bold, 0);
        y += 16;
        Text((lang == Lang.En ? "Work report " : "Отчёт о выполненных работах ") + report.Number, title, 0);
        y += 22;
        Text((lang == Lang.En ? "Client: " : "Заказчик: ") + report.ClientName, regular, 0);
        y += 13;
        Text(string.Format(culture, lang == Lang.En ? "Period: {0:dd.MM.yyyy} to {1:dd.MM.yyyy}" : "Период: {0:dd.MM.yyyy} — {1:dd.MM.yyyy}",
            report.From.ToDateTime(TimeOnly.MinValue), report.To.ToDateTime(TimeOnly.MinValue)), regular, 0);
        y += 22;

        void Header()
        {
            string[] heads = lang == Lang.En ? ["Task", "Work type", "Hours", "Rate", "Sum"] : ["Задача", "Вид работ", "Часы", "Ставка", "Сумма"];
            for (var i = 0; i < heads.Length; i++) Text(heads[i], bold, Columns[i], ColumnWidth(i, width), right: i >= 2);
            y += 14;
            Line();
            y += 4;
        }

        Header();
        foreach (var line in report.Lines)
        {
            if (y > XUnit.FromMillimeter(297).Point - Margin - 120)
            {
                NewPage();
                Header();
            }
            Text($"{line.Reference} {line.Title}", regular, Columns[0], ColumnWidth(0, width));
            Text(line.WorkTypeName, regular, Columns[1], ColumnWidth(1, width));
            Text(line.Hours.ToString("0.##", culture), regular, Columns[2], ColumnWidth(2, width), right: true);
            Text(line.Billable ? ReportCard.Money(line.Sum, report.Currency, lang) : (lang == Lang.En ? "not charged" : "не оплачивается"), regular,
                Columns[4], ColumnWidth(4, width), right: true);
            // A rate that changed within the task's time: each rate with its hours on a line of its own under the task, so the row multiplies out.
            var rates = ReportCard.RateTexts(line, report.Currency, lang);
            if (rates.Count <= 1) Text(rates.Count == 1 ? rates[0] : "—", regular, Columns[3], ColumnWidth(3, width), right: true);
            y += 13;
            if (rates.Count > 1)
                foreach (var rate in rates)
                {
                    Text(rate, regular, Columns[1], Columns[4] - Columns[1] - 6, right: true);
                    y += 13;
                }
        }
        Line();
        y += 10;
        var totals = report.Totals();
        var rows = new List<(string, string)>
        {
            (lang == Lang.En ? "Hours in total" : "Всего часов", totals.Hours.ToString("0.##", culture)),
            (lang == Lang.En ? "Billable hours" : "Оплачиваемые часы", totals.BillableHours.ToString("0.##", culture)),
            (lang == Lang.En ? "Not charged" : "Не оплачиваются", totals.NonBillableHours.ToString("0.##", culture)),
            (lang == Lang.En ? "Amount" : "Сумма", ReportCard.Money(totals.Net, report.Currency, lang)),
            (report.Vat switch
            {
                VatMode.OnTop => string.Format(culture, lang == Lang.En ? "VAT {0:0.##}%" : "НДС {0:0.##}%", report.VatRate),
                VatMode.Included => string.Format(culture, lang == Lang.En ? "incl. VAT {0:0.##}%" : "в т. ч. НДС {0:0.##}%", report.VatRate),
                _ => lang == Lang.En ? "No VAT" : "Без НДС",
            }, report.Vat == VatMode.None ? "—" : ReportCard.Money(totals.Vat, report.Currency, lang)),
            (lang == Lang.En ? "Total due" : "Итого к оплате", ReportCard.Money(totals.Total, report.Currency, lang)),
        };
        foreach (var (label, value) in rows)
        {
            var last = label == rows[^1].Item1;
            Text(label, last ? bold : regular, Columns[2] - 120, 200);
            Text(value, last ? bold : regular, Columns[3], width - Columns[3] - 6, right: true);
            y += 14;
        }
        graphics?.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    private static double ColumnWidth(int i, double width) => (i + 1 < Columns.Length ? Columns[i + 1] : width) - Columns[i] - 6;

    private static string Fit(XGraphics graphics, string text, XFont font, double width)
    {
        if (graphics.MeasureString(text, font).Width <= width) return text;
        var cut = text;
        while (cut.Length > 1 && graphics.MeasureString(cut + "…", font).Width > width) cut = cut[..^1];
        return cut + "…";
    }
}
