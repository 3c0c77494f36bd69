using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Templates;
using BotPlatform.Core.Documents.Templates.Liquid;
using BotPlatform.Infrastructure.Documents.Pdf;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Documents.Templates;

/// <summary>Every shipped template fills and parses with the sample data, and reads as the document it claims to be.</summary>
public sealed class SampleTemplatesTests
{
    private static readonly string Folder = Path.Combine(TestFiles.RepoRoot(), "bot", "BotPlatform.Bot", "templates");

    private static IEnumerable<string> FileNames() => Directory.EnumerateFiles(Folder, "*.md").Select(f => Path.GetFileName(f)).Order();

    public static TheoryData<string> Files() => new(FileNames());

    private static SampleTemplate Sample(string file) => SampleTemplate.FromFile(file, File.ReadAllText(Path.Combine(Folder, file)));

    private static FilledTemplate Fill(SampleTemplate sample, DocumentsDefinition? documents = null)
    {
        var model = SampleTemplateModel.Create(documents ?? DocumentsDefinition.Default, sample.Kind, new DateOnly(2026, 11, 25));
        var result = new TemplateFiller().Fill(sample.Markup, model);
        Assert.True(result.IsOk, $"{sample.Code}: {result.Problem}");
        return result.Value!;
    }

    private static string Plain(IEnumerable<Run> runs) => string.Concat(runs.Select(r => r.Text));

