using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Generation;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Documents.Templates;
using BotPlatform.Core.People;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Documents;

/// <summary>
/// /generate through the real host: what the deal's services need, rendered, numbered, barcoded and stored;
/// written once, run on both storage engines.
/// </summary>
public abstract class GenerationTests(StorageEngine storage) : IAsyncLifetime
{
    public sealed class LiteDb() : GenerationTests(StorageEngine.LiteDb);

    public sealed class Postgres() : GenerationTests(StorageEngine.Postgres);

    private BotHost _host = null!;
    private ApprovalPeople _p = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync(storage: storage);
        _p = await ApprovalPeople.JoinAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<Deal> TwoServiceDealAsync(string number = "СДЛ-2026-0001") =>
        await _host.DealAsync(number, await _host.ClientAsync(), _p.Olga, VatMode.OnTop, 20m,
            DocumentArrange.Line("smm", 1, 120_000m), DocumentArrange.Line("target", 2, 40_000m, "Таргетированная реклама ВКонтакте"));

    [Fact]
    public async Task A_deal_with_two_services_gets_a_contract_two_appendices_and_an_invoice_with_requisites_lines_and_totals()
    {
        await TwoServiceDealAsync();

        var answer = await _host.SaysAsync(_p.Olga, "/generate СДЛ-2026-0001", m => m.Text?.Contains("сформированы") == true);
        await _host.IdleAsync();

        Assert.Contains("📄 По сделке СДЛ-2026-0001 (ООО «Ромашка») сформированы документы:", answer.Text);
        Assert.Contains("• Договор оказания услуг Д-2026-0001 — без согласования — текст шаблона, сразу в печать", answer.Text);
        Assert.Contains("• Спецификация Д-2026-0001/П-1 — согласование: юрист → техдиректор → директор", answer.Text);
        Assert.Contains("• Техническое задание Д-2026-0001/П-2", answer.Text);
        Assert.Contains("• Счёт на оплату СЧ-2026-0001", answer.Text);
        Assert.NotNull(answer.Button("📤 Отправить все"));
        var contract = Text(_host.PdfIn(_p.Olga, "Д-2026-0001"));
        var spec = Text(_host.PdfIn(_p.Olga, "Д-2026-0001/П-1"));
        var assignment = Text(_host.PdfIn(_p.Olga, "Д-2026-0001/П-2"));
        var invoicePdf = _host.PdfIn(_p.Olga, "СЧ-2026-0001");
        var invoice = Text(invoicePdf);
        // Kept in the test output to be looked at (pdftoppm -png -r 80 invoice.pdf invoice).
        File.WriteAllBytes(Path.Combine(Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "documents")).FullName, "invoice.pdf"), invoicePdf.Document!.Content);
        foreach (var pdf in new[] { contract, spec, assignment, invoice }) Assert.Contains("ООО «Ромашка»", pdf);
        foreach (var pdf in new[] { contract, invoice })
        {
            Assert.Contains("ИНН 7707083893", pdf);
            Assert.Contains("КПП 773601001", pdf);
        }
        Assert.Contains("Д-2026-0001", contract);
        Assert.Contains("40702810701300000001", contract);
        Assert.Contains("Иванов И. И.", contract);
        Assert.Contains("Д-2026-0001/П-1", spec);
        Assert.Contains("SMM-сопровождение", spec);
        Assert.Contains("Таргетированная реклама ВКонтакте", spec);
        Assert.Contains("SMM-сопровождение", assignment);
        Assert.DoesNotContain("Таргетированная реклама ВКонтакте", assignment);
        Assert.Contains("СЧ-2026-0001", invoice);
        Assert.Contains("SMM-сопровождение", invoice);
        Assert.Contains("Таргетированная реклама ВКонтакте", invoice);
        Assert.Contains("200 000,00", invoice);
        Assert.Contains("40 000,00", invoice);
        Assert.Contains("240 000,00", invoice);
        Assert.Contains("Двести сорок тысяч рублей 00 копеек", invoice);
        Assert.Contains("Д-2026-0001", invoice);
        // The bank block as 1C prints it, and the chief accountant (not the director) on the «Бухгалтер» line.
        Assert.True(Ordered(invoice, "Банк получателя", "ПАО Сбербанк", "044525225", "30101810400000000225", "ИНН 7701234560", "КПП 770101001",
            "40702810938000000001", "Получатель", "ООО «Пример Агентство»", "Счёт на оплату № СЧ-2026-0001"), invoice);
        Assert.Contains("Руководитель", invoice);
        Assert.Contains("Бухгалтер", invoice);
        Assert.Contains("Смирнов А. В.", invoice);
        Assert.Contains("Белова О. С.", invoice);
        var stored = await _host.AllDocumentsAsync();
        Assert.Equal(4, stored.Count);
        Assert.All(stored, d => Assert.Equal(DocumentStatus.Draft, d.Status));
        var contractDoc = stored.Single(d => d.Kind == DocumentsDefinition.FrameworkContract);
        Assert.All(stored.Where(d => d.AppendixNo is not null), a => Assert.Equal(contractDoc.Id, a.ParentId));
        var dealCard = await _host.SaysAsync(_p.Olga, "/deal СДЛ-2026-0001", m => m.Text?.Contains("СЧ-2026-0001") == true);
        Assert.Contains("Спецификация Д-2026-0001/П-1 — черновик", dealCard.Text);
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task The_barcode_rasterised_from_each_pdf_decodes_to_the_documents_unique_code()
    {
        await TwoServiceDealAsync();

        await _host.SaysAsync(_p.Olga, "/generate СДЛ-2026-0001", m => m.Text?.Contains("сформированы") == true);

        var documents = await _host.AllDocumentsAsync();
        Assert.Equal(4, documents.Select(d => d.Code).Distinct().Count());
        foreach (var doc in documents)
        {
            var pdf = _host.PdfIn(_p.Olga, doc.Number).Document!.Content;
            Assert.Equal(doc.Code, PdfTools.DecodeBarcode(PdfTools.Rasterise(pdf)));
            Assert.Matches("^BP[0-9]{6}$", doc.Code);
        }
    }

    [Fact]
    public async Task After_a_template_update_new_documents_use_the_new_version_while_old_ones_keep_theirs()
    {
        var client = await _host.ClientAsync();
        await _host.DealAsync("СДЛ-2026-0001", client, _p.Olga, VatMode.None, 0, DocumentArrange.Line("design", 10, 3_500m));
        await _host.SaysAsync(_p.Olga, "/generate СДЛ-2026-0001", m => m.Text?.Contains("сформированы") == true);
        var library = _host.Get<TemplateLibrary>();
        var anna = (await _host.Get<IPeopleStore>().FindByUsernameAsync("admin_anna", default))!;
        var old = (await library.GetAsync(DocumentsDefinition.Invoice, default))!;
        var updated = await library.UploadAsync(DocumentsDefinition.Invoice,
            new TemplateFile(new Dictionary<string, string>(), old.Current.Markup + "\n\nСчёт выставлен по новой форме."), anna, default);
        Assert.True(updated.IsOk, updated.Problem?.ToString());
        await _host.DealAsync("СДЛ-2026-0002", client, _p.Olga, VatMode.None, 0, DocumentArrange.Line("design", 5, 3_500m));

        await _host.SaysAsync(_p.Olga, "/generate СДЛ-2026-0002", m => m.Text?.Contains("СДЛ-2026-0002") == true);
        await _host.IdleAsync();

        var first = await _host.DocAsync("СЧ-2026-0001");
        var second = await _host.DocAsync("СЧ-2026-0002");
        Assert.Equal(old.Current.Number, first.TemplateVersion);
        Assert.Equal(old.Current.Number + 1, second.TemplateVersion);
        Assert.DoesNotContain("по новой форме", Text(_host.PdfIn(_p.Olga, "СЧ-2026-0001")));
        Assert.Contains("по новой форме", Text(_host.PdfIn(_p.Olga, "СЧ-2026-0002")));
        var card = await _host.SaysAsync(_p.Olga, "/doc СЧ-2026-0001", m => m.Text?.StartsWith("📄") == true);
        Assert.Contains($"Шаблон: invoice, версия {old.Current.Number}", card.Text);
    }

    [Fact]
    public async Task Fifty_parallel_generations_get_fifty_distinct_consecutive_numbers()
    {
        var generator = _host.Get<GenerateDocuments>();
        var olga = (await _host.Get<IPeopleStore>().FindByUsernameAsync("emp_olga", default))!;
        for (var i = 1; i <= 50; i++)
        {
            var client = DocumentArrange.Romashka();
            client.LegalName = $"ООО «Клиент {i}»";
            client.Inn = $"77{i:00000000}";
            client.FrameworkContractNumber = $"Б-{i}";
            await _host.DealAsync($"СДЛ-2026-{i:0000}", await _host.ClientAsync(client), _p.Olga, VatMode.None, 0,
                DocumentArrange.Line("design", i, 1_000m));
        }

        var results = await Task.WhenAll(Enumerable.Range(1, 50)
            .Select(i => Task.Run(() => generator.GenerateAsync($"СДЛ-2026-{i:0000}", olga, default))));

        Assert.All(results, r => Assert.True(r.IsOk, r.Problem?.ToString()));
        var invoices = results.Select(r => r.Value!.Documents.Single(d => d.Kind == DocumentsDefinition.Invoice).Number).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 50).Select(i => $"СЧ-2026-{i:0000}"), invoices);
        var codes = results.SelectMany(r => r.Value!.Documents).Select(d => d.Code).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 100).Select(i => $"BP{i:000000}"), codes);
    }

    [Fact]
    public async Task A_client_with_a_paper_framework_contract_gets_appendices_to_it_and_no_new_contract()
    {
        var client = DocumentArrange.Romashka();
        client.FrameworkContractNumber = "РД-17/2024";
        client.FrameworkContractDate = new DateOnly(2024, 3, 1);
        await _host.DealAsync("СДЛ-2026-0001", await _host.ClientAsync(client), _p.Olga, VatMode.Included, 20m, DocumentArrange.Line("target", 1, 80_000m));

        var answer = await _host.SaysAsync(_p.Olga, "/generate СДЛ-2026-0001", m => m.Text?.Contains("сформированы") == true);
        await _host.IdleAsync();

        Assert.Contains("у клиента уже есть рамочный договор РД-17/2024", answer.Text);
        var documents = await _host.AllDocumentsAsync();
        Assert.DoesNotContain(documents, d => d.Kind == DocumentsDefinition.FrameworkContract);
        var spec = Assert.Single(documents, d => d.Kind == DocumentsDefinition.Specification);
        Assert.Equal("РД-17/2024/П-1", spec.Number);
        Assert.Contains("РД-17/2024", Text(_host.PdfIn(_p.Olga, "РД-17/2024/П-1")));
        var invoice = Text(_host.PdfIn(_p.Olga, "СЧ-2026-0001"));
        Assert.Contains("13 333,33", invoice);
        Assert.Contains("Восемьдесят тысяч рублей 00 копеек", invoice);
    }

    [Fact]
    public async Task Under_a_signed_framework_contract_in_the_registry_the_next_deal_gets_only_appendices()
    {
        var client = await _host.ClientAsync();
        await _host.DealAsync("СДЛ-2026-0001", client, _p.Olga, VatMode.None, 0, DocumentArrange.Line("design", 1, 3_500m));
        await _host.SaysAsync(_p.Olga, "/generate СДЛ-2026-0001", m => m.Text?.Contains("сформированы") == true);
        await _host.SaysAsync(_p.Olga, "/doc Д-2026-0001 submit", m => m.Text?.StartsWith("📤") == true);
        await _host.DealAsync("СДЛ-2026-0002", client, _p.Olga, VatMode.None, 0, DocumentArrange.Line("web", 1, 450_000m));

        var answer = await _host.SaysAsync(_p.Olga, "/generate СДЛ-2026-0002", m => m.Text?.Contains("СДЛ-2026-0002") == true);

        Assert.Contains("рамочный договор Д-2026-0001", answer.Text);
        Assert.Contains("Д-2026-0001/П-2", answer.Text);
        Assert.Contains("Д-2026-0001/П-3", answer.Text);
        Assert.DoesNotContain("Д-2026-0002", answer.Text);
        var card = await _host.SaysAsync(_p.Olga, "/doc Д-2026-0001", m => m.Text?.StartsWith("📄") == true);
        Assert.Contains("Приложения:", card.Text);
        Assert.Contains("Д-2026-0001/П-1 Спецификация — черновик", card.Text);
        Assert.Contains("Д-2026-0001/П-3 Техническое задание — черновик", card.Text);
    }

    /// <summary>Each text occurs after the previous one.</summary>
    private static bool Ordered(string text, params string[] parts)
    {
        var at = 0;
        foreach (var part in parts)
        {
            var found = text.IndexOf(part, at, StringComparison.Ordinal);
            if (found < 0) return false;
            at = found + part.Length;
        }
        return true;
    }

    private static string Text(BotPlatform.Testing.FakeMessage pdf) => PdfTools.ExtractFlatText(pdf.Document!.Content).Replace('\u00A0', ' ');
}
