using BotPlatform.Core.Audit;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Projects;
using BotPlatform.Testing;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Finance;

/// <summary>/project NUMBER retainer | upsell: what a project was sold for, set in the chat, audited, on the card and in /pnl.</summary>
public sealed class ProjectSalesTests : IAsyncLifetime
{
    private BotHost _host = null!;
    private FakeUser _director = null!;
    private Client _romashka = null!;
    private Deal _own = null!;
    private Deal _upsell = null!;
    private Project _project = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync(); // Monday 23.11.2026, 10:00 Moscow
        _director = await _host.JoinedAsync("Сергей", "dir_sergey");
        _romashka = await _host.ClientAsync("ООО «Ромашка»", "7736207543");
        var lyutik = await _host.ClientAsync("ООО «Лютик»", "7707083893");
        _own = await _host.DealAsync(_romashka, "СДЛ-2026-0001", 100_000m);
        _upsell = await _host.DealAsync(_romashka, "СДЛ-2026-0002", 30_000m);
        await _host.DealAsync(lyutik, "СДЛ-2026-0003", 50_000m);
        _project = await _host.ProjectAsync(_romashka, "PRJ-0001", "SMM Ромашка", deal: _own);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<Project> StoredAsync() => (await _host.Get<IProjectStore>().GetAsync(_project.Id, default))!;

    private async Task<IEnumerable<(string, string?)>> AuditAsync() =>
        (await _host.Get<IAuditLog>().ForSubjectAsync("project:PRJ-0001", default)).Select(e => (e.Action, e.Reason));

    /// <summary>The director's line after a command, then the card the bot sends after it.</summary>
    private async Task<(FakeMessage Line, FakeMessage Card)> ChangesAsync(string command)
    {
        var line = await _host.SaysAsync(_director, command);
        var card = await _host.Tg.WaitForBotMessageAsync(_director.PrivateChat, m => m.MessageId > line.MessageId);
        return (line, card);
    }

