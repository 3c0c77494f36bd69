using BotPlatform.Core.Documents;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Documents;

/// <summary>The client's card lists the client's deals and documents with their statuses.</summary>
public sealed class ClientOverviewTests : IAsyncLifetime
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
    public async Task A_client_without_deals_says_so()
    {
        await _host.ClientAsync();

        var card = await _host.SaysAsync(_p.Olga, "/client 7707083893");

        Assert.EndsWith("\n\nСделок пока нет.\n\nДокументов пока нет.", card.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_card_lists_deals_with_totals_and_the_state_of_their_documents_and_each_document_with_its_status()
    {
        var client = await _host.ClientAsync();
        await _host.DealAsync("СДЛ-2026-0001", client, _p.Olga, VatMode.OnTop, 20m,
            DocumentArrange.Line("smm", 1, 120_000m), DocumentArrange.Line("target", 2, 40_000m));
        await _host.DealAsync("СДЛ-2026-0002", client, _p.Olga, VatMode.None, 0m, DocumentArrange.Line("smm", 1, 50_000m));
        await _host.SaysAsync(_p.Olga, "/generate СДЛ-2026-0001", m => m.Text?.Contains("сформированы") == true);
        await _host.SaysAsync(_p.Olga, "/doc Д-2026-0001 submit", m => m.Text?.StartsWith("📤") == true);
        await _host.IdleAsync();
        var contract = await _host.DocAsync("Д-2026-0001");
        var contractStatus = DocumentTexts.StatusName(contract.Status).Ru;

        var card = await _host.SaysAsync(_p.Olga, "/client 7707083893");
        var englishCard = await _host.SaysAsync(_p.John, "/client 7707083893");
        var text = card.Text!.Replace('\u00A0', ' ');

        Assert.StartsWith("🏢 ООО «Ромашка»\nИНН: 7707083893", card.Text, StringComparison.Ordinal);
        Assert.Contains("\n\nСделки (2):\n• СДЛ-2026-0002 от 23.11.2026 · 50 000,00 ₽ · документы не сформированы\n"
            + "• СДЛ-2026-0001 от 23.11.2026 · 240 000,00 ₽ · документы: черновик — 3, " + contractStatus + " — 1\n\n", text, StringComparison.Ordinal);
        Assert.Contains("Документы (4):", text, StringComparison.Ordinal);
        Assert.NotEqual("черновик", contractStatus);
        Assert.Contains("• Договор оказания услуг Д-2026-0001 — " + contractStatus, text, StringComparison.Ordinal);
        Assert.Contains("• Спецификация Д-2026-0001/П-1 — черновик", text, StringComparison.Ordinal);
        Assert.Contains("• Счёт на оплату СЧ-2026-0001 — черновик", text, StringComparison.Ordinal);
        Assert.Contains("Deals (2):", englishCard.Text, StringComparison.Ordinal);
        Assert.Contains("Documents (4):", englishCard.Text, StringComparison.Ordinal);
    }
}
