using BotPlatform.Core.Messaging;
using BotPlatform.Testing;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Documents;

public sealed class ClientDialogTests : IAsyncLifetime
{
    private const string AskKpp = "КПП — 9 знаков, например 773001001.";
    private const string AskInn = "ИНН — 10 цифр у организации, 12 у ИП.";
    private const string AskAccount = "Расчётный счёт — 20 цифр.";

    private BotHost _host = null!;
    private FakeUser _olga = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync();
        _olga = await _host.JoinedAsync("Ольга", "emp_olga");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_new_client_is_asked_step_by_step_and_shown_for_confirmation()
    {
        var country = await _host.SaysAsync(_olga, "/client new");
        var askName = await _host.PressesForNextAsync(_olga, country, "🇷🇺 Россия");
        var askInn = await _host.SaysAsync(_olga, "ООО «Ромашка»");
        var askKpp = await _host.SaysAsync(_olga, "7730 123 456");
        var askOgrn = await _host.SaysAsync(_olga, "773001001");
        var askLegal = await _host.SaysAsync(_olga, "1027700123450");
        var askPostcode = await _host.SaysAsync(_olga, "г. Москва, ул. Ленина, д. 1");
        var askPostal = await _host.SaysAsync(_olga, "123112");
        var askBank = await _host.PressesForNextAsync(_olga, askPostal, "Совпадает с юридическим");
        var askBik = await _host.SaysAsync(_olga, "ПАО Сбербанк");
        var askAccount = await _host.SaysAsync(_olga, "044525225");
        var askCorrespondent = await _host.SaysAsync(_olga, "40702810200000012345");
        var askSignatory = await _host.SaysAsync(_olga, "30101810400000000225");
        var askPosition = await _host.SaysAsync(_olga, "Петров Пётр Петрович");
        var askBasis = await _host.SaysAsync(_olga, "Генеральный директор");
        var askEmail = await _host.PressesForNextAsync(_olga, askBasis, "Устава");
        var askPhone = await _host.SaysAsync(_olga, "info@romashka.ru");
        var card = await _host.PressesForNextAsync(_olga, askPhone, ClientSteps.Skip);

        Assert.Equal("🏢 Новый клиент. Спрошу реквизиты по одному; выйти в любой момент — /cancel.\n\nГде зарегистрирован клиент?", country.Text);
        Assert.Equal(["🇷🇺 Россия", "🇧🇾 Беларусь"], country.Buttons.Select(b => b.Text));
        Assert.Equal("Страна: 🇷🇺 Россия", _host.Latest(country));
        Assert.True(askName.ForceReply);
        Assert.Equal(
            [AskInn, AskKpp, "ОГРН (13 цифр) или ОГРНИП (15). Если не нужен — «Пропустить».", "Юридический адрес (без индекса).",
                "Почтовый индекс для писем — 6 цифр.", "Почтовый адрес для писем (без индекса) — или нажмите «Совпадает с юридическим».",
                "Название банка, например: ПАО Сбербанк.", "БИК банка — 9 цифр.", AskAccount,
                "Корреспондентский счёт банка — 20 цифр, начинается с 301.",
                "Кто подписывает документы? ФИО полностью, например: Петров Пётр Петрович.", "Должность подписанта, например: Генеральный директор.",
                "На основании чего он действует? Нажмите «Устава» или напишите, например: доверенности № 5 от 01.02.2026.",
                "Эл. почта для документов — или «Пропустить».", "Телефон — или «Пропустить»."],
            new[] { askInn, askKpp, askOgrn, askLegal, askPostcode, askPostal, askBank, askBik, askAccount, askCorrespondent, askSignatory,
                askPosition, askBasis, askEmail, askPhone }.Select(m => m.Text));
        Assert.Equal([ClientSteps.Skip], askOgrn.Buttons.Select(b => b.Text));
        Assert.Equal(
            "Проверьте реквизиты клиента:\n\nСтрана: 🇷🇺 Россия\nНазвание: ООО «Ромашка»\nИНН: 7730123456\nКПП: 773001001\nОГРН: 1027700123450\n"
            + "Юридический адрес: г. Москва, ул. Ленина, д. 1\nИндекс: 123112\nПочтовый адрес: г. Москва, ул. Ленина, д. 1\nБанк: ПАО Сбербанк\n"
            + "БИК: 044525225\nР/с: 40702810200000012345\nК/с: 30101810400000000225\nПодписант: Петров Пётр Петрович\n"
            + "Должность: Генеральный директор\nДействует на основании: Устава\nЭл. почта: info@romashka.ru\nТелефон: —",
            card.Text);
        Assert.Equal([ClientSteps.Save, "✏️ Изменить поле", "✖️ Отменить"], card.Buttons.Select(b => b.Text));
        Assert.Null(await _host.ClientAsync("7730123456"));
    }

