using BotPlatform.Core.Documents;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Documents;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Menus;

/// <summary>/request, /doc and /docs sent alone ask with buttons instead of syntax.</summary>
public sealed class CommandsWithoutArgumentsTests : IAsyncLifetime
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
    public async Task Request_alone_offers_my_latest_requests_and_a_button_opens_one()
    {
        await _host.FilePaymentAsync(_p.Olga, "ООО Ромашка", 150_000m);
        await _host.FilePaymentAsync(_p.Olga, "ИП Лютиков", 20_000m);

        var offer = await _host.SaysAsync(_p.Olga, "/request");
        var card = await _host.PressesForNextAsync(_p.Olga, offer, offer.Buttons.First(b => b.Text.StartsWith("ЗО-2026-0001", StringComparison.Ordinal)).Text);

        Assert.StartsWith("Ваши последние заявки:", offer.Text, StringComparison.Ordinal);
        Assert.Equal(2, offer.Buttons.Count());
        Assert.StartsWith("ЗО-2026-0002 · ИП Лютиков", offer.Buttons.First().Text, StringComparison.Ordinal);
        Assert.Contains("ЗО-2026-0001", card.Text, StringComparison.Ordinal);
        Assert.Contains("ООО Ромашка", card.Text, StringComparison.Ordinal);
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task A_request_button_pressed_by_someone_who_may_not_see_it_is_refused()
    {
        await _host.FilePaymentAsync(_p.Olga);
        var offer = await _host.SaysAsync(_p.Olga, "/request");

        var forged = _host.Tg.PressCallbackData(_p.John, offer, offer.Buttons.First().CallbackData!);
        await _host.Tg.WaitForCallbackAnswerAsync(forged);
        var answer = await _host.Tg.WaitForBotMessageAsync(_p.John.PrivateChat);

        Assert.DoesNotContain("ООО Ромашка", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docs_alone_offers_statuses_kinds_and_recent_clients_and_doc_alone_my_latest_documents()
    {
        var client = await _host.ClientAsync();
        await _host.DealAsync("СДЛ-2026-0001", client, _p.Olga, VatMode.OnTop, 20m, DocumentArrange.Line("smm", 1, 120_000m));
        await _host.SaysAsync(_p.Olga, "/generate СДЛ-2026-0001", m => m.Text?.Contains("сформированы") == true);
        await _host.IdleAsync();

        var filters = await _host.SaysAsync(_p.Olga, "/docs");
        var drafts = await _host.PressesForNextAsync(_p.Olga, filters, "черновик");
        var ofClient = await _host.PressesForNextAsync(_p.Olga, filters, "🏢 ООО «Ромашка»");
        var invoices = await _host.PressesForNextAsync(_p.Olga, filters, "📄 Счёт на оплату");
        var latest = await _host.SaysAsync(_p.Olga, "/doc");
        await _host.PressesAsync(_p.Olga, latest, latest.Buttons.First(b => b.Text.StartsWith("Счёт на оплату", StringComparison.Ordinal)).Text);
        var card = await _host.Tg.WaitForBotMessageAsync(_p.Olga.PrivateChat, m => m.Text?.Contains("СЧ-2026-0001") == true && m.Document is null);
        var nobody = await _host.SaysAsync(_p.Maria, "/doc");

        Assert.StartsWith("📚 Реестр документов: выберите", filters.Text, StringComparison.Ordinal);
        Assert.NotNull(filters.Button("на согласовании"));
        Assert.StartsWith("📚 Документы (", drafts.Text, StringComparison.Ordinal);
        Assert.Contains("СЧ-2026-0001", drafts.Text, StringComparison.Ordinal);
        Assert.Contains("Д-2026-0001", ofClient.Text, StringComparison.Ordinal);
        Assert.Contains("СЧ-2026-0001", invoices.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Д-2026-0001/", invoices.Text, StringComparison.Ordinal);
        Assert.StartsWith("Ваши последние документы:", latest.Text, StringComparison.Ordinal);
        Assert.Contains("СЧ-2026-0001", card.Text, StringComparison.Ordinal);
        Assert.StartsWith("Документ по номеру: /doc", nobody.Text, StringComparison.Ordinal);
        _host.AssertNoInvalidCalls();
    }
}
