using BotPlatform.Core.Billing.Nudges;
using BotPlatform.Core.Projects;
using BotPlatform.Testing;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Projects;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Billing.Nudges;

/// <summary>
/// Payment nudges through the real host: the PM sets a monthly billing period with /project NUMBER billing, the clock moves,
/// the client's group is reminded 5 working days before the period ends (Friday 27.11.2026 is a holiday in the test calendar,
/// so November's reminder is due on Monday 23.11 at 09:00, not Tuesday 24.11), once, and not when the payment is in.
/// Written once, run on both storage engines.
/// </summary>
public abstract class PaymentNudgeTests(StorageEngine storage) : IAsyncLifetime
{
    public sealed class LiteDb() : PaymentNudgeTests(StorageEngine.LiteDb);

    public sealed class Postgres() : PaymentNudgeTests(StorageEngine.Postgres);

    private static readonly string Nudge = PaymentNudgeDefinition.Default.Text;
    private BotHost _host = null!;
    private FakeUser _pm = null!;
    private FakeChat _group = null!;

    /// <summary>Moscow wall-clock time (UTC+3) as an instant.</summary>
    private static DateTimeOffset Msk(int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.FromHours(3)).ToUniversalTime();

    public async Task InitializeAsync()
    {
        _host = await ProjectArrange.StartAsync(now: Msk(11, 16, 10), storage: storage); // Monday 16.11.2026
        _pm = await _host.JoinedAsync("Катя", "pm_kate");
        await _host.ProjectAsync();
        _group = _host.Tg.CreateGroup("Ромашка × Агентство", _pm, _host.Tg.CreateUser("Ирина", "irina_romashka"));
        _host.Tg.SendText(_pm, _group, "/link PRJ-0001");
        await _host.CardAsync(_group, "Здравствуйте! Этот чат");
        await _host.IdleAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private int NudgesInGroup() => _host.Tg.BotMessages(_group).Count(m => m.Text == Nudge);

    private IReadOnlyList<FakeMessage> ToPm() => [.. _host.Tg.BotMessages(_pm.PrivateChat).Where(m => m.Text?.StartsWith("💳 PRJ-0001", StringComparison.Ordinal) == true)];

    private async Task<Project> ProjectAsync() => (await _host.Get<IProjectStore>().FindByNumberAsync("PRJ-0001", default))!;

    [Fact]
    public async Task The_nudge_fires_five_working_days_before_the_end_across_a_holiday_once_and_the_pm_is_told()
    {
        var set = await _host.SaysAsync(_pm, "/project PRJ-0001 billing monthly 01.11.2026");

        await _host.AdvanceToAsync(Msk(11, 20, 18)); // Friday evening: six working days are left
        var onFriday = NudgesInGroup();
        await _host.AdvanceToAsync(Msk(11, 23, 8, 59)); // Monday, a minute before the working day
        var beforeOpening = NudgesInGroup();
        await _host.AdvanceToAsync(Msk(11, 23, 9)); // 23, 24, 25, 26 and 30 November are the last 5 working days
        var atOpening = NudgesInGroup();
        var pmTold = ToPm();
        await _host.AdvanceToAsync(Msk(11, 24, 9));
        await _host.AdvanceToAsync(Msk(11, 30, 17));
        await _host.AdvanceToAsync(Msk(12, 1, 9));
        var project = await ProjectAsync();

        Assert.Equal("💳 Проект PRJ-0001: период оплаты — ежемесячно, с 01.11.2026. Текущий период заканчивается 30.11.2026; "
            + "напоминание клиенту в группе — 23.11.2026 09:00, если оплата за следующий период ещё не поступит.", set.Text);
        Assert.Equal((0, 0, 1), (onFriday, beforeOpening, atOpening));
        Assert.Equal(1, NudgesInGroup());
        var told = Assert.Single(pmTold);
        Assert.Equal("💳 PRJ-0001 «SMM декабрь»: клиенту в группе отправлено напоминание об оплате — период заканчивается 30.11.2026, "
            + "оплаты за следующий период пока нет.\n\n«" + Nudge + "»", told.Text);
        Assert.Single(ToPm());
        Assert.Single(project.History, h => h.Action == ProjectActions.PaymentNudge);
        // December's: 25, 28, 29, 30 and 31 December are its last 5 working days.
        Assert.Equal((Msk(12, 25, 9), new DateOnly(2026, 12, 1)), (project.NextNudgeAt, project.NudgePeriodStart));
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task No_nudge_when_the_payment_for_the_coming_period_is_in_the_ledger()
    {
        var maria = await _host.JoinedAsync("Мария", "fin_maria");
        await _host.SaysAsync(_pm, "/project PRJ-0001 billing monthly 01.11.2026");
        await _host.SaysAsync(maria, "/income");
        await _host.SaysAsync(maria, "ООО «Ромашка»");
        var askCategory = await _host.SaysAsync(maria, "150 000");
        await _host.PressesForNextAsync(maria, askCategory, "Услуги");
        await _host.SaysAsync(maria, "20.11.2026");
        await _host.SaysAsync(maria, "prj-0001");
        var card = await _host.SaysAsync(maria, "Оплата за декабрь");
        await _host.PressesAsync(maria, card, "✅ Отправить");
        await _host.Tg.WaitUntilAsync(() => _host.Latest(card).Contains("записано", StringComparison.Ordinal));

        await _host.AdvanceToAsync(Msk(11, 23, 9));
        await _host.AdvanceToAsync(Msk(11, 30, 17));
        var project = await ProjectAsync();

        Assert.Equal(0, NudgesInGroup());
        Assert.Empty(ToPm());
        Assert.DoesNotContain(project.History, h => h.Action == ProjectActions.PaymentNudge);
        Assert.Equal(Msk(12, 25, 9), project.NextNudgeAt);
    }

    [Fact]
    public async Task Downtime_across_the_moment_sends_the_nudge_once_after_restart_never_twice()
    {
        await _host.SaysAsync(_pm, "/project PRJ-0001 billing monthly 01.11.2026");
        await _host.AdvanceToAsync(Msk(11, 20, 18));

        await _host.StopAsync();
        _host.Time.SetUtcNow(Msk(11, 23, 14));
        _host.Start();
        await _host.IdleAsync();
        var afterRestart = NudgesInGroup();
        await _host.RestartAsync();
        await _host.IdleAsync();
        await _host.AdvanceToAsync(Msk(11, 24, 9));

        Assert.Equal(1, afterRestart);
        Assert.Equal(1, NudgesInGroup());
        Assert.Single(ToPm());
        Assert.Single((await ProjectAsync()).History, h => h.Action == ProjectActions.PaymentNudge);
    }

    [Fact]
    public async Task Bad_input_and_people_without_the_right_get_a_localised_answer_and_change_nothing()
    {
        var olga = await _host.JoinedAsync("Ольга", "emp_olga");
        var john = await _host.JoinedAsync("John", "eng_john", "en");

        var unknown = await _host.SaysAsync(_pm, "/project PRJ-0099 billing monthly");
        var period = await _host.SaysAsync(_pm, "/project PRJ-0001 billing fortnightly");
        var week = await _host.SaysAsync(_pm, "/project PRJ-0001 billing 1w");
        var date = await _host.SaysAsync(_pm, "/project PRJ-0001 billing monthly 31.02.2026");
        var bare = await _host.SaysAsync(_pm, "/project PRJ-0001 billing");
        var employee = await _host.SaysAsync(olga, "/project PRJ-0001 billing monthly");
        var english = await _host.SaysAsync(john, "/project PRJ-0001 billing monthly");
        var project = await ProjectAsync();

        Assert.StartsWith("Проект PRJ-0099 не найден", unknown.Text, StringComparison.Ordinal);
        Assert.Equal("Не понял период «fortnightly». Можно: monthly (ежемесячно), quarterly (ежеквартально), 1m–12m (каждые N месяцев), 2w–26w (каждые N недель) или off.", period.Text);
        Assert.Equal("Не понял период «1w». Можно: monthly (ежемесячно), quarterly (ежеквартально), 1m–12m (каждые N месяцев), 2w–26w (каждые N недель) или off.", week.Text);
        Assert.Equal("Не понял дату начала периода «31.02.2026». Напишите, например, 01.12.2026.", date.Text);
        Assert.StartsWith("Как задать период оплаты: /project PRJ-0001 billing monthly", bare.Text, StringComparison.Ordinal);
        Assert.Equal("Период оплаты проекта задают его руководитель проекта, директор, операционный менеджер или администратор.", employee.Text);
        Assert.Equal("A project's billing period is set by its project manager, the director, the operations manager or an admin.", english.Text);
        Assert.Equal((null, null), (project.Billing, project.NextNudgeAt));
        Assert.DoesNotContain(project.History, h => h.Action == ProjectActions.BillingSet);
    }

    [Fact]
    public async Task The_director_sets_a_quarterly_period_and_switching_it_off_cancels_the_nudge()
    {
        var director = await _host.JoinedAsync("Сергей", "dir_sergey");

        var quarterly = await _host.SaysAsync(director, "/project 1 billing quarterly");
        var card = await _host.SaysAsync(_pm, "/project PRJ-0001");
        var off = await _host.SaysAsync(_pm, "/project PRJ-0001 billing off");
        await _host.AdvanceToAsync(Msk(12, 31, 12));

        // The quarter from 01.10 ends on 31.12: 25, 28, 29, 30 and 31 December are its last 5 working days.
        Assert.Equal("💳 Проект PRJ-0001: период оплаты — ежеквартально, с 01.10.2026. Текущий период заканчивается 31.12.2026; "
            + "напоминание клиенту в группе — 25.12.2026 09:00, если оплата за следующий период ещё не поступит.", quarterly.Text);
        Assert.Contains("\nПериод оплаты: ежеквартально, с 01.10.2026\n", card.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Период оплаты", (await _host.SaysAsync(_pm, "/project PRJ-0001")).Text, StringComparison.Ordinal);
        Assert.Equal("💳 Проект PRJ-0001: период оплаты отключён, напоминаний клиенту не будет.", off.Text);
        Assert.Equal(0, NudgesInGroup());
        Assert.Equal((null, null), ((await ProjectAsync()).Billing, (await ProjectAsync()).NextNudgeAt));
    }
}
