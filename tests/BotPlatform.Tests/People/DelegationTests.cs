using BotPlatform.Core.Audit;
using BotPlatform.Core.People;
using BotPlatform.Testing;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.People;

public sealed class DelegationTests : IAsyncLifetime
{
    private BotHost _host = null!;
    private FakeUser _olga = null!;
    private FakeUser _igor = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync(); // Monday 23.11.2026, 10:00 Moscow
        _olga = await _host.JoinedAsync("Ольга", "emp_olga");
        _igor = await _host.JoinedAsync("Игорь", "head_igor");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Away_routes_to_the_substitute_and_both_are_told()
    {
        var answer = await _host.SaysAsync(_olga, "/away 25.11 @head_igor");
        var toIgor = await _host.Tg.WaitForBotMessageAsync(_igor.PrivateChat, m => m.Text!.Contains("отсутствует"));
        var whoami = await _host.SaysAsync(_olga, "/whoami");

        Assert.Equal("Готово: до 25.11.2026 включительно ваши задачи получает Игорь Начальников. 26.11.2026 всё вернётся к вам.", answer.Text);
        Assert.Equal("Ольга Сотрудникова отсутствует до 25.11.2026 включительно. На это время вы замещаете его: новые задачи придут вам.", toIgor.Text);
        Assert.EndsWith("Отсутствую до 25.11.2026, замещает Игорь Начальников", whoami.Text);
        var olga = (await _host.Get<IPeopleStore>().FindByTelegramIdAsync(_olga.Id, default))!;
        var acting = await _host.Get<Delegation>().ActingForAsync(olga, default);
        Assert.Equal("head_igor", acting.Username);
    }

    [Fact]
    public async Task The_absence_ends_by_itself_after_the_last_day_and_fires_once()
    {
        await _host.SaysAsync(_olga, "/away 25.11 @head_igor");
        await _host.Tg.WaitForBotMessageAsync(_igor.PrivateChat, m => m.Text!.Contains("отсутствует"));

        await _host.AdvanceToAsync(new DateTimeOffset(2026, 11, 25, 20, 50, 0, TimeSpan.Zero)); // 23:50 Moscow, the last day
        var stillAway = (await _host.Get<IPeopleStore>().FindByTelegramIdAsync(_olga.Id, default))!.Away;
        await _host.AdvanceToAsync(new DateTimeOffset(2026, 11, 25, 21, 0, 0, TimeSpan.Zero)); // midnight Moscow
        var back = await _host.Tg.WaitForBotMessageAsync(_olga.PrivateChat, m => m.Text!.StartsWith("Отсутствие закончилось", StringComparison.Ordinal));
        var toIgor = await _host.Tg.WaitForBotMessageAsync(_igor.PrivateChat, m => m.Text!.Contains("вернулся"));
        await _host.AdvanceToAsync(new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero)); // more sweeps in the morning

