using BotPlatform.Core.Documents;
using BotPlatform.Tests.Support;
using static BotPlatform.Tests.Support.PdfAssert;

namespace BotPlatform.Tests.Documents;

/// <summary>The page frame (header with the barcode, footer), fonts, text and determinism of rendered PDFs.</summary>
public sealed class PdfRendererTests
{
    [Fact]
    public void Extracted_text_holds_the_cyrillic_body_with_its_bold_and_italic_runs()
    {
        var pdf = Rendering.Render(SampleBodies.Contract(sections: 3));

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
        var pdf = Rendering.Render(new DocumentBody([new ParagraphBlock([new Run("Сумма прописью: "), new Run("сто двадцать тысяч рублей", Bold: true, Italic: true)])]));

        Assert.Contains("Сумма прописью: сто двадцать тысяч рублей", PdfTools.ExtractFlatText(pdf));
        Assert.Contains(FontNames(pdf), f => f.StartsWith("DejaVu Sans", StringComparison.Ordinal) && f.Contains("Oblique,BoldItal", StringComparison.Ordinal));
    }

    [Fact]
    public void Header_shows_organisation_title_and_number_on_every_page()
    {
        var pdf = Rendering.Render(SampleBodies.Contract());

        var pages = PdfTools.ExtractPages(pdf).Select(PdfTools.Flatten).ToList();

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
    public void Long_organisation_and_title_wrap_beside_the_barcode_and_push_the_body_down()
    {
        var request = new RenderRequest(
            "Общество с ограниченной ответственностью «Северный Ветер Диджитал Консалтинг и Интеграция»",
            "Дополнительное соглашение о порядке оказания услуг по технической поддержке информационной системы",
            "Д-2026-0042/ДС-3",
            "BP-2026-000042",
            SampleBodies.Contract(sections: 2));

        var pdf = Rendering.Renderer.Render(request);
        var words = PdfTools.Words(pdf);

        InsideMargins(words);
        NoOverlap(words);
        var text = PdfTools.ExtractFlatText(pdf);
        Assert.Contains("Диджитал Консалтинг и Интеграция»", text);
        Assert.Contains("информационной системы", text);
        Assert.Equal("BP-2026-000042", PdfTools.DecodeBarcode(pdf, page: 1, dpi: 200));
    }

    [Fact]
    public void Barcode_read_from_the_rasterised_first_page_is_the_documents_code()
    {
        var pdf = Rendering.Render(SampleBodies.Contract(sections: 2), code: "BP-2026-000042");

        Assert.Equal("BP-2026-000042", PdfTools.DecodeBarcode(pdf, page: 1, dpi: 200));
    }

    [Fact]
    public void Barcode_is_printed_on_the_last_page_too()
    {
        var pdf = Rendering.Render(SampleBodies.Contract(), code: "7X2026Q00017");

        Assert.Equal("7X2026Q00017", PdfTools.DecodeBarcode(pdf, page: PdfTools.PageCount(pdf), dpi: 200));
    }

    [Fact]
    public void Barcode_code_outside_printable_ascii_is_refused()
    {
        var request = Rendering.Request(new DocumentBody([]), code: "ДОК-1");

        Assert.Throws<ArgumentException>(() => Rendering.Renderer.Render(request));
    }

    [Fact]
    public void Footer_counts_pages_on_each_page()
    {
        var pdf = Rendering.Render(SampleBodies.Contract());

        var pages = PdfTools.ExtractPages(pdf);

        Assert.Equal(PdfTools.PageCount(pdf), pages.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"Страница {i + 1} из {pages.Count}", PdfTools.Flatten(pages[i]));
        }
    }

    [Fact]
    public void Footer_uses_the_requests_format()
    {
        var pdf = Rendering.Renderer.Render(Rendering.Request(new DocumentBody([new ParagraphBlock([new Run("Один лист.")])])) with { PageFooter = "Page {0} of {1}" });

        Assert.Contains("Page 1 of 1", PdfTools.ExtractText(pdf));
    }

    [Fact]
    public void Empty_body_gives_one_page_with_header_and_footer()
    {
        var pdf = Rendering.Render(new DocumentBody([]));

        Assert.Equal(1, PdfTools.PageCount(pdf));
        Assert.Contains("Страница 1 из 1", PdfTools.ExtractFlatText(pdf));
        Assert.Equal("BP-2026-000042", PdfTools.DecodeBarcode(pdf));
    }

    [Fact]
    public void Same_request_gives_the_same_pdf_also_when_rendered_in_parallel()
    {
        var request = Rendering.Request(SampleBodies.Invoice(lines: 60));
        var expected = PdfTools.WithoutRandomIds(Rendering.Renderer.Render(request));

        var parallel = Enumerable.Range(0, 8).AsParallel().Select(_ => PdfTools.WithoutRandomIds(Rendering.Renderer.Render(request))).ToList();

        Assert.All(parallel, pdf => Assert.Equal(expected, pdf));
    }

    /// <summary>The fonts without their subset tag ("ABCDEF+").</summary>
    private static string[] FontNames(byte[] pdf) => PdfTools.Fonts(pdf).Select(f => f[(f.IndexOf('+') + 1)..]).Distinct().ToArray();
}
