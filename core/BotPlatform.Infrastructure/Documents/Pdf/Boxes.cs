using BotPlatform.Core.Documents;
using PdfSharp.Drawing;

namespace BotPlatform.Infrastructure.Documents.Pdf;

/// <summary>
/// A slice of the body the paginator stacks on pages: never taller than a page's body, drawn at the body's
/// left edge and the top the paginator chose.
/// </summary>
internal abstract class Box
{
    public abstract double Height { get; }

    /// <summary>Space above the box, dropped at the top of a page.</summary>
    public double SpaceBefore { get; init; }

    /// <summary>The box goes to the next page with the box after it when both fit on an empty page.</summary>
    public bool KeepWithNext { get; init; }

    public abstract void Draw(XGraphics graphics, FontBook fonts, double left, double top);
}

/// <summary>"\newpage": the paginator starts a new page.</summary>
internal sealed class PageBreakBox : Box
{
    public override double Height => 0;

    public override void Draw(XGraphics graphics, FontBook fonts, double left, double top)
    {
    }
}

/// <summary>One line of a title, heading, clause or paragraph, with the clause's number hanging on its first line.</summary>
internal sealed class TextLineBox(TextLine line, LineMetrics metrics, double indent, double width, Align align) : Box
{
    public override double Height => metrics.Height;

    public (string Text, TextStyle Style, double Indent)? Label { get; init; }

    public override void Draw(XGraphics graphics, FontBook fonts, double left, double top)
    {
        var baseline = top + metrics.Baseline;
        if (Label is { } label)
        {
            graphics.DrawString(label.Text, fonts.Font(label.Style), XBrushes.Black, left + label.Indent, baseline, XStringFormats.BaseLineLeft);
        }

        line.Draw(graphics, fonts, left + indent, baseline, width, align);
    }
}

/// <summary>A row of the signatures block: a line of the left party's requisites beside one of the right party's.</summary>
internal sealed class SignatureRowBox(TextLine? left, TextLine? right, LineMetrics metrics, double columnWidth, double gap) : Box
{
    public override double Height => metrics.Height;

    public override void Draw(XGraphics graphics, FontBook fonts, double x, double top)
    {
        var baseline = top + metrics.Baseline;
        left?.Draw(graphics, fonts, x, baseline, columnWidth, Align.Left);
        right?.Draw(graphics, fonts, x + columnWidth + gap, baseline, columnWidth, Align.Left);
    }
}
