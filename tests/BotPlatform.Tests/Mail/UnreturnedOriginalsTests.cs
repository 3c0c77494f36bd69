using BotPlatform.Core.Documents;
using BotPlatform.Core.Printing;
using BotPlatform.Testing;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Documents;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Mail;

/// <summary>Originals sent and not back: the manager's reminder after N working days, then weekly; Monday's list; /unreturned.</summary>
public abstract class UnreturnedOriginalsTests(StorageEngine storage) : IAsyncLifetime
{
    public sealed class LiteDb() : UnreturnedOriginalsTests(StorageEngine.LiteDb);

    public sealed class Postgres() : UnreturnedOriginalsTests(StorageEngine.Postgres);

    private const string Contract = "Д-2026-0001";
    private const string Reminder = "⏰ Оригинал не вернулся: Договор оказания услуг Д-2026-0001";
    private const string List = "📮 Не вернулись оригиналы";
    private BotHost _host = null!;
    private ApprovalPeople _p = null!;
    private FakeUser _vera = null!;

    /// <summary>Moscow 10:00 on a date of November/December 2026.</summary>
    private static DateTimeOffset Msk(int month, int day, int hour = 10, int minute = 0) => new(2026, month, day, hour - 3, minute, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync(storage: storage);
        _p = await ApprovalPeople.JoinAsync(_host);
        _vera = await _host.JoinedAsync("Вера", "office_vera");
        await _host.DealAsync("СДЛ-2026-0001", await _host.ClientAsync(), _p.Olga, VatMode.None, 0, DocumentArrange.Line("design", 10, 3_500m));
        await _host.SaysAsync(_p.Olga, "/generate СДЛ-2026-0001", m => m.Text?.Contains("сформированы") == true);
        await _host.SaysAsync(_p.Olga, $"/doc {Contract} submit", m => m.Text?.StartsWith("📤") == true);
        var queue = _host.Get<PrintQueue>();
        var job = await queue.ClaimAsync(PrintJob.DocumentsPrinter, "office-1", TimeSpan.FromMinutes(2), default);
        await queue.AckPrintedAsync(job!.Id, "office-1", default);
        var code = (await _host.DocAsync(Contract)).Code;
        await _host.SaysAsync(_vera, $"/scan out {code}", m => m.Text?.Contains("✅") == true);
        await _host.IdleAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_manager_is_reminded_once_after_ten_working_days_then_weekly()
    {
        await _host.AdvanceToAsync(Msk(12, 7, 9, 59));
        var early = _host.BotSaid(_p.Olga, Reminder).Count;
        await _host.AdvanceToAsync(Msk(12, 7));
        await _host.AdvanceToAsync(Msk(12, 8));
        await _host.AdvanceToAsync(Msk(12, 11, 18));
        var afterFirstWeek = _host.BotSaid(_p.Olga, Reminder).Count;
        await _host.AdvanceToAsync(Msk(12, 14));

        Assert.Equal(0, early);
        Assert.Equal(1, afterFirstWeek);
        var reminders = _host.BotSaid(_p.Olga, Reminder);
        Assert.Equal(2, reminders.Count);
        Assert.Equal("⏰ Оригинал не вернулся: Договор оказания услуг Д-2026-0001 (ООО «Ромашка») отправлен 23.11.2026, прошло 10 раб. дн. " +
            "Напомните клиенту вернуть подписанный экземпляр.", reminders[0].Text);
        Assert.Contains("прошло 15 раб. дн.", reminders[1].Text);
    }

    [Fact]
    public async Task A_returned_original_is_no_longer_chased()
    {
        var code = (await _host.DocAsync(Contract)).Code;
        await _host.SaysAsync(_vera, $"/scan in {code}", m => m.Text?.Contains("✅") == true);

        await _host.AdvanceToAsync(Msk(12, 14));

        Assert.Empty(_host.BotSaid(_p.Olga, Reminder));
        Assert.Null((await _host.DocAsync(Contract)).PaperDueAt);
        Assert.Empty(_host.BotSaid(_vera, List));
    }

    [Fact]
    public async Task Every_monday_the_office_manager_and_the_ops_manager_get_the_list_by_age_and_client()
    {
        await _host.AdvanceToAsync(Msk(11, 30, 8, 59));
        var beforeMonday = _host.BotSaid(_vera, List).Count;
        await _host.AdvanceToAsync(Msk(11, 30, 9));
        await _host.AdvanceToAsync(Msk(12, 1));

        Assert.Equal(0, beforeMonday);
        var list = Assert.Single(_host.BotSaid(_vera, List));
        Assert.Equal("📮 Не вернулись оригиналы (1), по давности:\nООО «Ромашка»\n  • Договор оказания услуг Д-2026-0001 — отправлен 23.11.2026, 4 раб. дн.",
            list.Text);
        Assert.Single(_host.BotSaid(_p.Anna, List));
        Assert.Empty(_host.BotSaid(_p.Olga, List));
    }

    [Fact]
    public async Task Unreturned_shows_the_list_on_demand_and_a_manager_sees_their_own()
    {
        _host.Time.SetUtcNow(Msk(11, 25));

        var vera = await _host.SaysAsync(_vera, "/unreturned", m => m.Text?.StartsWith("📮") == true);
        var olga = await _host.SaysAsync(_p.Olga, "/unreturned", m => m.Text?.StartsWith("📮") == true);
        var john = await _host.SaysAsync(_p.John, "/unreturned");

        Assert.Contains("Д-2026-0001 — отправлен 23.11.2026, 2 раб. дн.", vera.Text);
        Assert.Equal(vera.Text, olga.Text);
        Assert.Equal("✅ Every original sent has come back.", john.Text);
    }
}
