using System.Text.RegularExpressions;
using BotPlatform.Core.Documents;
using BotPlatform.Infrastructure.Documents.Pdf;
using BotPlatform.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace BotPlatform.Tests.Documents;

public sealed partial class PdfRendererTests
{
    // A4 with the office's margins: 20 mm left, 15 mm right, 10 mm top and bottom.
    private const double PageWidth = 595.28;
    private const double PageHeight = 841.89;
    private const double MarginLeft = 56.69;
    private const double MarginRight = 42.52;
    private const double MarginTop = 28.35;
    private const double MarginBottom = 28.35;
    private const double Slack = 0.5;
    private const double BelowHeader = 75; // the header's rule with a one-line organisation and title
    private const double AboveFooter = PageHeight - 50;

    private readonly PdfDocumentRenderer renderer = new(new FakeTimeProvider(new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void Extracted_text_holds_the_cyrillic_body_with_its_bold_and_italic_runs()
    {
        var pdf = Render(SampleBodies.Contract(sections: 3));

        var text = PdfTools.ExtractFlatText(pdf);

        Assert.Contains("ДОГОВОР ВОЗМЕЗДНОГО ОКАЗАНИЯ УСЛУГ № Д-2026-0042", text);
        Assert.Contains("АО «Уральская Металлообрабатывающая Компания», именуемое в дальнейшем «Заказчик», в лице генерального директора", text);
        Assert.Contains("совместно именуемые «Стороны», заключили настоящий Договор о нижеследующем:", text);
        Assert.Contains("2. ПРАВА И ОБЯЗАННОСТИ СТОРОН", text);
        Assert.Contains("3.5.1. Сторона, нарушившая обязательство, возмещает", text);
        Assert.Equivalent(
            new[] { "DejaVu Sans", "DejaVu Sans,Bold", "DejaVu Sans Oblique,Italic" },
            FontNames(pdf));
    }

    [Fact]
    public void Bold_italic_run_uses_the_bold_oblique_face()
    {
        var pdf = Render(new DocumentBody([new ParagraphBlock([new Run("Сумма прописью: "), new Run("сто двадцать тысяч рублей", Bold: true, Italic: true)])]));

        Assert.Contains("Сумма прописью: сто двадцать тысяч рублей", PdfTools.ExtractFlatText(pdf));
        Assert.Contains(FontNames(pdf), f => f.StartsWith("DejaVu Sans", StringComparison.Ordinal) && f.Contains("Oblique,BoldItal", StringComparison.Ordinal));
    }

    [Fact]
    public void Header_shows_organisation_title_and_number_on_every_page()
    {
        var pdf = Render(SampleBodies.Contract());

        var pages = PdfTools.ExtractPages(pdf).Select(Flat).ToList();

        Assert.True(pages.Count >= 3, $"{pages.Count} pages");
        Assert.All(pages, page =>
        {
            Assert.Contains(SampleBodies.Organisation, page);
            Assert.Contains("Договор возмездного оказания услуг", page);
            Assert.Contains("№ Д-2026-0042", page);
            Assert.Contains("BP-2026-000042", page);
        });
    }

    [Fact]
    public void Barcode_read_from_the_rasterised_first_page_is_the_documents_code()
    {
        var pdf = Render(SampleBodies.Contract(sections: 2), code: "BP-2026-000042");

        Assert.Equal("BP-2026-000042", PdfTools.DecodeBarcode(pdf, page: 1, dpi: 200));
    }

    [Fact]
    public void Barcode_is_printed_on_the_last_page_too()
    {
        var pdf = Render(SampleBodies.Contract(), code: "7X2026Q00017");

        Assert.Equal("7X2026Q00017", PdfTools.DecodeBarcode(pdf, page: PdfTools.PageCount(pdf), dpi: 200));
    }

    [Fact]
    public void Footer_counts_pages_on_each_page()
    {
        var pdf = Render(SampleBodies.Contract());

        var pages = PdfTools.ExtractPages(pdf);

        Assert.Equal(PdfTools.PageCount(pdf), pages.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"Страница {i + 1} из {pages.Count}", Flat(pages[i]));
        }
    }

    [Fact]
    public void Footer_uses_the_requests_format()
    {
        var pdf = renderer.Render(Request(new DocumentBody([new ParagraphBlock([new Run("Один лист.")])])) with { PageFooter = "Page {0} of {1}" });

        Assert.Contains("Page 1 of 1", PdfTools.ExtractText(pdf));
    }

    [Fact]
    public void Forty_row_table_spans_pages_with_the_header_row_on_each()
    {
        var pdf = Render(SampleBodies.Invoice(lines: 40));

        var words = PdfTools.Words(pdf);

        Assert.True(words.Pages.Count >= 2, $"{words.Pages.Count} pages");
        for (var page = 1; page <= words.Pages.Count; page++)
        {
            var texts = words.OnPage(page).Select(w => w.Text).ToList();
            Assert.Contains("Наименование", texts);
            Assert.Contains("Цена,", texts);
        }

        var text = PdfTools.ExtractFlatText(pdf);
        Assert.All(Enumerable.Range(1, 40), i => Assert.Contains($", этап {i} ", text));
    }

    [Fact]
    public void Two_hundred_row_table_keeps_every_row_and_repeats_the_header()
    {
        var pdf = Render(SampleBodies.Invoice(lines: 200));

        var words = PdfTools.Words(pdf);

        Assert.True(words.Pages.Count >= 6, $"{words.Pages.Count} pages");
        Assert.All(Enumerable.Range(1, words.Pages.Count), page => Assert.Contains(words.OnPage(page), w => w.Text == "Наименование"));
        var stages = Regex.Matches(PdfTools.ExtractFlatText(pdf), @"этап (\d+)").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(Enumerable.Range(1, 200), stages);
        AssertInsideMargins(words);
    }

    [Fact]
    public void No_word_of_a_long_contract_falls_outside_the_margins_or_overlaps_another()
    {
        var words = PdfTools.Words(Render(SampleBodies.Contract()));

        AssertInsideMargins(words);
        AssertNoOverlap(words);
    }

    [Fact]
    public void No_word_of_the_forty_row_invoice_falls_outside_the_margins_or_overlaps_another()
    {
        var words = PdfTools.Words(Render(SampleBodies.Invoice(lines: 40)));

        AssertInsideMargins(words);
        AssertNoOverlap(words);
    }

    [Fact]
    public void Page_break_starts_a_new_page()
    {
        var pdf = Render(new DocumentBody(
        [
            new ParagraphBlock([new Run("Приложение № 1 к Договору.")]),
            new PageBreakBlock(),
            new ParagraphBlock([new Run("Приложение № 2 к Договору.")]),
        ]));

        var pages = PdfTools.ExtractPages(pdf).Select(Flat).ToList();

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

        var words = PdfTools.Words(Render(body));

        AssertInsideMargins(words);
        var texts = words.Words.Select(w => w.Text).ToList();
        var start = texts.IndexOf("Начало:") + 1;
        var end = texts.FindIndex(t => t.EndsWith("КОНЕЦ", StringComparison.Ordinal));
        Assert.Equal(word, string.Concat(texts[start..(end + 1)]));
        Assert.True(end - start >= 2, "the word should take several lines");
        Assert.Contains("40702810916540012345407028109165400123454070281091654001234540702810916540012345", string.Concat(texts));
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

        var words = PdfTools.Words(Render(body));

        Assert.True(words.Pages.Count >= 2, $"{words.Pages.Count} pages");
        AssertInsideMargins(words);
        Assert.Equal(Enumerable.Range(1, 1500).Select(i => $"слово{i}"), InReadingOrder(words).Select(w => w.Text).Where(t => t.StartsWith("слово", StringComparison.Ordinal)));
        Assert.All(Enumerable.Range(1, words.Pages.Count), page => Assert.Contains(words.OnPage(page), w => w.Text == "Описание"));
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

            var words = PdfTools.Words(Render(new DocumentBody(blocks)));

            var first = words.Words.Single(w => w.Text == "Заказчик:");
            var last = words.Words.Single(w => w.Text == "Кузнецов");
            Assert.Equal(first.Page, last.Page);
        }
    }

