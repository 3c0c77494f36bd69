using System.Text.RegularExpressions;
using BotPlatform.Core.Documents;
using BotPlatform.Tests.Support;
using static BotPlatform.Tests.Support.PdfAssert;

namespace BotPlatform.Tests.Documents;

/// <summary>Tables across pages: the header row repeated, every row kept, rows taller than a page split.</summary>
public sealed class PdfTableTests
{
    [Fact]
    public void Forty_row_table_spans_pages_with_the_header_row_on_each()
    {
        var pdf = Rendering.Render(SampleBodies.Invoice(lines: 40));

        var words = PdfTools.Words(pdf);

        Assert.True(words.Pages.Count >= 2, $"{words.Pages.Count} pages");
        OnEveryPage(words, "Наименование");
        OnEveryPage(words, "Цена,");
        Assert.All(Enumerable.Range(2, words.Pages.Count - 1), page =>
        {
            var firstLine = PdfWords.Lines(words.OnPage(page).Where(InBody)).First();
            Assert.Equal(["№", "Наименование", "услуги", "Кол-во", "Ед.", "Цена,", "руб.", "Сумма,", "руб."], firstLine.Select(w => w.Text));
        });

        var text = PdfTools.ExtractFlatText(pdf);
        Assert.All(Enumerable.Range(1, 40), i => Assert.Contains($", этап {i} ", text));
    }

    [Fact]
    public void No_word_of_the_forty_row_invoice_falls_outside_the_margins_or_overlaps_another()
    {
        var words = PdfTools.Words(Rendering.Render(SampleBodies.Invoice(lines: 40)));

        InsideMargins(words);
        NoOverlap(words);
    }

    [Fact]
    public void Two_hundred_row_table_keeps_every_row_and_repeats_the_header()
    {
        var pdf = Rendering.Render(SampleBodies.Invoice(lines: 200));

        var words = PdfTools.Words(pdf);

        Assert.True(words.Pages.Count >= 6, $"{words.Pages.Count} pages");
        OnEveryPage(words, "Наименование");
        var stages = Regex.Matches(PdfTools.ExtractFlatText(pdf), @"этап (\d+)").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(Enumerable.Range(1, 200), stages);
        InsideMargins(words);
    }

    [Fact]
    public void Table_row_taller_than_a_page_is_split_across_pages()
    {
        var long_ = string.Join(' ', Enumerable.Range(1, 1500).Select(i => $"слово{i}"));
        var body = new DocumentBody(
        [
            new TableBlock(
                [new TableColumn(3, Align.Justify), new TableColumn(1, Align.Right)],
                [[new Run("Описание работ")], [new Run("Срок")]],
                [[[new Run(long_)], [new Run("30 дней")]]]),
        ]);

        var words = PdfTools.Words(Rendering.Render(body));

        Assert.True(words.Pages.Count >= 2, $"{words.Pages.Count} pages");
        InsideMargins(words);
        NoOverlap(words);
        Assert.Equal(Enumerable.Range(1, 1500).Select(i => $"слово{i}"), words.InReadingOrder().Select(w => w.Text).Where(t => t.StartsWith("слово", StringComparison.Ordinal)));
        OnEveryPage(words, "Описание");
    }
}
