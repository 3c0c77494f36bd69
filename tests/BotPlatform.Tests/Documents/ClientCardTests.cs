using BotPlatform.Testing;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Documents;

public sealed class ClientCardTests : IAsyncLifetime
{
    private BotHost _host = null!;
    private FakeUser _olga = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync();
        _olga = await _host.JoinedAsync("Ольга", "emp_olga");
        await _host.StoredClientAsync(ClientSamples.Romashka());
        var soleTrader = ClientSamples.Romashka();
        (soleTrader.LegalName, soleTrader.Inn, soleTrader.Kpp) = ("ООО «Ромашка Плюс»", "500100732259", null);
        await _host.StoredClientAsync(soleTrader);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_client_is_shown_by_its_tax_id()
    {
        var card = await _host.SaysAsync(_olga, "/client 7730123456");

        Assert.Equal(
            "🏢 ООО «Ромашка»\nИНН: 7730123456\nКПП: 773001001\nОГРН: 1027700123450\nЮридический адрес: г. Москва, ул. Ленина, д. 1\n"
            + "Индекс: 123112\nПочтовый адрес: г. Москва, ул. Ленина, д. 1, офис 5\nБанк: ПАО Сбербанк\nБИК: 044525225\n"
            + "Р/с: 40702810200000012345\nК/с: 30101810400000000225\nПодписант: Петров Пётр Петрович\nДолжность: Генеральный директор\n"
            + "Действует на основании: Устава\nЭл. почта: —\nТелефон: —\n\nСделок пока нет.\n\nДокументов пока нет.",
            card.Text);
    }

    [Fact]
    public async Task Several_matches_are_offered_as_buttons_that_open_the_card()
    {
        var list = await _host.SaysAsync(_olga, "/client Ромашка");
        var card = await _host.PressesForNextAsync(_olga, list, "ООО «Ромашка Плюс» · 500100732259");

        Assert.Equal("Нашлось несколько клиентов — выберите:", list.Text);
        Assert.Equal(["ООО «Ромашка» · 7730123456", "ООО «Ромашка Плюс» · 500100732259"], list.Buttons.Select(b => b.Text));
        Assert.StartsWith("🏢 ООО «Ромашка Плюс»\nИНН: 500100732259\nОГРН:", card.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_client_and_a_bare_command_are_answered()
    {
        var unknown = await _host.SaysAsync(_olga, "/client Лютик");
        var usage = await _host.SaysAsync(_olga, "/client");

        Assert.Equal("Клиент «Лютик» не найден. Новый клиент — /client new.", unknown.Text);
        Assert.StartsWith("Клиенты:\n/client new — новый клиент\n/client import", usage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requisites_are_not_shown_in_a_group()
    {
        var group = _host.Tg.CreateGroup("Продажи", _olga);

        _host.Tg.SendText(_olga, group, "/client 7730123456");
        var answer = await _host.Tg.WaitForBotMessageAsync(group);

        Assert.Equal("Клиентов и сделки веду только в личном чате с ботом — напишите мне туда.", answer.Text);
    }
}
