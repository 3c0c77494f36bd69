using System.Text;
using BotPlatform.Core.Documents;
using PdfSharp.Drawing;

namespace BotPlatform.Infrastructure.Documents.Pdf;

/// <summary>A piece of a word in one style: "**Заказчик**," is two fragments of one word.</summary>
internal readonly record struct Fragment(string Text, TextStyle Style, double Width);

internal sealed record Word(IReadOnlyList<Fragment> Fragments, double Width);

/// <summary>Words on one line; <see cref="Width"/> counts a plain space between them.</summary>
internal sealed record TextLine(IReadOnlyList<Word> Words, double Width, double SpaceWidth, bool EndsParagraph)
{
    public static TextLine Empty(double spaceWidth) => new([], 0, spaceWidth, true);

    /// <summary>Draws the line in a box <paramref name="width"/> wide; a justified last line stays left.</summary>
    public void Draw(XGraphics graphics, FontBook fonts, double x, double baseline, double width, Align align)
    {
        var gap = SpaceWidth;
        var start = x;
        switch (align)
        {
            case Align.Right:
                start = x + width - Width;
                break;
            case Align.Center:
                start = x + (width - Width) / 2;
                break;
            case Align.Justify when !EndsParagraph && Words.Count > 1:
                gap += (width - Width) / (Words.Count - 1);
                break;
        }

        var cursor = start;
        foreach (var word in Words)
        {
            var fragmentX = cursor;
            foreach (var fragment in word.Fragments)
            {
                graphics.DrawString(fragment.Text, fonts.Font(fragment.Style), XBrushes.Black, fragmentX, baseline, XStringFormats.BaseLineLeft);
                fragmentX += fragment.Width;
            }

            cursor += word.Width + gap;
        }
    }
}

/// <summary>Breaks runs of text into lines that fit a width: greedy, words longer than a line are cut.</summary>
internal sealed class TextLayout(FontBook fonts)
{
    private const double Tolerance = 0.01;

    public IReadOnlyList<TextLine> Break(IReadOnlyList<Run> runs, TextStyle style, double width, bool keepEmpty = false)
    {
        var space = fonts.Width(" ", style with { Bold = false, Italic = false });
        var lines = new List<TextLine>();
        var current = new List<Word>();
        var currentWidth = 0.0;
        foreach (var word in Words(runs, style).SelectMany(w => Cut(w, width)))
        {
            var added = current.Count == 0 ? word.Width : space + word.Width;
            if (current.Count > 0 && currentWidth + added > width + Tolerance)
            {
                lines.Add(new TextLine(current, currentWidth, space, false));
                current = [];
                added = word.Width;
                currentWidth = 0;
            }

            current.Add(word);
            currentWidth += added;
        }

        if (current.Count > 0)
        {
            lines.Add(new TextLine(current, currentWidth, space, true));
        }
        else if (keepEmpty && lines.Count == 0)
        {
            lines.Add(TextLine.Empty(space));
        }

        return lines;
    }

    public double Width(string text, TextStyle style) => fonts.Width(text, style);

    /// <summary>Splits runs at breaking spaces; a no-break space (U+00A0) stays inside its word.</summary>
    private IEnumerable<Word> Words(IReadOnlyList<Run> runs, TextStyle style)
    {
        var fragments = new List<Fragment>();
        var text = new StringBuilder();
        foreach (var run in runs)
        {
            var runStyle = style.With(style.Bold || run.Bold, style.Italic || run.Italic);
            foreach (var c in run.Text)
            {
                if (IsBreakingSpace(c))
                {
                    Flush(text, runStyle, fragments);
                    if (fragments.Count > 0)
                    {
                        yield return new Word(fragments, fragments.Sum(f => f.Width));
                        fragments = [];
                    }
                }
                else
                {
                    text.Append(c);
                }
            }

            Flush(text, runStyle, fragments);
        }

        if (fragments.Count > 0)
        {
            yield return new Word(fragments, fragments.Sum(f => f.Width));
        }
    }

    private void Flush(StringBuilder text, TextStyle style, List<Fragment> fragments)
    {
        if (text.Length == 0)
        {
            return;
        }

        var s = text.ToString();
        fragments.Add(new Fragment(s, style, fonts.Width(s, style)));
        text.Clear();
    }

    private static bool IsBreakingSpace(char c) => char.IsWhiteSpace(c) && c is not '\u00A0' and not '\u202F' and not '\u2007';

    /// <summary>A word wider than the line (an account number, a URL) is cut into line-wide pieces.</summary>
    private IEnumerable<Word> Cut(Word word, double width)
    {
        if (word.Width <= width + Tolerance)
        {
            yield return word;
            yield break;
        }

        var piece = new List<Fragment>();
        var pieceWidth = 0.0;
        foreach (var fragment in word.Fragments)
        {
            var text = new StringBuilder();
            var textWidth = 0.0;
            for (var i = 0; i < fragment.Text.Length; i++)
            {
                var length = char.IsHighSurrogate(fragment.Text[i]) && i + 1 < fragment.Text.Length ? 2 : 1;
                var glyph = fragment.Text.Substring(i, length);
                var glyphWidth = fonts.Width(glyph, fragment.Style);
                if (pieceWidth + textWidth + glyphWidth > width + Tolerance && (piece.Count > 0 || text.Length > 0))
                {
                    if (text.Length > 0)
                    {
                        piece.Add(Measured(text.ToString(), fragment.Style));
                    }

                    yield return new Word(piece, piece.Sum(f => f.Width));
                    piece = [];
                    pieceWidth = 0;
                    text.Clear();
                    textWidth = 0;
                }

                text.Append(glyph);
                textWidth += glyphWidth;
                i += length - 1;
            }

            if (text.Length > 0)
            {
                var measured = Measured(text.ToString(), fragment.Style);
                piece.Add(measured);
                pieceWidth += measured.Width;
            }
        }

        if (piece.Count > 0)
        {
            yield return new Word(piece, piece.Sum(f => f.Width));
        }
    }

    private Fragment Measured(string text, TextStyle style) => new(text, style, fonts.Width(text, style));
}
