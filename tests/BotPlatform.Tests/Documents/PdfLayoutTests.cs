using BotPlatform.Core.Documents;
using BotPlatform.Tests.Support;
using static BotPlatform.Tests.Support.PdfAssert;

namespace BotPlatform.Tests.Documents;

/// <summary>How the body flows: wrapping, indents, alignment, page breaks and what is kept together.</summary>
public sealed class PdfLayoutTests
{
    [Fact]
    public void No_word_of_a_long_contract_falls_outside_the_margins_or_overlaps_another()
    {
        var words = PdfTools.Words(Rendering.Render(SampleBodies.Contract()));

        InsideMargins(words);
        NoOverlap(words);
    }

    [Fact]
    public void Page_break_starts_a_new_page()
    {
        var pdf = Rendering.Render(new DocumentBody(
        [
            new ParagraphBlock([new Run("Приложение № 1 к Договору.")]),
            new PageBreakBlock(),
            new ParagraphBlock([new Run("Приложение № 2 к Договору.")]),
        ]));

        var pages = PdfTools.ExtractPages(pdf).Select(PdfTools.Flatten).ToList();

        Assert.Equal(2, pages.Count);
        Assert.Contains("Приложение № 1", pages[0]);
        Assert.DoesNotContain("Приложение № 2", pages[0]);
        Assert.Contains("Приложение № 2", pages[1]);
    }

    [Fact]
    public void Long_unbreakable_word_is_cut_into_lines_that_stay_inside_the_margins()
    {
        var word = string.Concat(Enumerable.Repeat("Электроэнергетический", 20)) + "КОНЕЦ";
        var body = new DocumentBody(
        [
            new ParagraphBlock([new Run("Начало: "), new Run(word, Bold: true), new Run(" и хвост.")]),
            new TableBlock(
                [new TableColumn(1, Align.Left), new TableColumn(1, Align.Right)],
                [[new Run("Счёт")], [new Run("Сумма")]],
                [[[new Run("40702810916540012345407028109165400123454070281091654001234540702810916540012345")], [new Run("1 000,00")]]]),
        ]);

        var words = PdfTools.Words(Rendering.Render(body));

        InsideMargins(words);
        NoOverlap(words);
        var texts = words.Words.Select(w => w.Text).ToList();
        var start = texts.IndexOf("Начало:") + 1;
        var end = texts.FindIndex(t => t.EndsWith("КОНЕЦ", StringComparison.Ordinal));
        Assert.Equal(word, string.Concat(texts[start..(end + 1)]));
        Assert.True(end - start >= 2, "the word should take several lines");
        Assert.Contains("40702810916540012345407028109165400123454070281091654001234540702810916540012345", string.Concat(texts));
    }

    [Fact]
    public void Signatures_block_is_never_split_between_pages()
    {
        for (var fillers = 0; fillers < 60; fillers += 3)
        {
            var blocks = Enumerable.Range(0, fillers)
                .Select(i => (Block)new ParagraphBlock([new Run($"Абзац {i}: настоящий Договор составлен в двух экземплярах, имеющих равную юридическую силу, по одному для каждой из Сторон.")]))
                .Append(SampleBodies.Signatures())
                .ToList();

            var words = PdfTools.Words(Rendering.Render(new DocumentBody(blocks)));

            var first = words.Words.Single(w => w.Text == "Заказчик:");
            var last = words.Words.Single(w => w.Text == "Кузнецов");
            Assert.Equal(first.Page, last.Page);
        }
    }

    [Fact]
    public void Signature_lines_of_both_parties_face_each_other_even_when_requisites_wrap_differently()
    {
        var words = PdfTools.Words(Rendering.Render(new DocumentBody([SampleBodies.Signatures()]))).Words;

        Assert.Equal(words.Single(w => w.Text == "Генеральный").Bottom, words.Single(w => w.Text == "Директор").Bottom, 0.1);
        Assert.Equal(words.Single(w => w.Text == "Кузнецов").Bottom, words.Single(w => w.Text == "Морозова").Bottom, 0.1);
        Assert.True(words.Single(w => w.Text == "Исполнитель:").Left > PageWidth / 2 - 20, "the second party is in the right column");
    }

    [Fact]
    public void Paragraph_flows_onto_the_next_page()
    {
        var text = string.Join(' ', Enumerable.Range(1, 1200).Select(i => $"слово{i}"));

        var words = PdfTools.Words(Rendering.Render(new DocumentBody([new ParagraphBlock([new Run(text)])])));

        Assert.True(words.Pages.Count >= 2, $"{words.Pages.Count} pages");
        Assert.Equal(text.Split(' '), words.InReadingOrder().Select(w => w.Text).Where(t => t.StartsWith("слово", StringComparison.Ordinal)));
        InsideMargins(words);
    }

