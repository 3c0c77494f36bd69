using BotPlatform.Core.Documents;
using BotPlatform.Core.Projects;
using BotPlatform.Testing;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Documents;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Finance;

/// <summary>A deal made for a client with an active project is offered as that project's upsell, one press away.</summary>
public sealed class UpsellOfferTests : IAsyncLifetime
{
    private const char Nb = '\u00A0';
    private BotHost _host = null!;
    private Client _client = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync();
        _client = await _host.StoredClientAsync(ClientSamples.Romashka());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>/deal new for ООО «Ромашка» with one month of SMM, without VAT; returns the card before Create.</summary>
    private async Task<FakeMessage> DealCardAsync(FakeUser user)
    {
        await _host.SaysAsync(user, "/deal new");
        var pick = await _host.SaysAsync(user, "ромаш");
        var askService = await _host.PressesForNextAsync(user, pick, "ООО «Ромашка» · 7730123456");
        var askQuantity = await _host.PressesForNextAsync(user, askService, $"SMM-сопровождение · 120{Nb}000,00{Nb}₽/мес.");
        var askPrice = await _host.SaysAsync(user, "1");
        var added = await _host.PressesForNextAsync(user, askPrice, $"По каталогу: 120{Nb}000,00{Nb}₽");
        var askVat = await _host.PressesForNextAsync(user, added, "➡️ Дальше");
        return await _host.PressesForNextAsync(user, askVat, "Без НДС");
    }

    [Fact]
    public async Task The_director_links_the_new_deal_to_the_clients_active_project_from_the_offer()
    {
        var director = await _host.JoinedAsync("Сергей", "dir_sergey");
        var project = await _host.ProjectAsync(_client, "PRJ-0001", "SMM Ромашка");
        var card = await DealCardAsync(director);

        await _host.PressesAsync(director, card, "✅ Создать сделку");
        var offer = await _host.Tg.WaitForBotMessageAsync(director.PrivateChat, m => m.MessageId > card.MessageId);
        var pressed = await _host.PressesAsync(director, offer, "📎 Привязать к PRJ-0001 «SMM Ромашка»");
        await _host.Tg.WaitUntilAsync(() => _host.Latest(offer).StartsWith("✅", StringComparison.Ordinal));

        Assert.Equal("У клиента есть действующие проекты. Сделка СДЛ-2026-0001 — допродажа к одному из них?", offer.Text);
        Assert.Null(pressed.Text);
        Assert.Equal("✅ Сделка СДЛ-2026-0001 привязана к PRJ-0001 как допродажа.", _host.Latest(offer));
        var deal = await _host.Get<IDealStore>().FindByNumberAsync("СДЛ-2026-0001", default);
        Assert.Equal([deal!.Id], (await _host.Get<IProjectStore>().GetAsync(project.Id, default))!.UpsellDealIds);
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task Someone_who_may_not_change_the_project_is_not_offered_it_and_a_forged_press_changes_nothing()
    {
        var olga = await _host.JoinedAsync("Ольга", "emp_olga");
        var project = await _host.ProjectAsync(_client, "PRJ-0001", "SMM Ромашка");
        var card = await DealCardAsync(olga);

        await _host.PressesAsync(olga, card, "✅ Создать сделку");
        await _host.Tg.WaitUntilAsync(() => _host.Latest(card).StartsWith("✅ Сделка СДЛ-2026-0001 создана.", StringComparison.Ordinal));
        await _host.IdleAsync();
        var deal = await _host.Get<IDealStore>().FindByNumberAsync("СДЛ-2026-0001", default);
        var forged = await _host.Tg.WaitForCallbackAnswerAsync(_host.Tg.PressCallbackData(olga, card, $"ups:{project.Id}:{deal!.Id}"));

        Assert.DoesNotContain(_host.Tg.BotMessages(olga.PrivateChat), m => m.Text?.StartsWith("У клиента есть", StringComparison.Ordinal) == true);
        Assert.Equal("Цену продажи и допродажи проекта меняют его руководитель проекта, директор, операционный менеджер и администратор.", forged.Text);
        Assert.Empty((await _host.Get<IProjectStore>().GetAsync(project.Id, default))!.UpsellDealIds);
    }
}
