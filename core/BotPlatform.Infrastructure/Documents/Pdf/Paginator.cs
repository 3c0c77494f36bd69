namespace BotPlatform.Infrastructure.Documents.Pdf;

/// <summary>A box and its top, measured from the top of the page's body.</summary>
internal readonly record struct Placed(Box Box, double Top);

/// <summary>
/// Stacks boxes onto pages of a fixed body height: space before a box is dropped at the top of a page,
/// a chain of keep-with-next boxes moves to a new page together when it fits on one, and a table row
/// that opens a page brings its table's header along.
/// </summary>
internal static class Paginator
{
    private const double Tolerance = 0.01;

    public static IReadOnlyList<IReadOnlyList<Placed>> Paginate(IReadOnlyList<Box> boxes, double pageHeight)
    {
        var pages = new List<IReadOnlyList<Placed>>();
        var page = new List<Placed>();
        var y = 0.0;

        void NewPage()
        {
            pages.Add(page);
            page = [];
            y = 0;
        }

        for (var i = 0; i < boxes.Count; i++)
        {
            var box = boxes[i];
            if (box.Height > pageHeight + Tolerance)
            {
                throw new InvalidOperationException($"A {box.GetType().Name} of {box.Height:0.#}pt does not fit a page body of {pageHeight:0.#}pt.");
            }

            if (box is PageBreakBox)
            {
                if (page.Count > 0)
                {
                    NewPage();
                }

                continue;
            }

            var header = box is TableRowBox { IsHeader: false, Header: { } h } ? h : null;
            var need = Space(box, y) + Math.Max(box.Height, Chain(boxes, i, pageHeight));
            if (page.Count > 0 && y + need > pageHeight + Tolerance)
            {
                NewPage();
            }

            if (header is not null && page.Count == 0)
            {
                page.Add(new Placed(header, 0));
                y = header.Height;
            }

            y += Space(box, y);
            page.Add(new Placed(box, y));
            y += box.Height;
        }

        if (page.Count > 0 || pages.Count == 0)
        {
            pages.Add(page);
        }

        return pages;
    }

    private static double Space(Box box, double y) => y == 0 ? 0 : box.SpaceBefore;

    /// <summary>The height of the keep-with-next chain from <paramref name="start"/>, or 0 when it cannot fit any page.</summary>
    private static double Chain(IReadOnlyList<Box> boxes, int start, double pageHeight)
    {
        var height = boxes[start].Height;
        for (var i = start; boxes[i].KeepWithNext && i + 1 < boxes.Count && boxes[i + 1] is not PageBreakBox; i++)
        {
            height += boxes[i + 1].SpaceBefore + boxes[i + 1].Height;
            if (height > pageHeight + Tolerance)
            {
                return 0;
            }
        }

        return height;
    }
}