        Assert.NotNull(stillAway);
        Assert.Equal("Отсутствие закончилось: ваши задачи снова приходят вам.", back.Text);
        Assert.Equal("Ольга Сотрудникова вернулся(ась): замещение закончено.", toIgor.Text);
        Assert.Single(_host.Tg.BotMessages(_olga.PrivateChat), m => m.Text == back.Text);
        Assert.Single(_host.Tg.BotMessages(_igor.PrivateChat), m => m.Text == toIgor.Text);
        var olga = (await _host.Get<IPeopleStore>().FindByTelegramIdAsync(_olga.Id, default))!;
        Assert.Null(olga.Away);
        var audit = await _host.Get<IAuditLog>().ForSubjectAsync($"person:{olga.Id}", default);
        Assert.Equal(["away:start", "away:end"], audit.Select(e => e.Action).Where(a => a.StartsWith("away", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Downtime_across_the_end_fires_it_once_when_the_host_is_back()
    {
        await _host.SaysAsync(_olga, "/away 24.11 @head_igor");
        await _host.Tg.WaitForBotMessageAsync(_igor.PrivateChat, m => m.Text!.Contains("отсутствует"));

        await _host.StopAsync();
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 6, 0, 0, TimeSpan.Zero));
        _host.Start(); // Quartz sweeps once at start
        await _host.Tg.WaitForBotMessageAsync(_olga.PrivateChat, m => m.Text!.StartsWith("Отсутствие закончилось", StringComparison.Ordinal));
        await _host.IdleAsync();
        await _host.RestartAsync();
        await _host.AdvanceToAsync(new DateTimeOffset(2026, 11, 27, 7, 0, 0, TimeSpan.Zero));

        Assert.Single(_host.Tg.BotMessages(_olga.PrivateChat), m => m.Text!.StartsWith("Отсутствие закончилось", StringComparison.Ordinal));
        Assert.Single(_host.Tg.BotMessages(_igor.PrivateChat), m => m.Text!.Contains("вернулся"));
    }

    [Fact]
    public async Task The_away_dialog_continues_after_a_restart()
    {
        var askDate = await _host.SaysAsync(_olga, "/away");
        await _host.RestartAsync();
        var askSubstitute = await _host.SaysAsync(_olga, "30.11");
        await _host.RestartAsync();
        var done = await _host.SaysAsync(_olga, "@head_igor");

        Assert.True(askDate.ForceReply);
        Assert.Equal("До какого дня включительно вас не будет? Например, 25.12 или 25.12.2026.", askDate.Text);
        Assert.Equal("Кто вас замещает? Пришлите @username коллеги.", askSubstitute.Text);
        Assert.StartsWith("Готово: до 30.11.2026 включительно", done.Text);
    }

    [Fact]
    public async Task Cancel_leaves_the_dialog_and_changes_nothing()
    {
        await _host.SaysAsync(_olga, "/away");

        var cancelled = await _host.SaysAsync(_olga, "/cancel");
        var after = await _host.SaysAsync(_olga, "30.11");
        var nothing = await _host.SaysAsync(_olga, "/cancel");

        Assert.Equal("Отменено.", cancelled.Text);
        Assert.Equal("Не понял сообщение. Список команд — /help.", after.Text);
        Assert.Equal("Отменять нечего.", nothing.Text);
        Assert.Null((await _host.Get<IPeopleStore>().FindByTelegramIdAsync(_olga.Id, default))!.Away);
    }

    [Theory]
    [InlineData("/away 31.02 @head_igor", "Не понимаю дату «31.02». Напишите, например, 25.12 или 25.12.2026.")]
    [InlineData("/away 20.11.2026 @head_igor", "Эта дата уже прошла. Укажите сегодняшнюю или будущую дату.")]
    [InlineData("/away 30.11 @nobody", "Не нашёл коллегу «@nobody». Пришлите @username сотрудника, который уже пользуется ботом.")]
    [InlineData("/away 30.11 @emp_olga", "Нельзя замещать самого себя. Укажите коллегу.")]
    [InlineData("/away 30.11 @fin_maria", "Мария Финансова ещё не подключился к боту и не может замещать.")]
    [InlineData("/away 30.11", "Использование: /away ДАТА @замещающий — например, /away 25.12 @petrov")]
    public async Task Wrong_away_input_gets_a_clear_answer_and_changes_nothing(string command, string expected)
    {
        var answer = await _host.SaysAsync(_olga, command);

        Assert.Equal(expected, answer.Text);
        Assert.Null((await _host.Get<IPeopleStore>().FindByTelegramIdAsync(_olga.Id, default))!.Away);
    }

    [Fact]
    public async Task A_wrong_date_in_the_dialog_asks_again()
    {
        await _host.SaysAsync(_olga, "/away");

        var wrong = await _host.SaysAsync(_olga, "когда-нибудь");
        var right = await _host.SaysAsync(_olga, "завтра");

        Assert.StartsWith("Не понимаю дату «когда-нибудь»", wrong.Text);
        Assert.Equal("Кто вас замещает? Пришлите @username коллеги.", right.Text);
    }
}
