using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace BotPlatform.Infrastructure.Documents.Pdf;

internal readonly record struct TextStyle(double Size, bool Bold = false, bool Italic = false)
{
    public TextStyle With(bool bold, bool italic) => this with { Bold = bold, Italic = italic };
}

/// <summary>Vertical metrics of one line of text at a size: its height and where its baseline sits.</summary>
internal readonly record struct LineMetrics(double Height, double Baseline);

/// <summary>
/// The fonts and the measuring surface of one rendering. One per render, never shared between threads:
/// XFont and the measure context are not meant for concurrent use.
/// </summary>
internal sealed class FontBook
{
    private const double LineSpacing = 1.25;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    private readonly Dictionary<TextStyle, XFont> fonts = [];
    private readonly Dictionary<(TextStyle, string), double> widths = [];
    private readonly XGraphics measure = XGraphics.CreateMeasureContext(
        new XSize(PageGeometry.Width, PageGeometry.Height), XGraphicsUnit.Point, XPageDirection.Downwards);

    public XFont Font(TextStyle style)
    {
        if (!fonts.TryGetValue(style, out var font))
        {
            var face = (style.Bold, style.Italic) switch
            {
                (false, false) => XFontStyleEx.Regular,
                (true, false) => XFontStyleEx.Bold,
                (false, true) => XFontStyleEx.Italic,
                (true, true) => XFontStyleEx.BoldItalic,
            };
            font = new XFont(DejaVuFontResolver.Family, style.Size, face, Unicode);
            fonts.Add(style, font);
        }

        return font;
    }

    public double Width(string text, TextStyle style)
    {
        if (!widths.TryGetValue((style, text), out var width))
        {
            width = measure.MeasureString(text, Font(style)).Width;
            widths.Add((style, text), width);
        }

        return width;
    }

    public LineMetrics Line(double size)
    {
        var metrics = Font(new TextStyle(size)).Metrics;
        var ascent = metrics.Ascent * size / metrics.UnitsPerEm;
        var descent = metrics.Descent * size / metrics.UnitsPerEm;
        var height = size * LineSpacing;
        return new LineMetrics(height, (height - ascent - descent) / 2 + ascent);
    }
}
