using System.Globalization;
using BotPlatform.Core.Documents;
using PdfSharp.Drawing;

namespace BotPlatform.Infrastructure.Documents.Pdf;

/// <summary>
/// What every page carries around the body: the header (organisation, title and number on the left, the
/// barcode with its code under it on the right, a rule below) and the footer "page X of Y". Laid out once
/// per document; the body gets the height between them.
/// </summary>
internal sealed class PageFrame
{
    private const double BarcodeHeight = 30;
    private const double BarcodeMaxWidth = 200;
    private const double HeaderGap = 12;
    private const double RuleGap = 5;
    private const double BodyGap = 10;

    private static readonly XPen Rule = new(XColors.Black, 0.5);

    private readonly RenderRequest request;
    private readonly FontBook fonts;
    private readonly Code128Barcode barcode;
    private readonly IReadOnlyList<TextLine> headerLines;
    private readonly LineMetrics headerMetrics;
    private readonly LineMetrics codeMetrics;
    private readonly LineMetrics footerMetrics;
    private readonly double headerHeight;
    private readonly double headerTextWidth;

    public PageFrame(RenderRequest request, FontBook fonts, TextLayout text)
    {
        this.request = request;
        this.fonts = fonts;
        barcode = new Code128Barcode(request.BarcodeCode, BarcodeMaxWidth);
        headerMetrics = fonts.Line(Typography.HeaderSize);
        codeMetrics = fonts.Line(Typography.BarcodeTextSize);
        footerMetrics = fonts.Line(Typography.FooterSize);

        headerTextWidth = PageGeometry.ContentWidth - barcode.Width - Math.Max(HeaderGap, barcode.QuietZone);
        var style = new TextStyle(Typography.HeaderSize);
        headerLines =
        [
            .. text.Break([new Run(request.Organisation, Bold: true)], style, headerTextWidth),
            .. text.Break([new Run(request.Title)], style, headerTextWidth),
            .. text.Break([new Run("№\u00A0" + request.Number)], style, headerTextWidth),
        ];
        headerHeight = Math.Max(headerLines.Count * headerMetrics.Height, BarcodeHeight + codeMetrics.Height);
    }

    public double BodyTop => PageGeometry.MarginTop + headerHeight + RuleGap + BodyGap;

    public double BodyBottom => PageGeometry.Height - PageGeometry.MarginBottom - footerMetrics.Height - RuleGap - BodyGap;

    public double BodyHeight => BodyBottom - BodyTop;

    public void Draw(XGraphics graphics, int page, int pages)
    {
        DrawHeader(graphics);
        DrawFooter(graphics, string.Format(CultureInfo.InvariantCulture, request.PageFooter, page, pages));
    }

    private void DrawHeader(XGraphics graphics)
    {
        var left = PageGeometry.MarginLeft;
        var right = PageGeometry.Width - PageGeometry.MarginRight;
        var top = PageGeometry.MarginTop;
        for (var i = 0; i < headerLines.Count; i++)
        {
            headerLines[i].Draw(graphics, fonts, left, top + i * headerMetrics.Height + headerMetrics.Baseline, headerTextWidth, Align.Left);
        }

        var barcodeLeft = right - barcode.Width;
        barcode.Draw(graphics, barcodeLeft, top, BarcodeHeight);
        graphics.DrawString(
            request.BarcodeCode,
            fonts.Font(new TextStyle(Typography.BarcodeTextSize)),
            XBrushes.Black,
            barcodeLeft + barcode.Width / 2,
            top + BarcodeHeight + codeMetrics.Baseline,
            XStringFormats.BaseLineCenter);

        var ruleY = top + headerHeight + RuleGap;
        graphics.DrawLine(Rule, left, ruleY, right, ruleY);
    }

    private void DrawFooter(XGraphics graphics, string footer)
    {
        var ruleY = PageGeometry.Height - PageGeometry.MarginBottom - footerMetrics.Height - RuleGap;
        graphics.DrawLine(Rule, PageGeometry.MarginLeft, ruleY, PageGeometry.Width - PageGeometry.MarginRight, ruleY);
        graphics.DrawString(
            footer,
            fonts.Font(new TextStyle(Typography.FooterSize)),
            XBrushes.Black,
            PageGeometry.Width - PageGeometry.MarginRight,
            PageGeometry.Height - PageGeometry.MarginBottom - footerMetrics.Height + footerMetrics.Baseline,
            XStringFormats.BaseLineRight);
    }
}
