using BotPlatform.Core.Documents;
using BotPlatform.Core.Messaging;
using BotPlatform.Testing;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Documents;

public sealed class DealDialogTests : IAsyncLifetime
{
    private const char Nb = '\u00A0';
    private const string AskService = "Какая услуга? Выберите из каталога или напишите её код.";
    private const string Create = "✅ Создать сделку";

    private BotHost _host = null!;
    private FakeUser _olga = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync();
        _olga = await _host.JoinedAsync("Ольга", "emp_olga");
        await _host.StoredClientAsync(ClientSamples.Romashka());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_deal_with_two_services_shows_its_totals_with_vat_and_is_created_with_a_number()
    {
        var askClient = await _host.SaysAsync(_olga, "/deal new");
        var pick = await _host.SaysAsync(_olga, "ромаш");
        var askService = await _host.PressesForNextAsync(_olga, pick, "ООО «Ромашка» · 7730123456");
        var askQuantity = await _host.PressesForNextAsync(_olga, askService, $"SMM-сопровождение · 120{Nb}000,00{Nb}₽/мес.");
        var askPrice = await _host.SaysAsync(_olga, "3");
        var added = await _host.PressesForNextAsync(_olga, askPrice, $"По каталогу: 120{Nb}000,00{Nb}₽");
        var askSecond = await _host.PressesForNextAsync(_olga, added, "➕ Ещё услуга");
        var askHours = await _host.SaysAsync(_olga, "design");
        var askRate = await _host.SaysAsync(_olga, "10,5");
        var addedSecond = await _host.SaysAsync(_olga, "4 000");
        var askVat = await _host.PressesForNextAsync(_olga, addedSecond, "➡️ Дальше");
        var card = await _host.PressesForNextAsync(_olga, askVat, "НДС 22% сверху");

        Assert.Equal("🤝 Новая сделка. Выйти в любой момент — /cancel.\n\nДля какого клиента? Напишите часть названия или ИНН. "
            + "Нового клиента сначала заведите: /client new.", askClient.Text);
        Assert.True(askClient.ForceReply);
        Assert.Equal("Клиент: ООО «Ромашка» · 7730123456", _host.Latest(pick));
        Assert.Equal(AskService, askService.Text);
        Assert.Equal(5, askService.Buttons.Count());
        Assert.Equal("Услуга: SMM-сопровождение", _host.Latest(askService));
        Assert.Equal("Сколько (мес.)? Например: 3 или 1,5.", askQuantity.Text);
        Assert.Equal($"Цена за мес.: по каталогу 120{Nb}000,00{Nb}₽. Нажмите кнопку или напишите свою цену.", askPrice.Text);
        Assert.StartsWith($"Добавлено: SMM-сопровождение — 3 мес. × 120{Nb}000,00{Nb}₽", added.Text, StringComparison.Ordinal);
        Assert.Equal(["➕ Ещё услуга", "➡️ Дальше"], added.Buttons.Select(b => b.Text));
        Assert.Equal(AskService, askSecond.Text);
        Assert.Equal("Сколько (час)? Например: 3 или 1,5.", askHours.Text);
        Assert.Equal($"Цена за час: по каталогу 3{Nb}500,00{Nb}₽. Нажмите кнопку или напишите свою цену.", askRate.Text);
        Assert.Equal(["Без НДС", "НДС 22% сверху", "НДС 22% в т. ч."], askVat.Buttons.Select(b => b.Text));
        Assert.Equal(
            "Проверьте сделку:\n\nКлиент: ООО «Ромашка» · 7730123456\n\nУслуги:\n"
            + $"1. SMM-сопровождение — 3 мес. × 120{Nb}000,00{Nb}₽ = 360{Nb}000,00{Nb}₽\n"
            + $"2. Дизайн — 10,5 час × 4{Nb}000,00{Nb}₽ = 42{Nb}000,00{Nb}₽\n\n"
            + $"Без НДС: 402{Nb}000,00{Nb}₽\nНДС 22% сверху: 88{Nb}440,00{Nb}₽\nИтого: 490{Nb}440,00{Nb}₽",
            card.Text);
        Assert.Equal([Create, "➕ Ещё услуга", "НДС", "✖️ Отменить"], card.Buttons.Select(b => b.Text));

        var answer = await _host.PressesAsync(_olga, card, Create);
        await _host.Tg.WaitUntilAsync(() => _host.Latest(card).StartsWith("✅ Сделка СДЛ-2026-0001 создана.", StringComparison.Ordinal));

        Assert.Equal("Создана: СДЛ-2026-0001", answer.Text);
        var deal = await _host.Get<IDealStore>().FindByNumberAsync("СДЛ-2026-0001", default);
        Assert.Equal((VatMode.OnTop, 22m, "RUB"), (deal?.Vat, deal?.VatRate, deal?.Currency));
        Assert.Equal([("smm", 3m, "мес.", 120_000m), ("design", 10.5m, "час", 4_000m)],
            deal!.Lines.Select(l => (l.ServiceCode, l.Quantity, l.Unit, l.Price)));
        Assert.Null(await _host.Get<IConversationStore>().GetAsync(_olga.Id, _olga.Id, default));

        var shown = await _host.SaysAsync(_olga, "/deal сдл-2026-0001");
        Assert.Equal(
            "🤝 Сделка СДЛ-2026-0001\nКлиент: ООО «Ромашка» (7730123456)\nМенеджер: Ольга Сотрудникова\n\nУслуги:\n"
            + $"1. SMM-сопровождение — 3 мес. × 120{Nb}000,00{Nb}₽ = 360{Nb}000,00{Nb}₽\n"
            + $"2. Дизайн — 10,5 час × 4{Nb}000,00{Nb}₽ = 42{Nb}000,00{Nb}₽\n\n"
            + $"Без НДС: 402{Nb}000,00{Nb}₽\nНДС 22% сверху: 88{Nb}440,00{Nb}₽\nИтого: 490{Nb}440,00{Nb}₽\n\nДокументы: пока нет"
            + "\n\n📜 История:\n23.11.2026 10:00 🤝 Сделка создана (Ольга Сотрудникова)",
            shown.Text);
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task An_unknown_service_code_is_refused_and_the_catalogue_offered_again()
    {
        var askService = await DealAtServiceAsync();

        var problem = await _host.SaysAsync(_olga, "seo");
        var again = await _host.NextAfterAsync(_olga, problem);

        Assert.Equal("Услуги с кодом «seo» нет в каталоге. Есть: smm, target, web, design, support.", problem.Text);
        Assert.Equal(AskService, again.Text);
        Assert.Equal(askService.Buttons.Select(b => b.Text), again.Buttons.Select(b => b.Text));
        Assert.Equal("service", (await _host.Get<IConversationStore>().GetAsync(_olga.Id, _olga.Id, default))?.Step);
    }

    [Fact]
    public async Task A_client_that_is_not_found_is_explained_and_asked_again()
    {
        await _host.SaysAsync(_olga, "/deal new");

        var problem = await _host.SaysAsync(_olga, "Лютик");
        var again = await _host.NextAfterAsync(_olga, problem);

        Assert.Equal("Клиент не найден. Напишите часть названия или ИНН.", problem.Text);
        Assert.StartsWith("Для какого клиента?", again.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_quantity_is_explained_and_asked_again()
    {
        var askService = await DealAtServiceAsync();
        await _host.PressesForNextAsync(_olga, askService, $"Дизайн · 3{Nb}500,00{Nb}₽/час");

        var problem = await _host.SaysAsync(_olga, "0");
        var again = await _host.NextAfterAsync(_olga, problem);

        Assert.Equal("Количество — положительное число, не больше трёх знаков после запятой (например, 3 или 1,5); «0» не подходит.", problem.Text);
        Assert.Equal("Сколько (час)? Например: 3 или 1,5.", again.Text);
    }

    [Fact]
    public async Task An_unknown_deal_number_is_answered()
    {
        var answer = await _host.SaysAsync(_olga, "/deal СДЛ-2026-0099");

        Assert.Equal("Сделка «СДЛ-2026-0099» не найдена.", answer.Text);
    }

    [Fact]
    public async Task The_deal_dialog_and_card_speak_english()
    {
        var john = await _host.JoinedAsync("John", "eng_john", "en");

        var askClient = await _host.SaysAsync(john, "/deal new");
        var pick = await _host.SaysAsync(john, "7730123456");
        var askService = await _host.PressesForNextAsync(john, pick, "ООО «Ромашка» · 7730123456");
        var askQuantity = await _host.PressesForNextAsync(john, askService, "SMM-сопровождение · ₽120,000.00/мес.");
        var askPrice = await _host.SaysAsync(john, "1");
        var added = await _host.PressesForNextAsync(john, askPrice, "Catalogue: ₽120,000.00");
        var askVat = await _host.PressesForNextAsync(john, added, "➡️ Next");
        var card = await _host.PressesForNextAsync(john, askVat, "VAT 22% included");
        await _host.PressesAsync(john, card, "✅ Create the deal");
        await _host.Tg.WaitUntilAsync(() => _host.Latest(card).StartsWith("✅ Deal СДЛ-2026-0001 created.", StringComparison.Ordinal));

        Assert.StartsWith("🤝 New deal. You can leave at any time with /cancel.\n\nWhich client is it for?", askClient.Text, StringComparison.Ordinal);
        Assert.Equal("Pick the client (or type another search):", pick.Text);
        Assert.Equal("How many (мес.)? For example: 3 or 1.5.", askQuantity.Text);
        Assert.Equal(["No VAT", "VAT 22% on top", "VAT 22% included"], askVat.Buttons.Select(b => b.Text));
        Assert.Equal(
            "✅ Deal СДЛ-2026-0001 created.\n\n🤝 Deal СДЛ-2026-0001\nClient: ООО «Ромашка» (7730123456)\nManager: John Smith\n\nServices:\n"
            + "1. SMM-сопровождение — 1 мес. × ₽120,000.00 = ₽120,000.00\n\nTotal: ₽120,000.00\nincl. VAT 22%: ₽21,639.34\n\nDocuments: none yet",
            _host.Latest(card));
    }

    [Fact]
    public async Task Clients_and_deals_are_in_the_help_and_the_command_menu_in_both_languages()
    {
        var john = await _host.JoinedAsync("John", "eng_john", "en");
        var help = await _host.SaysAsync(_olga, "/help");
        await _host.Tg.WaitUntilAsync(() => _host.Tg.CommandsSeenBy(john, john.PrivateChat).Any(c => c.Command == "deal"));
        await _host.Tg.WaitUntilAsync(() => _host.Tg.CommandsSeenBy(_olga, _olga.PrivateChat).Any(c => c.Command == "client"));

        Assert.Contains("/client — Клиенты: /client new, /client import, /client ИНН или название", help.Text, StringComparison.Ordinal);
        Assert.Contains("/deal — Сделки: /deal new, /deal СДЛ-2026-0001", help.Text, StringComparison.Ordinal);
        Assert.Contains(_host.Tg.CommandsSeenBy(john, john.PrivateChat), c => c.Command == "deal" && c.Description == "Deals: /deal new, /deal СДЛ-2026-0001, history: /deal СДЛ-2026-0001 history");
        Assert.Contains(_host.Tg.CommandsSeenBy(_olga, _olga.PrivateChat), c => c.Command == "client" && c.Description.StartsWith("Клиенты", StringComparison.Ordinal));
    }

    private async Task<FakeMessage> DealAtServiceAsync()
    {
        await _host.SaysAsync(_olga, "/deal new");
        var pick = await _host.SaysAsync(_olga, "Ромашка");
        return await _host.PressesForNextAsync(_olga, pick, "ООО «Ромашка» · 7730123456");
    }
}