    [Fact]
    public async Task Save_stores_the_client_and_shows_its_card()
    {
        var card = await _host.ClientDialogAtAsync(_olga, "card");

        var answer = await _host.PressesAsync(_olga, card, ClientSteps.Save);
        await _host.Tg.WaitUntilAsync(() => _host.Latest(card).StartsWith("✅ Клиент сохранён.", StringComparison.Ordinal));

        Assert.Equal("Сохранено", answer.Text);
        var client = await _host.ClientAsync("7730123456");
        Assert.Equal(("ООО «Ромашка»", "773001001", "40702810200000012345", "Устава", null), (client?.LegalName, client?.Kpp, client?.Bank.Account,
            client?.Basis, client?.Phone));
        Assert.StartsWith("✅ Клиент сохранён.\n\n🏢 ООО «Ромашка»\nИНН: 7730123456\n", _host.Latest(card), StringComparison.Ordinal);
        Assert.Empty(_host.Tg.Message(_olga.PrivateChat, card.MessageId).Buttons);
        Assert.Null(await _host.Get<IConversationStore>().GetAsync(_olga.Id, _olga.Id, default));

        var shown = await _host.SaysAsync(_olga, "/client ромашка");
        Assert.StartsWith("🏢 ООО «Ромашка»\nИНН: 7730123456\nКПП: 773001001", shown.Text, StringComparison.Ordinal);
        _host.AssertNoInvalidCalls();
    }

    [Theory]
    [InlineData("inn", "7707083894", "ИНН 7707083894 не проходит проверку контрольного числа — в нём опечатка. Сверьте с выпиской ЕГРЮЛ.", AskInn)]
    [InlineData("inn", "77070838", "ИНН — это 10 цифр у организации или 12 у ИП, а «77070838» не подходит.", AskInn)]
    [InlineData("kpp", "77300100", "КПП — 9 знаков: 4 цифры, 2 цифры или латинские буквы, 3 цифры (например, 773601001); «77300100» не подходит.", AskKpp)]
    [InlineData("account", "40702810300000012345",
        "Расчётный счёт 40702810300000012345 не сходится с БИК 044525225 по контрольному ключу — проверьте счёт и БИК.", AskAccount)]
    public async Task A_bad_id_is_explained_and_asked_again(string step, string typed, string problem, string question)
    {
        await _host.ClientDialogAtAsync(_olga, step);

        var answer = await _host.SaysAsync(_olga, typed);
        var askedAgain = await _host.NextAfterAsync(_olga, answer);

        Assert.Equal(problem, answer.Text);
        Assert.Equal(question, askedAgain.Text);
        Assert.True(askedAgain.ForceReply);
        var conversation = await _host.Get<IConversationStore>().GetAsync(_olga.Id, _olga.Id, default);
        Assert.Equal(step, conversation?.Step);
        Assert.False(conversation!.Data.ContainsKey(step));
    }

    [Fact]
    public async Task A_tax_id_another_client_has_is_refused_when_typed()
    {
        await _host.StoredClientAsync(ClientSamples.Romashka());
        await _host.ClientDialogAtAsync(_olga, "inn");

        var answer = await _host.SaysAsync(_olga, "7730123456");

        Assert.Equal("Клиент с ИНН/УНП 7730123456 уже есть: ООО «Ромашка».", answer.Text);
        Assert.Equal(AskInn, (await _host.NextAfterAsync(_olga, answer)).Text);
    }

    [Fact]
    public async Task A_duplicate_saved_meanwhile_is_refused_at_save_and_nothing_changes()
    {
        var card = await _host.ClientDialogAtAsync(_olga, "card");
        var other = ClientSamples.Romashka();
        other.LegalName = "ООО «Ромашка-2»";
        await _host.StoredClientAsync(other);

        var answer = await _host.PressesAsync(_olga, card, ClientSteps.Save);
        var problem = await _host.NextAfterAsync(_olga, card);

        Assert.Equal("Не сохранено — исправьте и нажмите «Сохранить» снова.", answer.Text);
        Assert.Equal("Клиент с ИНН/УНП 7730123456 уже есть: ООО «Ромашка-2».", problem.Text);
        Assert.Equal("ООО «Ромашка-2»", (await _host.ClientAsync("7730123456"))?.LegalName);
        Assert.NotNull(await _host.Get<IConversationStore>().GetAsync(_olga.Id, _olga.Id, default));
    }

    [Fact]
    public async Task A_sole_trader_is_not_asked_for_a_kpp()
    {
        await _host.ClientDialogAtAsync(_olga, "inn");

        var next = await _host.SaysAsync(_olga, "500100732259");

        Assert.Equal("ОГРН (13 цифр) или ОГРНИП (15). Если не нужен — «Пропустить».", next.Text);
    }

