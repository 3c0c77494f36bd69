using BotPlatform.Core.Documents;

namespace BotPlatform.Infrastructure.Documents.Pdf;

/// <summary>Turns the document body into boxes no taller than a page's body, ready for the paginator.</summary>
internal sealed class BodyLayout(FontBook fonts)
{
    private const double SignatureGap = 24;

    private readonly TextLayout text = new(fonts);

    public IReadOnlyList<Box> Layout(DocumentBody body, double width, double pageHeight)
    {
        var tables = new TableLayout(text, fonts);
        var boxes = new List<Box>();
        foreach (var block in body.Blocks)
        {
            boxes.AddRange(block switch
            {
                TitleBlock title => Lines(title.Runs, new TextStyle(Typography.TitleSize, Bold: true), width, Align.Center, 0, keepWithNext: true),
                HeadingBlock heading => Heading(heading, width),
                ClauseBlock clause => Clause(clause, width),
                ParagraphBlock paragraph => Lines(paragraph.Runs, new TextStyle(Typography.BodySize), width, paragraph.Align, Typography.ParagraphSpace),
                TableBlock table => tables.Layout(table, width, pageHeight),
                SignaturesBlock signatures => Signatures(signatures, width),
                PageBreakBlock => [new PageBreakBox()],
                _ => throw new NotSupportedException($"The renderer does not know {block.GetType().Name}."),
            });
        }

        return boxes;
    }

    private IEnumerable<Box> Lines(
        IReadOnlyList<Run> runs, TextStyle style, double width, Align align, double spaceBefore, bool keepWithNext = false)
    {
        var metrics = fonts.Line(style.Size);
        var lines = text.Break(runs, style, width);
        return lines.Select((line, i) => new TextLineBox(line, metrics, 0, width, align)
        {
            SpaceBefore = i == 0 ? spaceBefore : 0,
            KeepWithNext = keepWithNext || Unsplittable(i, lines.Count),
        });
    }

    /// <summary>
    /// No single first line at the foot of a page and no single last line at the head of the next (no
    /// orphans, no widows): the first line keeps with the second and the last but one with the last.
    /// </summary>
    private static bool Unsplittable(int line, int lines) => lines >= 2 && (line == 0 || line == lines - 2);

    private IEnumerable<Box> Heading(HeadingBlock heading, double width)
    {
        var runs = heading.Number.Length == 0 ? heading.Runs : [new Run(heading.Number + " "), .. heading.Runs];
        return Lines(runs, new TextStyle(Typography.HeadingSize, Bold: true), width, Align.Center, Typography.HeadingSpace, keepWithNext: true);
    }

    /// <summary>The number hangs to the left of the clause's text; level 2 sits one step further in.</summary>
    private IEnumerable<Box> Clause(ClauseBlock clause, double width)
    {
        var style = new TextStyle(Typography.BodySize);
        var labelIndent = Math.Max(0, clause.Level - 1) * Typography.ClauseIndentStep;
        var hang = Math.Max(Typography.ClauseIndentStep * (clause.Level <= 1 ? 1.6 : 2), text.Width(clause.Number, style) + Typography.ClauseLabelGap);
        var indent = labelIndent + hang;
        var metrics = fonts.Line(style.Size);
        var lines = text.Break(clause.Runs, style, width - indent, keepEmpty: true);
        return lines.Select((line, i) => new TextLineBox(line, metrics, indent, width - indent, Align.Justify)
        {
            SpaceBefore = i == 0 ? Typography.ClauseSpace : 0,
            KeepWithNext = Unsplittable(i, lines.Count),
            Label = i == 0 ? (clause.Number, style, labelIndent) : null,
        });
    }

    /// <summary>
    /// Two columns, row by row. The n-th entries of both sides start on the same row (the markup's lines are
    /// "left || right"), so the roles and the signature lines face each other. Every row but the last keeps
    /// with the next, so the block stays on one page when it fits.
    /// </summary>
    private IEnumerable<Box> Signatures(SignaturesBlock signatures, double width)
    {
        var style = new TextStyle(Typography.BodySize);
        var metrics = fonts.Line(style.Size);
        var column = (width - SignatureGap) / 2;
        var rows = new List<(TextLine? Left, TextLine? Right)>();
        for (var entry = 0; entry < Math.Max(signatures.Left.Count, signatures.Right.Count); entry++)
        {
            var left = entry < signatures.Left.Count ? text.Break(signatures.Left[entry], style, column, keepEmpty: true) : [];
            var right = entry < signatures.Right.Count ? text.Break(signatures.Right[entry], style, column, keepEmpty: true) : [];
            for (var line = 0; line < Math.Max(left.Count, right.Count); line++)
            {
                rows.Add((line < left.Count ? left[line] : null, line < right.Count ? right[line] : null));
            }
        }

        return rows.Select((row, i) => new SignatureRowBox(row.Left, row.Right, metrics, column, SignatureGap)
        {
            SpaceBefore = i == 0 ? Typography.SignaturesSpace : 0,
            KeepWithNext = i < rows.Count - 1,
        });
    }
}
