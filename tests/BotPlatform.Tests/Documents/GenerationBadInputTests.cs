using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Templates;
using BotPlatform.Infrastructure.Storage;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Documents;

/// <summary>/generate refuses what it cannot make with a clear answer, and stores nothing - no document, no file, no number.</summary>
public sealed class GenerationBadInputTests : IAsyncLifetime
{
    private BotHost _host = null!;
    private ApprovalPeople _p = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync();
        _p = await ApprovalPeople.JoinAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_client_with_incomplete_requisites_is_told_what_is_missing()
    {
        var client = DocumentArrange.Romashka();
        client.Kpp = null;
        client.Bank.Bik = "";
        client.Signatory = " ";
        await _host.DealAsync("СДЛ-2026-0001", await _host.ClientAsync(client), _p.Olga, VatMode.None, 0, DocumentArrange.Line("smm", 1, 120_000m));

        var answer = await _host.SaysAsync(_p.Olga, "/generate СДЛ-2026-0001");

        Assert.StartsWith("У клиента «ООО «Ромашка»» не хватает реквизитов: ", answer.Text);
        Assert.Contains("КПП", answer.Text);
        Assert.Contains("БИК", answer.Text);
        Assert.Contains("подпис", answer.Text);
        Assert.Empty(await _host.AllDocumentsAsync());
    }

    [Fact]
    public async Task A_deal_with_a_service_missing_from_the_catalogue_is_refused()
    {
        await _host.DealAsync("СДЛ-2026-0001", await _host.ClientAsync(), _p.Olga, VatMode.None, 0,
            DocumentArrange.Line("smm", 1, 120_000m), DocumentArrange.Line("seo", 1, 50_000m, "Продвижение в поиске"));

        var answer = await _host.SaysAsync(_p.Olga, "/generate СДЛ-2026-0001");

        Assert.Equal("В сделке СДЛ-2026-0001 услуга, которой нет в каталоге: seo. Есть: smm, target, web, design, support. "
            + "Исправьте сделку — документы не сформированы.", answer.Text);
        Assert.Empty(await _host.AllDocumentsAsync());
    }

    [Fact]
    public async Task An_unknown_deal_is_named_in_the_answer()
    {
        var answer = await _host.SaysAsync(_p.John, "/generate СДЛ-2026-0404");

        Assert.Equal("Deal СДЛ-2026-0404 is not found. Check the number: /deal", answer.Text);
    }

    [Fact]
    public async Task A_template_with_a_liquid_error_stores_nothing_and_the_admin_gets_the_line_and_the_message()
    {
        await _host.DealAsync("СДЛ-2026-0001", await _host.ClientAsync(), _p.Olga, VatMode.None, 0, DocumentArrange.Line("design", 1, 3_500m));
        // A broken version put straight into the store: an upload checks the Liquid and would refuse it.
        var store = _host.Get<ITemplateStore>();
        var invoice = (await store.GetAsync(DocumentsDefinition.Invoice, default))!;
        invoice.Versions.Add(new TemplateVersion
        {
            Number = invoice.Current.Number + 1, Markup = "# Счёт {{ document.number }}\n\n{% for line in lines %}\n| {{ line.no }} |\n",
            UploadedAt = _host.Time.GetUtcNow(),
        });
        Assert.True(await store.TryUpdateAsync(invoice, default));
        var filesBefore = await FilesAsync();

        var answer = await _host.SaysAsync(_p.Olga, "/generate СДЛ-2026-0001");
        var admin = await _host.Tg.WaitForBotMessageAsync(_p.Anna.PrivateChat, m => m.Text?.StartsWith("⚠️") == true);

        Assert.StartsWith($"Шаблон «invoice» (версия {invoice.Current.Number}) не заполнился: строка ", answer.Text);
        Assert.EndsWith("Документы не сформированы; администратор получил то же сообщение.", answer.Text);
        Assert.Equal("⚠️ " + answer.Text, admin.Text);
        Assert.Empty(await _host.AllDocumentsAsync());
        Assert.Equal(filesBefore, await FilesAsync());
        // No number was used up: the first document after the fix is still number one.
        invoice.Versions.RemoveAt(invoice.Versions.Count - 1);
        Assert.True(await store.TryUpdateAsync(invoice, default));
        var ok = await _host.SaysAsync(_p.Olga, "/generate СДЛ-2026-0001", m => m.Text?.Contains("сформированы") == true);
        Assert.Contains("Д-2026-0001 ", ok.Text);
        Assert.Contains("СЧ-2026-0001 ", ok.Text);
        Assert.Contains(await _host.AllDocumentsAsync(), d => d.Code == "BP000001");
    }

    private Task<int> FilesAsync() => Task.FromResult(_host.Get<LiteDbContext>().Database.FileStorage.FindAll().Count());
}