    [Fact]
    public async Task The_director_sets_a_retainer_and_links_an_upsell_which_the_card_and_pnl_show()
    {
        var (retainer, retainerCard) = await ChangesAsync("/project PRJ-0001 retainer 120 000");
        var (upsell, card) = await ChangesAsync("/project prj-0001 upsell сдл-2026-0002");
        var twice = await _host.SaysAsync(_director, "/project PRJ-0001 upsell СДЛ-2026-0002");
        var pnl = await _host.SaysAsync(_director, "/pnl PRJ-0001 2026-11");

        Assert.Equal("✅ PRJ-0001: абонентская плата 120\u00A0000,00\u00A0₽ в месяц.", retainer.Text);
        Assert.Contains("\nАбонентская плата: 120\u00A0000,00\u00A0₽ в месяц\n", retainerCard.Text, StringComparison.Ordinal);
        Assert.Equal("✅ Сделка СДЛ-2026-0002 привязана к PRJ-0001 как допродажа.", upsell.Text);
        Assert.StartsWith("📁 Проект PRJ-0001 — SMM Ромашка\n", card.Text, StringComparison.Ordinal);
        Assert.Contains("\nДопродажи: СДЛ-2026-0002 · 30\u00A0000,00\u00A0₽\n", card.Text, StringComparison.Ordinal);
        Assert.Equal("Ничего не изменилось: сделка СДЛ-2026-0002 уже допродажа PRJ-0001.", twice.Text);
        Assert.Contains("\nПродажа: 120\u00A0000,00\u00A0₽ · допродажи: 30\u00A0000,00\u00A0₽\n", pnl.Text, StringComparison.Ordinal);
        var stored = await StoredAsync();
        Assert.Equal(120_000m, stored.Retainer);
        Assert.Equal([_upsell.Id], stored.UpsellDealIds);
        Assert.Equal([("retainer_set", "120000"), ("upsell_linked", "СДЛ-2026-0002")], await AuditAsync());
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task Unlinking_the_upsell_and_clearing_the_retainer_leave_the_deal_as_the_sale_price()
    {
        await ChangesAsync("/project PRJ-0001 retainer 120000");
        await ChangesAsync("/project PRJ-0001 upsell СДЛ-2026-0002");

        var (unlinked, _) = await ChangesAsync("/project PRJ-0001 upsell СДЛ-2026-0002 off");
        var (cleared, card) = await ChangesAsync("/project PRJ-0001 retainer off");
        var clearedAgain = await _host.SaysAsync(_director, "/project PRJ-0001 retainer off");
        var pnl = await _host.SaysAsync(_director, "/pnl PRJ-0001 2026-11");

        Assert.Equal("✅ Сделка СДЛ-2026-0002 больше не допродажа PRJ-0001.", unlinked.Text);
        Assert.Equal("✅ PRJ-0001: абонентская плата убрана, ценой продажи считается сумма сделки.", cleared.Text);
        Assert.DoesNotContain("Абонентская плата", card.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Допродажи", card.Text, StringComparison.Ordinal);
        Assert.Equal("Ничего не изменилось: у PRJ-0001 уже такая абонентская плата.", clearedAgain.Text);
        Assert.Contains("\nПродажа: 100\u00A0000,00\u00A0₽ · допродажи: 0,00\u00A0₽\n", pnl.Text, StringComparison.Ordinal);
        var stored = await StoredAsync();
        Assert.Equal(((decimal?)null, 0), (stored.Retainer, stored.UpsellDealIds.Count));
        Assert.Equal([("retainer_set", "120000"), ("upsell_linked", "СДЛ-2026-0002"), ("upsell_unlinked", "СДЛ-2026-0002"), ("retainer_cleared", null)],
            await AuditAsync());
    }

    [Fact]
    public async Task Bad_amounts_wrong_deals_and_people_without_the_right_are_answered_in_russian_and_change_nothing()
    {
        var olga = await _host.JoinedAsync("Ольга", "emp_olga");
        var maria = await _host.JoinedAsync("Мария", "fin_maria");

        var words = await _host.SaysAsync(_director, "/project PRJ-0001 retainer сто рублей");
        var negative = await _host.SaysAsync(_director, "/project PRJ-0001 retainer -5 000");
        var dollars = await _host.SaysAsync(_director, "/project PRJ-0001 retainer $1,200");
        var bare = await _host.SaysAsync(_director, "/project PRJ-0001 retainer");
        var otherClients = await _host.SaysAsync(_director, "/project PRJ-0001 upsell СДЛ-2026-0003");
        var own = await _host.SaysAsync(_director, "/project PRJ-0001 upsell СДЛ-2026-0001");
        var unknown = await _host.SaysAsync(_director, "/project PRJ-0001 upsell СДЛ-2026-9999");
        var notLinked = await _host.SaysAsync(_director, "/project PRJ-0001 upsell СДЛ-2026-0002 off");
        var employee = await _host.SaysAsync(olga, "/project PRJ-0001 retainer 100 000");
        var finance = await _host.SaysAsync(maria, "/project PRJ-0001 upsell СДЛ-2026-0002");
        await _host.IdleAsync();

        Assert.Equal("Не понимаю сумму «сто рублей». Напишите одно число и, если нужно, валюту, например: 150 000,50 или 1 200 $", words.Text);
        Assert.Equal("Сумма не может быть отрицательной. Напишите её без минуса, например: 150 000,50", negative.Text);
        Assert.Equal("Абонентская плата — в валюте организации (RUB), а не в USD.", dollars.Text);
        Assert.StartsWith("Продажа проекта:\n/project НОМЕР retainer СУММА", bare.Text, StringComparison.Ordinal);
        Assert.Equal("Сделка СДЛ-2026-0003 — другого клиента. Допродажей может быть только сделка клиента ООО «Ромашка».", otherClients.Text);
        Assert.Equal("Сделка СДЛ-2026-0001 — та, из которой сделан проект PRJ-0001: она уже его цена продажи.", own.Text);
        Assert.Equal("Сделки «СДЛ-2026-9999» нет. Напишите номер, например СДЛ-2026-0012.", unknown.Text);
        Assert.Equal("Сделка СДЛ-2026-0002 не допродажа PRJ-0001 — отвязывать нечего.", notLinked.Text);
        var refused = "Цену продажи и допродажи проекта меняют его руководитель проекта, директор, операционный менеджер и администратор.";
        Assert.Equal((refused, refused), (employee.Text, finance.Text));
        var stored = await StoredAsync();
        Assert.Equal(((decimal?)null, 0, _project.Version), (stored.Retainer, stored.UpsellDealIds.Count, stored.Version));
        Assert.Empty(await AuditAsync());
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task A_deal_that_already_belongs_to_another_project_of_the_client_is_not_linked()
    {
        await _host.ProjectAsync(_romashka, "PRJ-0002", "Сайт Ромашка", deal: _upsell);

        var refused = await _host.SaysAsync(_director, "/project PRJ-0001 upsell СДЛ-2026-0002");

        Assert.Equal("Сделка СДЛ-2026-0002 уже относится к проекту PRJ-0002.", refused.Text);
        Assert.Empty((await StoredAsync()).UpsellDealIds);
    }
}
