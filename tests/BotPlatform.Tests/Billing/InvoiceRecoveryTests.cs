using BotPlatform.Core.Billing;
using BotPlatform.Core.Billing.Invoicing;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.Projects;
using BotPlatform.Core.Timers;
using BotPlatform.Testing;
using BotPlatform.Tests.Projects;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Billing;

/// <summary>
/// Nothing is lost between the client's approval and the invoice, on both engines: a report approved by a unit of work
/// whose invoicing never ran (the host died between the two) is invoiced by the timer sweep once its grace has passed -
/// after a restart, exactly once, with the PM told once; two sweeps at once (two replicas on PostgreSQL) make one deal.
/// </summary>
public abstract class InvoiceRecoveryTests(StorageEngine engine) : IAsyncLifetime
{
    public sealed class LiteDb() : InvoiceRecoveryTests(StorageEngine.LiteDb);
    public sealed class Postgres() : InvoiceRecoveryTests(StorageEngine.Postgres);

    private BotHost _host = null!;
    private FakeUser _pm = null!, _client = null!;
    private FakeChat _group = null!;
    private Project _project = null!;

    public async Task InitializeAsync()
    {
        _host = await BillingArrange.StartAsync(engine);
        _pm = await _host.JoinedAsync("Катя", "pm_kate");
        _client = _host.Tg.CreateUser("Ирина", "irina_romashka");
        (_project, _) = await _host.NovemberWorkAsync();
        _group = _host.Tg.CreateGroup("Ромашка × Агентство", _pm, _client);
        _host.Tg.SendText(_pm, _group, "/link PRJ-0001");
        await _host.CardAsync(_group, "Здравствуйте! Этот чат");
        _host.Tg.SendText(_client, _group, "Здравствуйте!");
        await _host.IdleAsync();
        var card = await _host.SaysAsync(_pm, "/report new PRJ-0001 11.2026");
        await _host.CardAsync(_pm.PrivateChat, "Задачи отчёта", after: card.MessageId);
        await _host.PressWhenShownAsync(_pm, card, "📤 Отправить клиенту");
        await _host.CardAsync(_group, "📊 Отчёт о выполненных работах");
        await _host.IdleAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<BillingReport> ReportAsync() => (await _host.Get<IBillingReportStore>().FindByNumberAsync("ОТЧ-2026-0001", default))!;

    /// <summary>The crash: the client's approval is stored (its unit of work committed), the invoicing after it never runs.</summary>
    private async Task ApprovedWithoutInvoiceAsync()
    {
        var approved = await _host.Get<ReportSharing>().ApproveAsync((await ReportAsync()).Id, new GroupActor(_client.Id, "Ирина", null),
            new Outgoing("lost-with-the-crash", _host.Time), default);
        Assert.True(approved.IsOk);
    }

    private IReadOnlyList<FakeMessage> InvoicedNotices() =>
        _host.Tg.BotMessages(_pm.PrivateChat).Where(m => m.Text?.StartsWith("🧾 Отчёт ОТЧ-2026-0001 согласован", StringComparison.Ordinal) == true).ToList();

    private async Task<IReadOnlyList<Document>> InvoicesAsync() =>
        (await _host.Get<IDocumentStore>().ByClientAsync(_project.ClientId, default)).Where(d => d.Kind == DocumentsDefinition.Invoice).ToList();

    [Fact]
    public async Task A_report_approved_before_a_crash_is_invoiced_once_after_the_restart_and_the_pm_is_told_once()
    {
        await ApprovedWithoutInvoiceAsync();
        var stopped = await ReportAsync();
        await _host.StopAsync();

        _host.Time.Advance(BillingReport.InvoiceGrace + TimeSpan.FromSeconds(1));
        await _host.RestartAsync(); // Quartz sweeps once at start
        var notice = await _host.CardAsync(_pm.PrivateChat, "🧾 Отчёт ОТЧ-2026-0001 согласован");
        var invoicePdf = await _host.CardAsync(_pm.PrivateChat, "Счёт на оплату СЧ-2026-0001");
        await _host.AdvanceToAsync(_host.Time.GetUtcNow().AddMinutes(5));
        await _host.Get<TimerSweep>().RunAsync(default);
        await _host.IdleAsync();

        Assert.Equal(ReportStatus.Approved, stopped.Status);
        Assert.Equal(stopped.ApprovedAt + BillingReport.InvoiceGrace, stopped.InvoiceDueAt);
        Assert.Null(stopped.Billing);
        var report = await ReportAsync();
        Assert.Equal(ReportStatus.Invoiced, report.Status);
        Assert.Null(report.InvoiceDueAt);
        Assert.Equal("СЧ-2026-0001", report.Billing!.InvoiceNumber);
        Assert.StartsWith("🧾 Отчёт ОТЧ-2026-0001 согласован: создана сделка СДЛ-2026-0001, счёт СЧ-2026-0001", notice.Text!.Plain());
        Assert.EndsWith(".pdf", invoicePdf.Document!.FileName);
        Assert.Single(InvoicedNotices());
        Assert.Single(await _host.Get<IDealStore>().ByClientAsync(_project.ClientId, default));
        Assert.Single(await InvoicesAsync());
    }

    [Fact]
    public async Task Before_its_grace_has_passed_the_sweep_leaves_an_approved_report_to_the_approval()
    {
        await ApprovedWithoutInvoiceAsync();

        var fired = await _host.Get<ReportInvoiceRecovery>().FireDueAsync(_host.Time.GetUtcNow().AddSeconds(30), default);

        Assert.Equal(0, fired);
        Assert.Equal(ReportStatus.Approved, (await ReportAsync()).Status);
        Assert.Empty(await _host.Get<IDealStore>().ByClientAsync(_project.ClientId, default));
    }

    [Fact]
    public async Task Two_sweeps_at_once_at_two_hosts_make_one_deal_and_one_invoice()
    {
        await ApprovedWithoutInvoiceAsync();
        await using var replica = engine == StorageEngine.Postgres ? _host.StartReplica() : null;
        var due = _host.Time.GetUtcNow() + BillingReport.InvoiceGrace;

        var fired = await Task.WhenAll(
            Task.Run(() => _host.Get<ReportInvoiceRecovery>().FireDueAsync(due, default)),
            Task.Run(() => (replica ?? _host).Get<ReportInvoiceRecovery>().FireDueAsync(due, default)));
        await _host.CardAsync(_pm.PrivateChat, "🧾 Отчёт ОТЧ-2026-0001 согласован");
        await _host.IdleAsync();

        Assert.Equal(1, fired.Sum());
        Assert.Equal(ReportStatus.Invoiced, (await ReportAsync()).Status);
        Assert.Single(await _host.Get<IDealStore>().ByClientAsync(_project.ClientId, default));
        Assert.Single(await InvoicesAsync());
        Assert.Single(InvoicedNotices());
    }

    [Fact]
    public async Task An_approval_invoiced_at_once_leaves_nothing_for_the_sweep()
    {
        var message = _host.Tg.BotMessages(_group).Last(m => m.Text?.StartsWith("📊 Отчёт о выполненных работах", StringComparison.Ordinal) == true);

        await _host.PressesAsync(_client, message, "✅ Согласовать отчёт");
        await _host.CardAsync(_pm.PrivateChat, "🧾 Отчёт ОТЧ-2026-0001 согласован");
        await _host.AdvanceToAsync(_host.Time.GetUtcNow() + BillingReport.InvoiceGrace + TimeSpan.FromMinutes(1));

        Assert.Equal(ReportStatus.Invoiced, (await ReportAsync()).Status);
        Assert.Single(await _host.Get<IDealStore>().ByClientAsync(_project.ClientId, default));
        Assert.Single(InvoicedNotices());
    }
    [Fact]
    public async Task An_invoicing_that_fails_tells_the_pm_once_and_is_tried_again_the_next_working_morning()
    {
        var clients = _host.Get<IClientStore>();
        var client = (await clients.GetAsync(_project.ClientId, default))!;
        var address = client.LegalAddress;
        client.LegalAddress = "";
        Assert.True(await clients.TryUpdateAsync(client, default));
        await ApprovedWithoutInvoiceAsync();
        var due = _host.Time.GetUtcNow() + BillingReport.InvoiceGrace;
        var recovery = _host.Get<ReportInvoiceRecovery>();

        var first = await recovery.FireDueAsync(due, default);
        var warning = await _host.CardAsync(_pm.PrivateChat, "⚠️ Отчёт ОТЧ-2026-0001 согласован, но счёт не выставлен");
        var again = await recovery.FireDueAsync(due.AddMinutes(30), default);
        var postponed = await ReportAsync();
        client = (await clients.GetAsync(_project.ClientId, default))!;
        client.LegalAddress = address;
        Assert.True(await clients.TryUpdateAsync(client, default));
        var morning = await recovery.FireDueAsync(postponed.InvoiceDueAt!.Value, default);
        await _host.CardAsync(_pm.PrivateChat, "🧾 Отчёт ОТЧ-2026-0001 согласован");
        await _host.IdleAsync();

        Assert.Equal((1, 0, 1), (first, again, morning));
        Assert.Contains("не хватает реквизитов", warning.Text);
        Assert.EndsWith("в начале следующего рабочего дня я попробую выставить счёт снова.", warning.Text);
        Assert.Equal(ReportStatus.Approved, postponed.Status);
        Assert.True(postponed.InvoiceDueAt > due.AddHours(12));
        Assert.Single(_host.Tg.BotMessages(_pm.PrivateChat), m => m.Text?.StartsWith("⚠️ Отчёт ОТЧ-2026-0001", StringComparison.Ordinal) == true);
        Assert.Equal(ReportStatus.Invoiced, (await ReportAsync()).Status);
        Assert.Single(await InvoicesAsync());
    }
}