    [Fact]
    public void Clause_number_hangs_left_of_its_text_and_continuation_lines_align_with_the_text()
    {
        var text = "Исполнитель обязуется по заданию Заказчика оказать услуги по разработке и сопровождению программного обеспечения, а Заказчик обязуется принять и оплатить оказанные услуги в порядке и на условиях, предусмотренных настоящим Договором.";
        var pdf = Rendering.Render(new DocumentBody(
        [
            new ClauseBlock("4.2.", 1, [new Run("Первый " + text)]),
            new ClauseBlock("4.2.1.", 2, [new Run("Второй " + text)]),
        ]));

        var words = PdfTools.Words(pdf).InReadingOrder().Where(InBody).ToList();

        var number = words.Single(w => w.Text == "4.2.");
        var first = words.Single(w => w.Text == "Первый");
        var subNumber = words.Single(w => w.Text == "4.2.1.");
        var second = words.Single(w => w.Text == "Второй");
        Assert.Equal(MarginLeft, number.Left, 1.0);
        Assert.True(first.Left > number.Right, "the clause's text starts right of its number");
        Assert.True(subNumber.Left > number.Left + 10, "a level 2 clause is indented");
        Assert.True(second.Left > first.Left, "a level 2 clause's text is further in");
        var firstLines = PdfWords.Lines(words.Where(w => w.Bottom > first.Top && w.Top < subNumber.Top));
        var secondLines = PdfWords.Lines(words.Where(w => w.Top >= subNumber.Top));
        Assert.True(firstLines.Count >= 3 && secondLines.Count >= 3);
        Assert.All(firstLines.Skip(1), line => Assert.Equal(first.Left, line[0].Left, 0.5));
        Assert.All(secondLines.Skip(1), line => Assert.Equal(second.Left, line[0].Left, 0.5));
        Assert.All(firstLines.SkipLast(1).Concat(secondLines.SkipLast(1)), line => Assert.Equal(PageWidth - MarginRight, line[^1].Right, 0.5));
    }

    [Fact]
    public void Right_aligned_and_centred_paragraphs_sit_where_they_should()
    {
        var pdf = Rendering.Render(new DocumentBody(
        [
            new TitleBlock([new Run("АКТ СДАЧИ-ПРИЁМКИ ОКАЗАННЫХ УСЛУГ")]),
            new ParagraphBlock([new Run("г. Екатеринбург, 12 марта 2026 г.")], Align.Right),
            new ParagraphBlock([new Run("к Договору № Д-2026-0042")], Align.Center),
        ]));

        var lines = PdfWords.Lines(PdfTools.Words(pdf).Words.Where(InBody));

        var middle = MarginLeft + (PageWidth - MarginLeft - MarginRight) / 2;
        Assert.Equal(middle, (lines[0][0].Left + lines[0][^1].Right) / 2, 1.0);
        Assert.Equal(PageWidth - MarginRight, lines[1][^1].Right, 0.5);
        Assert.Equal(middle, (lines[2][0].Left + lines[2][^1].Right) / 2, 1.0);
    }

    [Fact]
    public void Paragraph_never_leaves_a_single_line_alone_at_the_foot_or_head_of_a_page()
    {
        // As above, the lead paragraph has one line per word; the paragraph under test walks down the page.
        var wide = new string('ш', 50);
        var paragraph = string.Join(' ', Enumerable.Range(1, 50).Select(i => $"пункт{i}"));
        for (var lines = 45; lines < 65; lines++)
        {
            var body = new DocumentBody(
            [
                new ParagraphBlock([new Run(string.Join(' ', Enumerable.Repeat(wide, lines)))], Align.Left),
                new ParagraphBlock([new Run(paragraph)]),
            ]);

            var words = PdfTools.Words(Rendering.Render(body)).Words.Where(w => w.Text.StartsWith("пункт", StringComparison.Ordinal));

            var linesPerPage = PdfWords.Lines(words).GroupBy(line => line[0].Page).Select(page => page.Count()).ToList();
            Assert.True(linesPerPage.Sum() >= 4, "the paragraph should have at least four lines");
            Assert.All(linesPerPage, count => Assert.True(count >= 2, $"{lines} lead lines: {string.Join(" + ", linesPerPage)} lines per page"));
        }
    }

    [Fact]
    public void Heading_is_never_left_alone_at_the_bottom_of_a_page()
    {
        // Each word is wider than half a line, so the paragraph has exactly one line per word and the heading
        // walks down the page one line at a time.
        var wide = new string('ш', 50);
        for (var lines = 40; lines < 70; lines++)
        {
            var body = new DocumentBody(
            [
                new ParagraphBlock([new Run(string.Join(' ', Enumerable.Repeat(wide, lines)))], Align.Left),
                new HeadingBlock("5.", [new Run("ОТВЕТСТВЕННОСТЬ СТОРОН")]),
                new ParagraphBlock([new Run("Следующий абзац раздела.")]),
            ]);

            var words = PdfTools.Words(Rendering.Render(body)).Words;

            Assert.Equal(words.Single(w => w.Text == "ОТВЕТСТВЕННОСТЬ").Page, words.Single(w => w.Text == "Следующий").Page);
        }
    }
}