    [Fact]
    public void Paragraph_flows_onto_the_next_page()
    {
        var text = string.Join(' ', Enumerable.Range(1, 1200).Select(i => $"слово{i}"));

        var words = PdfTools.Words(Render(new DocumentBody([new ParagraphBlock([new Run(text)])])));

        Assert.True(words.Pages.Count >= 2, $"{words.Pages.Count} pages");
        Assert.Equal(text.Split(' '), InReadingOrder(words).Select(w => w.Text).Where(t => t.StartsWith("слово", StringComparison.Ordinal)));
        AssertInsideMargins(words);
    }

    [Fact]
    public void Clause_number_hangs_left_of_its_text_and_continuation_lines_align_with_the_text()
    {
        var text = "Исполнитель обязуется по заданию Заказчика оказать услуги по разработке и сопровождению программного обеспечения, а Заказчик обязуется принять и оплатить оказанные услуги в порядке и на условиях, предусмотренных настоящим Договором.";
        var pdf = Render(new DocumentBody(
        [
            new ClauseBlock("4.2.", 1, [new Run("Первый " + text)]),
            new ClauseBlock("4.2.1.", 2, [new Run("Второй " + text)]),
        ]));

        var words = InReadingOrder(PdfTools.Words(pdf)).Where(InBody).ToList();

        var number = words.Single(w => w.Text == "4.2.");
        var first = words.Single(w => w.Text == "Первый");
        var subNumber = words.Single(w => w.Text == "4.2.1.");
        var second = words.Single(w => w.Text == "Второй");
        Assert.Equal(MarginLeft, number.Left, 1.0);
        Assert.True(first.Left > number.Right, "the clause's text starts right of its number");
        Assert.True(subNumber.Left > number.Left + 10, "a level 2 clause is indented");
        Assert.True(second.Left > first.Left, "a level 2 clause's text is further in");
        var firstLines = Lines(words.Where(w => w.Bottom > first.Top && w.Top < subNumber.Top));
        var secondLines = Lines(words.Where(w => w.Top >= subNumber.Top));
        Assert.True(firstLines.Count >= 3 && secondLines.Count >= 3);
        Assert.All(firstLines.Skip(1), line => Assert.Equal(first.Left, line[0].Left, 0.5));
        Assert.All(secondLines.Skip(1), line => Assert.Equal(second.Left, line[0].Left, 0.5));
        Assert.All(firstLines.SkipLast(1).Concat(secondLines.SkipLast(1)), line => Assert.Equal(PageWidth - MarginRight, line[^1].Right, 0.5));
    }

