namespace BotPlatform.Tests.Support;

/// <summary>
/// Checks on the words of a rendered document (<see cref="PdfTools.Words"/>) against the renderer's page:
/// A4 with the office's margins, 20 mm left, 15 mm right, 10 mm top and bottom.
/// </summary>
public static class PdfAssert
{
    public const double PageWidth = 595.28;
    public const double PageHeight = 841.89;
    public const double MarginLeft = 56.69;
    public const double MarginRight = 42.52;
    public const double MarginTop = 28.35;
    public const double MarginBottom = 28.35;

    /// <summary>Below the header's rule when the organisation and the title take one line each.</summary>
    public const double BelowHeader = 75;

    public const double AboveFooter = PageHeight - 50;

    private const double Slack = 0.5;

    /// <summary>Between the header and the footer: the document's body.</summary>
    public static bool InBody(PdfWord word) => word.Top > BelowHeader && word.Bottom < AboveFooter;

    /// <summary>Every page is A4 and every word lies inside the margins.</summary>
    public static void InsideMargins(PdfWords words)
    {
        Assert.All(words.Pages, size =>
        {
            Assert.Equal(PageWidth, size.Width, 0.5);
            Assert.Equal(PageHeight, size.Height, 0.5);
        });
        Assert.All(words.Words, w => Assert.True(
            w.Left >= MarginLeft - Slack && w.Right <= PageWidth - MarginRight + Slack
            && w.Top >= MarginTop - Slack && w.Bottom <= PageHeight - MarginBottom + Slack,
            $"'{w.Text}' on page {w.Page} at ({w.Left:0.#}, {w.Top:0.#})-({w.Right:0.#}, {w.Bottom:0.#}) is outside the margins"));
    }

    /// <summary>No two words' boxes on a page overlap by more than half a point either way.</summary>
    public static void NoOverlap(PdfWords words)
    {
        foreach (var page in words.Words.GroupBy(w => w.Page))
        {
            var list = page.OrderBy(w => w.Top).ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count && list[j].Top < list[i].Bottom; j++)
                {
                    var (a, b) = (list[i], list[j]);
                    var overlaps = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left) > Slack
                        && Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top) > Slack;
                    Assert.False(overlaps, $"'{a.Text}' and '{b.Text}' overlap on page {page.Key}");
                }
            }
        }
    }

    /// <summary>A table's header word (e.g. "Наименование") is on every page of the document.</summary>
    public static void OnEveryPage(PdfWords words, string word) =>
        Assert.All(Enumerable.Range(1, words.Pages.Count), page => Assert.Contains(words.OnPage(page), w => w.Text == word));
}