    [Fact]
    public void The_sample_set_covers_every_kind_of_the_catalogue()
    {
        var samples = FileNames().Select(Sample).ToList();

        var kinds = DocumentsDefinition.Default.Kinds.Select(k => k.Kind).ToList();
        Assert.Equal(kinds.Order(), samples.Select(s => s.Kind).Distinct().Order());
        // Every kind has its own template under the kind's code; the report's act is the one variant of a kind.
        Assert.All(kinds, k => Assert.Contains(samples, s => s.Code == k && s.Kind == k));
        Assert.Equal([("report_act", "act")], samples.Where(s => s.Code != s.Kind).Select(s => (s.Code, s.Kind)));
        Assert.All(DocumentsDefinition.Default.Services, s => Assert.Contains(s.ContractTemplate, samples.Select(x => x.Code)));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_sample_fills_with_a_title_the_parties_and_signatures(string file)
    {
        var sample = Sample(file);

        var filled = Fill(sample);

        Assert.False(string.IsNullOrWhiteSpace(sample.Title));
        Assert.Single(filled.Body.Blocks.OfType<TitleBlock>());
        Assert.Single(filled.Body.Blocks.OfType<SignaturesBlock>());
        Assert.Contains("ООО «Ромашка»", filled.Text);
        Assert.Contains("ООО «Пример Агентство»", filled.Text);
        Assert.DoesNotContain("{{", filled.Text);
        Assert.DoesNotContain("{%", filled.Text);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_sample_fills_for_a_belarusian_client_without_vat_deal_or_contract(string file)
    {
        var sample = Sample(file);
        var model = SampleTemplateModel.Create(DocumentsDefinition.Default, sample.Kind, new DateOnly(2026, 11, 25));
        model = model with
        {
            Client = model.Client with { Inn = null, Kpp = null, Unp = "190123456", CorrespondentAccount = null },
            Deal = null,
            Contract = null,
            Totals = model.Totals with { Vat = "0,00", VatLabel = "Без НДС" },
        };

        var result = new TemplateFiller().Fill(sample.Markup, model);

        Assert.True(result.IsOk, $"{sample.Code}: {result.Problem}");
        Assert.DoesNotContain("ИНН 7707083893", result.Value!.Text, StringComparison.Ordinal);
        if (sample.Code is "framework_contract" or "invoice" or "act")
            Assert.Contains("УНП 190123456", result.Value.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_framework_contract_has_its_sections_and_requisites()
    {
        var filled = Fill(Sample("framework_contract.md"));

        var headings = filled.Body.Blocks.OfType<HeadingBlock>().Select(h => h.Number + " " + Plain(h.Runs)).ToList();
        Assert.Contains("1. Предмет договора", headings);
        Assert.Contains("2. Порядок оказания и приёмки услуг", headings);
        Assert.Contains("3. Стоимость услуг и порядок расчётов", headings);
        Assert.Contains(headings, h => h.EndsWith("Реквизиты и подписи сторон", StringComparison.Ordinal));
        Assert.True(filled.Body.Blocks.OfType<ClauseBlock>().Count() > 40, "a 4-5 page contract");
        var signatures = filled.Body.Blocks.OfType<SignaturesBlock>().Single();
        Assert.Contains(signatures.Right, line => Plain(line) == "ИНН 7707083893, КПП 770701001");
        Assert.Contains(signatures.Left, line => Plain(line) == "БИК 044525225");
        Assert.Contains(signatures.Right, line => Plain(line).Contains("Иванов И. И.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("specification.md")]
    [InlineData("invoice.md")]
    [InlineData("act.md")]
    [InlineData("supplementary_agreement.md")]
    public void Documents_with_line_items_list_every_line_and_the_totals(string file)
    {
        var filled = Fill(Sample(file));

        var items = filled.Body.Blocks.OfType<TableBlock>().Single(t => Plain(t.Header[0]) == "№");
        Assert.Equal(3, items.Rows.Count);
        Assert.Equal("Дизайн рекламных макетов", Plain(items.Rows[2][1]));
        Assert.Equal("35\u00A0000,00", Plain(items.Rows[2][5]));
        Assert.Contains("282\u00A0000,00", filled.Text);
    }

    [Fact]
    public void The_invoice_has_the_bank_block_vat_and_the_total_in_words()
    {
        var filled = Fill(Sample("invoice.md"));

        // The 1C grid: the bank with its БИК and correspondent account, then ИНН | КПП | the account, then the recipient.
        var bank = filled.Body.Blocks.OfType<TableBlock>().First();
        Assert.Equal("Банк получателя", Plain(bank.Header[0]));
        Assert.Equal(["ПАО Сбербанк", "", "БИК", "044525225"], bank.Rows[0].Select(Plain));
        Assert.Equal(["", "", "Сч. №", "30101810400000000225"], bank.Rows[1].Select(Plain));
        Assert.Equal(["ИНН 7701234560", "КПП 770101001", "Сч. №", "40702810938000000001"], bank.Rows[2].Select(Plain));
        Assert.Equal("Получатель", Plain(bank.Rows[3][0]));
        Assert.Equal("ООО «Пример Агентство»", Plain(bank.Rows[4][0]));
        Assert.Contains("НДС 20%: **47\u00A0000,00**", filled.Text);
        Assert.Contains("**Двести восемьдесят две тысячи рублей 00 копеек**", filled.Text);
    }

    [Fact]
    public void The_invoice_is_signed_by_the_director_and_the_chief_accountant_or_whoever_signs_for_them()
    {
        var own = Fill(Sample("invoice.md")).Body.Blocks.OfType<SignaturesBlock>().Single();
        var byProxy = Fill(Sample("invoice.md"), DocumentsDefinition.Default with
        {
            Accountant = new SellerAccountant("Белова Ольга Сергеевна", "Лебедева Анна Павловна", "доверенности № 12 от 09.01.2026"),
        }).Body.Blocks.OfType<SignaturesBlock>().Single();
        var soleTrader = Fill(Sample("invoice.md"), DocumentsDefinition.Default with { Accountant = null }).Body.Blocks.OfType<SignaturesBlock>().Single();

        Assert.Equal(["Руководитель", "_______________ / Смирнов А. В. /"], own.Left.Select(Plain));
        Assert.Equal(["Бухгалтер", "_______________ / Белова О. С. /"], own.Right.Select(Plain));
        Assert.Equal(["Бухгалтер", "_______________ / Лебедева А. П. /", "по доверенности № 12 от 09.01.2026"], byProxy.Right.Select(Plain));
        Assert.Equal(["Бухгалтер", "_______________ / Смирнов А. В. /"], soleTrader.Right.Select(Plain));
    }

    [Fact]
    public void The_envelope_list_lists_the_enclosures_and_counts_the_sheets()
    {
        var filled = Fill(Sample("envelope_list.md"));

        var table = filled.Body.Blocks.OfType<TableBlock>().Single(t => Plain(t.Header[0]) == "№");
        Assert.Equal(4, table.Rows.Count);
        Assert.Equal("Д-2026-0001/П-1", Plain(table.Rows[1][2]));
        Assert.Equal("8", Plain(table.Rows[3][4]));
        Assert.Contains("125009, г. Москва, ул. Тверская, д. 7, пом. 12", filled.Text);
    }

    [Fact]
    public void The_technical_assignment_makes_a_clause_of_every_line()
    {
        var filled = Fill(Sample("technical_assignment.md"));

        var clauses = filled.Body.Blocks.OfType<ClauseBlock>().Where(c => c.Number.StartsWith("2.", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, clauses.Count);
        Assert.True(clauses[0].Runs[0].Bold);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_sample_renders_to_a_pdf_with_the_parties_requisites(string file)
    {
        var sample = Sample(file);
        var filled = Fill(sample);

        var pdf = new PdfDocumentRenderer(TimeProvider.System).Render(new RenderRequest("ООО «Пример Агентство»", sample.Title, "ОБРАЗЕЦ", "SAMPLE", filled.Body));

        var text = PdfTools.ExtractFlatText(pdf);
        Assert.Contains("ООО «Ромашка»", text, StringComparison.Ordinal);
        Assert.Contains("Смирнов А. В.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_framework_contract_is_four_to_five_pages()
    {
        var sample = Sample("framework_contract.md");

        var pdf = new PdfDocumentRenderer(TimeProvider.System).Render(new RenderRequest("ООО «Пример Агентство»", sample.Title, "Д-2026-0001", "D20260001",
            Fill(sample).Body));

        Assert.InRange(PdfTools.PageCount(pdf), 4, 5);
        Assert.Contains("7707083893", PdfTools.ExtractFlatText(pdf), StringComparison.Ordinal);
    }
}