    [Fact]
    public void Right_aligned_and_centred_paragraphs_sit_where_they_should()
    {
        var pdf = Render(new DocumentBody(
        [
            new TitleBlock([new Run("АКТ СДАЧИ-ПРИЁМКИ ОКАЗАННЫХ УСЛУГ")]),
            new ParagraphBlock([new Run("г. Екатеринбург, 12 марта 2026 г.")], Align.Right),
            new ParagraphBlock([new Run("к Договору № Д-2026-0042")], Align.Center),
        ]));

        var lines = Lines(PdfTools.Words(pdf).Words.Where(InBody));

        var middle = MarginLeft + (PageWidth - MarginLeft - MarginRight) / 2;
        Assert.Equal(middle, (lines[0][0].Left + lines[0][^1].Right) / 2, 1.0);
        Assert.Equal(PageWidth - MarginRight, lines[1][^1].Right, 0.5);
        Assert.Equal(middle, (lines[2][0].Left + lines[2][^1].Right) / 2, 1.0);
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

            var words = PdfTools.Words(Render(body)).Words;

            Assert.Equal(words.Single(w => w.Text == "ОТВЕТСТВЕННОСТЬ").Page, words.Single(w => w.Text == "Следующий").Page);
        }
    }

    [Fact]
    public void Barcode_code_outside_printable_ascii_is_refused()
    {
        var request = Request(new DocumentBody([]), code: "ДОК-1");

        Assert.Throws<ArgumentException>(() => renderer.Render(request));
    }

    [Fact]
    public void Same_request_gives_the_same_pdf_also_when_rendered_in_parallel()
    {
        var request = Request(SampleBodies.Invoice(lines: 60));
        var expected = WithoutRandomIds(renderer.Render(request));

        var parallel = Enumerable.Range(0, 8).AsParallel().Select(_ => WithoutRandomIds(renderer.Render(request))).ToList();

        Assert.All(parallel, pdf => Assert.Equal(expected, pdf));
    }

    private byte[] Render(DocumentBody body, string code = "BP-2026-000042") => renderer.Render(Request(body, code));

    private static RenderRequest Request(DocumentBody body, string code = "BP-2026-000042") =>
        new(SampleBodies.Organisation, "Договор возмездного оказания услуг", "Д-2026-0042", code, body);

    /// <summary>The fonts without their subset tag ("ABCDEF+").</summary>
    private static string[] FontNames(byte[] pdf) => PdfTools.Fonts(pdf).Select(f => f[(f.IndexOf('+') + 1)..]).Distinct().ToArray();

    private static string Flat(string text) => PdfTools.Flatten(text);

    private static bool InBody(PdfWord word) => word.Top > BelowHeader && word.Bottom < AboveFooter;

    /// <summary>Words grouped into lines (same page, bottoms within 2pt), top to bottom, each left to right.</summary>
    private static List<List<PdfWord>> Lines(IEnumerable<PdfWord> words)
    {
        var lines = new List<List<PdfWord>>();
        foreach (var word in words.OrderBy(w => w.Page).ThenBy(w => w.Bottom))
        {
            if (lines.Count > 0 && lines[^1][0].Page == word.Page && word.Bottom - lines[^1][0].Bottom < 2)
            {
                lines[^1].Add(word);
            }
            else
            {
                lines.Add([word]);
            }
        }

        return lines.Select(l => l.OrderBy(w => w.Left).ToList()).ToList();
    }

    /// <summary>pdftotext orders words by its own guess of columns; widely justified lines fool it.</summary>
    private static IEnumerable<PdfWord> InReadingOrder(PdfWords words) => Lines(words.Words).SelectMany(line => line);

    /// <summary>
    /// PDFsharp names font subsets and the document with fresh random ids (a Guid each time); everything else
    /// must come out byte for byte the same.
    /// </summary>
    private static string WithoutRandomIds(byte[] pdf)
    {
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        text = SubsetTag().Replace(text, "/XXXXXX+");
        text = DocumentId().Replace(text, "/ID[]");
        return Uuid().Replace(text, "uuid:");
    }

    private static void AssertInsideMargins(PdfWords words)
    {
        Assert.All(words.Words, w =>
        {
            var size = words.Pages[w.Page - 1];
            Assert.Equal(PageWidth, size.Width, 0.5);
            Assert.Equal(PageHeight, size.Height, 0.5);
            Assert.True(
                w.Left >= MarginLeft - Slack && w.Right <= PageWidth - MarginRight + Slack
                && w.Top >= MarginTop - Slack && w.Bottom <= PageHeight - MarginBottom + Slack,
                $"'{w.Text}' on page {w.Page} at ({w.Left:0.#}, {w.Top:0.#})-({w.Right:0.#}, {w.Bottom:0.#}) is outside the margins");
        });
    }

    private static void AssertNoOverlap(PdfWords words)
    {
        foreach (var page in words.Words.GroupBy(w => w.Page))
        {
            var list = page.OrderBy(w => w.Top).ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count && list[j].Top < list[i].Bottom; j++)
                {
                    var a = list[i];
                    var b = list[j];
                    var overlaps = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left) > Slack
                        && Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top) > Slack;
                    Assert.False(overlaps, $"'{a.Text}' and '{b.Text}' overlap on page {page.Key}");
                }
            }
        }
    }

    [GeneratedRegex(@"/[A-Z]{6}\+")]
    private static partial Regex SubsetTag();

    [GeneratedRegex(@"/ID\s*\[<[0-9A-F]+>\s*<[0-9A-F]+>\]")]
    private static partial Regex DocumentId();

    [GeneratedRegex(@"uuid:[0-9a-f-]{36}")]
    private static partial Regex Uuid();
}