    [Fact]
    public async Task Editing_the_bik_rechecks_the_account_at_save()
    {
        var card = await _host.ClientDialogAtAsync(_olga, "card");

        var fields = await _host.PressesAsync(_olga, card, "✏️ Изменить поле");
        var ask = await _host.PressesForNextAsync(_olga, await _host.WithButtonAsync(card, "БИК"), "БИК");
        var again = await _host.SaysAsync(_olga, "044030653");
        await _host.PressesAsync(_olga, again, ClientSteps.Save);
        var problem = await _host.NextAfterAsync(_olga, again);

        Assert.Null(fields.Text);
        Assert.Equal("БИК банка — 9 цифр.", ask.Text);
        Assert.Contains("БИК: 044030653", again.Text, StringComparison.Ordinal);
        Assert.Equal("Расчётный счёт 40702810200000012345 не сходится с БИК 044030653 по контрольному ключу — проверьте счёт и БИК.", problem.Text);
        Assert.Null(await _host.ClientAsync("7730123456"));
    }

    [Fact]
    public async Task A_restart_in_the_middle_continues_the_dialog()
    {
        await _host.ClientDialogAtAsync(_olga, "bik");

        await _host.RestartAsync();
        var next = await _host.SaysAsync(_olga, "044525225");

        Assert.Equal(AskAccount, next.Text);
        var conversation = await _host.Get<IConversationStore>().GetAsync(_olga.Id, _olga.Id, default);
        Assert.Equal(("7730123456", "044525225"), (conversation?.Data["inn"], conversation?.Data["bik"]));
    }

    [Fact]
    public async Task Cancel_leaves_the_dialog_and_stores_nothing()
    {
        await _host.ClientDialogAtAsync(_olga, "postcode");

        var answer = await _host.SaysAsync(_olga, "/cancel");
        var after = await _host.SaysAsync(_olga, "123112");

        Assert.Equal("Отменено.", answer.Text);
        Assert.Equal("Не понял сообщение. Список команд — /help.", after.Text);
        Assert.Null(await _host.Get<IConversationStore>().GetAsync(_olga.Id, _olga.Id, default));
        Assert.Empty(await _host.Get<BotPlatform.Core.Documents.IClientStore>().SearchAsync("Ромашка", 10, default));
    }

    [Fact]
    public async Task A_belarusian_client_is_asked_for_a_unp_checked_by_its_control_digit()
    {
        var country = await _host.SaysAsync(_olga, "/client new");
        await _host.PressesForNextAsync(_olga, country, "🇧🇾 Беларусь");
        var askUnp = await _host.SaysAsync(_olga, "ООО «Бульба»");
        var badUnp = await _host.SaysAsync(_olga, "200988542");
        var askedAgain = await _host.NextAfterAsync(_olga, badUnp);
        var askLegal = await _host.SaysAsync(_olga, "200988541");

        Assert.Equal("УНП — 9 цифр.", askUnp.Text);
        Assert.Equal("УНП 200988542 не проходит проверку контрольной цифры — в нём опечатка.", badUnp.Text);
        Assert.Equal("УНП — 9 цифр.", askedAgain.Text);
        Assert.Equal("Юридический адрес (без индекса).", askLegal.Text);
    }

    [Fact]
    public async Task Changing_the_country_on_the_card_asks_only_what_the_new_country_needs()
    {
        var card = await _host.ClientDialogAtAsync(_olga, "card");

        await _host.PressesAsync(_olga, card, "✏️ Изменить поле");
        var country = await _host.PressesForNextAsync(_olga, await _host.WithButtonAsync(card, "Страна"), "Страна");
        var askUnp = await _host.PressesForNextAsync(_olga, country, "🇧🇾 Беларусь");
        var askSwift = await _host.SaysAsync(_olga, "191234563");
        var askIban = await _host.SaysAsync(_olga, "PJCBBY2X");
        var again = await _host.SaysAsync(_olga, "BY54PJCB30120000000000000933");

        Assert.Equal(("УНП — 9 цифр.", "SWIFT-код банка, например NBRBBY2X.", "Счёт (IBAN), начинается с BY."), (askUnp.Text, askSwift.Text, askIban.Text));
        Assert.StartsWith("Проверьте реквизиты клиента:\n\nСтрана: 🇧🇾 Беларусь\nНазвание: ООО «Ромашка»\nУНП: 191234563\n", again.Text,
            StringComparison.Ordinal);
        Assert.Contains("\nSWIFT: PJCBBY2X\nIBAN: BY54PJCB30120000000000000933\nПодписант:", again.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ИНН", again.Text, StringComparison.Ordinal);

        await _host.PressesAsync(_olga, again, ClientSteps.Save);
        await _host.Tg.WaitUntilAsync(() => _host.Latest(again).StartsWith("✅ Клиент сохранён.", StringComparison.Ordinal));
        Assert.Equal(("BY", null, null), ((await _host.ClientAsync("191234563"))?.Country, (await _host.ClientAsync("191234563"))?.Inn,
            (await _host.ClientAsync("191234563"))?.Kpp));
    }
}
