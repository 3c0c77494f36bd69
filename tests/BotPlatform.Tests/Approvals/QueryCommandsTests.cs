using BotPlatform.Core.Approvals;
using BotPlatform.Core.Common;
using BotPlatform.Core.Localization;
using BotPlatform.Testing;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Approvals;

public sealed class QueryCommandsTests : IAsyncLifetime
{
    private BotHost _host = null!;
    private FakeUser _olga = null!;
    private FakeUser _igor = null!;

    public async Task InitializeAsync()
    {
        // Monday 23.11.2026, 10:00 Moscow. Each filed request sends the head a file and a card; at the
        // real per-chat pace that is seconds per request, and pacing has its own tests (Gateway/).
        _host = await BotHost.StartAsync(settings: new Dictionary<string, string?> { ["Outbox:PrivateChatBurst"] = "20" });
        _olga = await _host.JoinedAsync("Ольга", "emp_olga");
        _igor = await _host.JoinedAsync("Игорь", "head_igor");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>Monday 23.11.2026 at the given Moscow time.</summary>
    private static DateTimeOffset Monday(int hour, int minute = 0) => new(2026, 11, 23, hour - 3, minute, 0, TimeSpan.Zero);

    private static string Rub(decimal amount, Lang lang = Lang.Ru) => new Money(amount, "RUB").Format(lang);

    private static string[][] ButtonTexts(FakeMessage message) => message.InlineKeyboard.Select(row => row.Select(b => b.Text).ToArray()).ToArray();

    [Fact]
    public async Task Inbox_of_the_head_lists_waiting_requests_oldest_first_with_working_hours_waited()
    {
        var first = await _host.FiledAsync(_olga, "ООО Ромашка", 150000m);
        await _host.AdvanceToAsync(Monday(12));
        var john = await _host.JoinedAsync("John", "eng_john", "en");
        var second = await _host.FiledAsync(john, "Acme Ltd", 2500m);
        await _host.AdvanceToAsync(Monday(15));

        var inbox = await _host.SaysAsync(_igor, "/inbox");

        Assert.Equal(
            "📥 Ждут вас (2), сначала самые давние:\n"
            + $"1. ЗО-2026-0001 · ООО Ромашка · {Rub(150000m)} · Руководитель отдела · ждёт 5 раб. ч.\n"
            + $"2. ЗО-2026-0002 · Acme Ltd · {Rub(2500m)} · Руководитель отдела · ждёт 3 раб. ч.",
            inbox.Text);
        Assert.Equal([["ЗО-2026-0001", "ЗО-2026-0002"]], ButtonTexts(inbox));
        Assert.Equal([$"ap:{first.Id}:0:s", $"ap:{second.Id}:0:s"], inbox.Buttons.Select(b => b.CallbackData));
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task Inbox_of_a_substitute_shows_whom_they_stand_in_for_and_the_absent_head_has_none()
    {
        await _host.FiledAsync(_olga, "ООО Ромашка", 150000m);
        var john = await _host.JoinedAsync("John", "eng_john", "en");
        await _host.SaysAsync(_igor, "/away 25.11 @eng_john");
        await _host.IdleAsync();

        var johnsInbox = await _host.SaysAsync(john, "/inbox");
        var igorsInbox = await _host.SaysAsync(_igor, "/inbox");

        Assert.Equal(
            "📥 Waiting for you (1), oldest first:\n"
            + $"1. ЗО-2026-0001 · ООО Ромашка · {Rub(150000m, Lang.En)} · Руководитель отдела · waiting under an hour"
            + " · standing in for Игорь Начальников",
            johnsInbox.Text);
        Assert.Equal("📭 Сейчас ничего не ждёт вашего решения. Я напишу, когда что-то появится.", igorsInbox.Text);
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task An_empty_inbox_says_nothing_is_waiting()
    {
        var inbox = await _host.SaysAsync(_igor, "/inbox");

        Assert.Equal("📭 Сейчас ничего не ждёт вашего решения. Я напишу, когда что-то появится.", inbox.Text);
        Assert.Empty(inbox.InlineKeyboard);
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task My_requests_show_where_each_one_stands_newest_first()
    {
        var waiting = await _host.FiledAsync(_olga, "ООО Ромашка", 150000m);
        var approved = await _host.FiledAsync(_olga, "ООО Лютик", 70000m);
        var rejected = await _host.FiledAsync(_olga, "ИП Петров", 20000m);
        await _host.DecidedAsync(approved, _igor, StepDecision.Approve);
        await _host.DecidedAsync(rejected, _igor, StepDecision.Reject, "Нет бюджета");

        var my = await _host.SaysAsync(_olga, "/my");

        Assert.Equal(
            "🗂 Ваши заявки, сначала новые:\n"
            + $"1. ЗО-2026-0003 · ИП Петров · {Rub(20000m)} · отклонена\n"
            + $"2. ЗО-2026-0002 · ООО Лютик · {Rub(70000m)} · на шаге «Финансовый менеджер» — Мария Финансова\n"
            + $"3. ЗО-2026-0001 · ООО Ромашка · {Rub(150000m)} · на шаге «Руководитель отдела» — Игорь Начальников",
            my.Text);
        Assert.Equal([$"ap:{rejected.Id}:0:s", $"ap:{approved.Id}:0:s", $"ap:{waiting.Id}:0:s"], my.Buttons.Select(b => b.CallbackData));
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task My_requests_when_there_are_none_point_to_pay()
    {
        var my = await _host.SaysAsync(_olga, "/my");

        Assert.Equal("У вас пока нет заявок. Новая заявка на оплату — /pay.", my.Text);
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task Request_shows_the_card_with_the_whole_timeline_whatever_the_case_of_the_number()
    {
        var request = await _host.FiledAsync(_olga, "ООО Ромашка", 150000m);
        _host.Time.SetUtcNow(Monday(11, 30)); // no timer is due before 14:00
        await _host.DecidedAsync(request, _igor, StepDecision.Approve);

        var card = await _host.SaysAsync(_olga, "/request зо-2026-0001");

        Assert.Equal(
            $"""
            📄 Заявка на оплату ЗО-2026-0001
            Инициатор: Ольга Сотрудникова (Отдел продаж)
            Контрагент: ООО Ромашка
            Сумма: {Rub(150000m)}
            Статья расходов: Реклама
            Файлы: invoice.pdf
            Статус: на шаге «Финансовый менеджер» — Мария Финансова

            История:
            • 23.11 10:00 Ольга Сотрудникова: подана
            • 23.11 11:30 Игорь Начальников: согласовано [Руководитель отдела]
            """,
            card.Text);
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task Request_reads_in_english_for_an_english_speaker()
    {
        var john = await _host.JoinedAsync("John", "eng_john", "en");
        await _host.FiledAsync(john, "Acme Ltd", 2500m);

        var card = await _host.SaysAsync(john, "/request ЗО-2026-0001");

        Assert.Equal(
            $"""
            📄 Payment request ЗО-2026-0001
            Initiator: John Smith (Отдел продаж)
            Counterparty: Acme Ltd
            Amount: {Rub(2500m, Lang.En)}
            Cost item: Реклама
            Files: invoice.pdf
            Status: at step "Руководитель отдела": Игорь Начальников

            History:
            • 23.11 10:00 John Smith: submitted
            """,
            card.Text);
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task Request_is_refused_to_an_uninvolved_colleague_and_shown_to_the_finance_manager()
    {
        await _host.FiledAsync(_olga, "ООО Ромашка", 150000m);
        var john = await _host.JoinedAsync("John", "eng_john", "en");
        var maria = await _host.JoinedAsync("Мария", "fin_maria");

        var refused = await _host.SaysAsync(john, "/request ЗО-2026-0001");
        var shown = await _host.SaysAsync(maria, "/request ЗО-2026-0001");

        Assert.Equal("You cannot see ЗО-2026-0001: it has not passed through you.", refused.Text);
        Assert.StartsWith("📄 Заявка на оплату ЗО-2026-0001\n", shown.Text);
        Assert.EndsWith("История:\n• 23.11 10:00 Ольга Сотрудникова: подана", shown.Text);
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task Request_with_an_unknown_number_says_there_is_no_such_request()
    {
        var answer = await _host.SaysAsync(_olga, "/request ЗО-2026-9999");

        Assert.Equal("Такой заявки нет.", answer.Text);
    }

    [Fact]
    public async Task Find_by_part_of_the_counterparty_lists_the_visible_matches_newest_first()
    {
        var first = await _host.FiledAsync(_olga, "ООО Ромашка", 150000m);
        await _host.FiledAsync(_olga, "ИП Петров", 20000m);
        var third = await _host.FiledAsync(_olga, "Ромашка-Сервис", null);
        var john = await _host.JoinedAsync("John", "eng_john", "en");
        await _host.FiledAsync(john, "Ромашка Трейд", 5000m); // John's: Olga may not see it

        var found = await _host.SaysAsync(_olga, "/find ромаш");

        Assert.Equal(
            "🔎 Найдено по «ромаш», сначала новые:\n"
            + "1. ЗО-2026-0003 · Ромашка-Сервис · на шаге «Руководитель отдела» — Игорь Начальников\n"
            + $"2. ЗО-2026-0001 · ООО Ромашка · {Rub(150000m)} · на шаге «Руководитель отдела» — Игорь Начальников",
            found.Text);
        Assert.Equal([$"ap:{third.Id}:0:s", $"ap:{first.Id}:0:s"], found.Buttons.Select(b => b.CallbackData));
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task Find_by_a_lower_case_number_finds_that_request()
    {
        await _host.FiledAsync(_olga, "ООО Ромашка", 150000m);
        await _host.FiledAsync(_olga, "ИП Петров", 20000m);

        var found = await _host.SaysAsync(_olga, "/find зо-2026-0002");

        Assert.Equal(
            "🔎 Найдено по «зо-2026-0002», сначала новые:\n"
            + $"1. ЗО-2026-0002 · ИП Петров · {Rub(20000m)} · на шаге «Руководитель отдела» — Игорь Начальников",
            found.Text);
        Assert.Equal([["ЗО-2026-0002"]], ButtonTexts(found));
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task Find_with_no_match_repeats_what_was_searched()
    {
        await _host.FiledAsync(_olga, "ООО Ромашка", 150000m);

        var found = await _host.SaysAsync(_olga, "/find Лютик");

        Assert.Equal("По запросу «Лютик» ничего не нашлось. Проверьте номер или напишите часть названия контрагента.", found.Text);
        _host.AssertNoInvalidCalls();
    }

    [Theory]
    [InlineData("/request", "Использование: /request НОМЕР — например, /request ЗО-2026-0001")]
    [InlineData("/find", "Использование: /find ТЕКСТ — номер заявки или часть названия контрагента, например /find Ромашка")]
    public async Task Commands_without_their_argument_explain_their_usage(string command, string expected)
    {
        var answer = await _host.SaysAsync(_olga, command);

        Assert.Equal(expected, answer.Text);
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task Requests_are_not_listed_in_a_group()
    {
        await _host.FiledAsync(_olga, "ООО Ромашка", 150000m);
        var group = _host.Tg.CreateGroup("Продажи", _olga, _igor);

        _host.Tg.SendText(_igor, group, "/inbox");
        var answer = await _host.Tg.WaitForBotMessageAsync(group);

        Assert.Equal("Заявки показываю только в личном чате — напишите мне туда.", answer.Text);
        Assert.DoesNotContain("Ромашка", answer.Text);
    }
}
