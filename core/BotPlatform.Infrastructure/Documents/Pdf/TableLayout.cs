using BotPlatform.Core.Documents;
using PdfSharp.Drawing;

namespace BotPlatform.Infrastructure.Documents.Pdf;

/// <summary>Where a table's columns sit and how its cells are padded.</summary>
internal sealed record TableGrid(IReadOnlyList<double> Lefts, IReadOnlyList<double> Widths, IReadOnlyList<Align> Aligns, LineMetrics Metrics)
{
    public const double PaddingX = 3;
    public const double PaddingY = 2.5;

    public double TextWidth(int column) => Widths[column] - 2 * PaddingX;
}

/// <summary>
/// A table row, or a slice of a row too tall for one page. A body row knows its table's header so the
/// paginator can repeat the header at the top of each page the table continues on.
/// </summary>
internal sealed class TableRowBox(TableGrid grid, IReadOnlyList<IReadOnlyList<TextLine>> cells, bool isHeader) : Box
{
    private static readonly XPen Border = new(XColors.Black, 0.5);
    private static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromGrayScale(0.9));

    public override double Height { get; } = Math.Max(1, cells.Max(c => c.Count)) * grid.Metrics.Height + 2 * TableGrid.PaddingY;

    public bool IsHeader => isHeader;

    public TableRowBox? Header { get; init; }

    public override void Draw(XGraphics graphics, FontBook fonts, double left, double top)
    {
        for (var column = 0; column < cells.Count; column++)
        {
            var x = left + grid.Lefts[column];
            if (isHeader)
            {
                graphics.DrawRectangle(HeaderFill, x, top, grid.Widths[column], Height);
            }

            graphics.DrawRectangle(Border, x, top, grid.Widths[column], Height);
            var baseline = top + TableGrid.PaddingY + grid.Metrics.Baseline;
            foreach (var line in cells[column])
            {
                line.Draw(graphics, fonts, x + TableGrid.PaddingX, baseline, grid.TextWidth(column), grid.Aligns[column]);
                baseline += grid.Metrics.Height;
            }
        }
    }
}

/// <summary>Lays a table out in rows at the body's full width; header cells are bold.</summary>
internal sealed class TableLayout(TextLayout text, FontBook fonts)
{
    private static readonly TextStyle Style = new(Typography.TableSize);

    public IEnumerable<Box> Layout(TableBlock table, double width, double pageHeight)
    {
        var grid = Grid(table, width);

        // The header stays with the first row (KeepWithNext), and a body row that opens a page brings a
        // copy of the header along unless the header is too tall to repeat sensibly.
        var header = Slices(grid, table.Header, bold: true, pageHeight)
            .Select((cells, i) => new TableRowBox(grid, cells, true)
            {
                SpaceBefore = i == 0 ? Typography.TableSpace : 0,
                KeepWithNext = true,
            })
            .ToList();
        var repeated = header.Count == 1 && header[0].Height <= pageHeight / 3 ? header[0] : null;
        foreach (var row in header)
        {
            yield return row;
        }

        var maxRow = pageHeight - (repeated?.Height ?? 0);
        foreach (var row in table.Rows)
        {
            foreach (var cells in Slices(grid, row, bold: false, maxRow))
            {
                yield return new TableRowBox(grid, cells, false) { Header = repeated };
            }
        }
    }

    private TableGrid Grid(TableBlock table, double width)
    {
        var count = Math.Max(table.Columns.Count, Math.Max(table.Header.Count, table.Rows.Select(r => r.Count).DefaultIfEmpty(0).Max()));
        var columns = Enumerable.Range(0, count)
            .Select(i => i < table.Columns.Count ? table.Columns[i] : new TableColumn(1, Align.Left))
            .ToList();
        var total = columns.Sum(c => Math.Max(c.Weight, 0.0001));
        var widths = columns.Select(c => width * Math.Max(c.Weight, 0.0001) / total).ToList();
        var lefts = new List<double>(count);
        var x = 0.0;
        foreach (var w in widths)
        {
            lefts.Add(x);
            x += w;
        }

        // Justified text in a narrow cell spreads words apart; cells read better flush left.
        var aligns = columns.Select(c => c.Align == Align.Justify ? Align.Left : c.Align).ToList();
        return new TableGrid(lefts, widths, aligns, fonts.Line(Typography.TableSize));
    }

    private IReadOnlyList<IReadOnlyList<TextLine>> Cells(TableGrid grid, IReadOnlyList<IReadOnlyList<Run>> row, bool bold) =>
        Enumerable.Range(0, grid.Widths.Count)
            .Select(i => text.Break(i < row.Count ? row[i] : [], Style with { Bold = bold }, grid.TextWidth(i)))
            .ToList();

    /// <summary>A row taller than <paramref name="maxHeight"/> is cut into slices of whole lines.</summary>
    private IEnumerable<IReadOnlyList<IReadOnlyList<TextLine>>> Slices(
        TableGrid grid, IReadOnlyList<IReadOnlyList<Run>> row, bool bold, double maxHeight)
    {
        var cells = Cells(grid, row, bold);
        var lines = Math.Max(1, cells.Max(c => c.Count));
        var perSlice = Math.Max(1, (int)Math.Floor((maxHeight - 2 * TableGrid.PaddingY) / grid.Metrics.Height));
        for (var first = 0; first < lines; first += perSlice)
        {
            yield return cells.Select(c => (IReadOnlyList<TextLine>)c.Skip(first).Take(perSlice).ToList()).ToList();
        }
    }
}
