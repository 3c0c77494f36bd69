using BotPlatform.Core.Approvals;
using BotPlatform.Core.Common;
using BotPlatform.Core.Finance;
using BotPlatform.Core.Finance.Ledger;
using BotPlatform.Core.Messaging;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Tests.Finance;

/// <summary>Entries nobody types: income for every invoice payment, an expense when a payment request is paid.</summary>
public abstract class AutomaticEntriesTests(StorageEngine storage) : IAsyncLifetime
{
    public sealed class LiteDb() : AutomaticEntriesTests(StorageEngine.LiteDb);

    public sealed class Postgres() : AutomaticEntriesTests(StorageEngine.Postgres);

    private static readonly TimeSpan Msk = TimeSpan.FromHours(3);
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync(storage: storage);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<IReadOnlyList<LedgerEntry>> EntriesAsync() =>
        _host.Get<ILedgerStore>().BetweenAsync(DateOnly.MinValue, DateOnly.MaxValue, default);

    /// <summary>What /paid does (built on another branch): every registered handler, inside the payment's unit of work.</summary>
    private async Task PaidAsync(InvoicePayment payment, bool failAfterwards = false) =>
        await _host.Get<IUnitOfWork>().RunAsync(async () =>
        {
            foreach (var handler in _host.Services.GetServices<IInvoicePaymentHandler>()) await handler.OnPaidAsync(payment, default);
            if (failAfterwards) throw new InvalidOperationException("the payment's own write failed");
            return true;
        }, default);

    [Fact]
    public async Task Each_invoice_payment_is_income_from_the_client_for_its_project_partial_payments_each_once()
    {
        var client = await _host.ClientAsync("ООО «Ромашка»", "7736207543");
        var project = await _host.ProjectAsync(client, "PRJ-0001", "SMM Ромашка");
        var first = new InvoicePayment(11, "СЧ-2026-0007", client.Id, 5, project.Id, 60_000m, "RUB", new DateOnly(2026, 11, 20), 4, Settled: false);

        await PaidAsync(first);
        await PaidAsync(first with { Amount = 40_000.50m, PaidOn = new DateOnly(2026, 11, 25), Settled = true });

        var entries = await EntriesAsync();
        Assert.Equal([(new DateOnly(2026, 11, 20), 60_000m), (new DateOnly(2026, 11, 25), 40_000.50m)], entries.Select(e => (e.Date, e.Amount)));
        Assert.All(entries, e => Assert.Equal((LedgerKind.Income, "services", project.Id, client.Id, "ООО «Ромашка»", "invoice:СЧ-2026-0007", 4L),
            (e.Kind, e.Category, e.ProjectId!.Value, e.ClientId!.Value, e.Counterparty, e.Source, e.EnteredBy)));
    }

    [Fact]
    public async Task A_payment_whose_unit_of_work_fails_leaves_no_income()
    {
        var payment = new InvoicePayment(11, "СЧ-2026-0008", null, null, null, 1_000m, "RUB", new DateOnly(2026, 11, 20), 4, Settled: true);

        await Assert.ThrowsAsync<InvalidOperationException>(() => PaidAsync(payment, failAfterwards: true));

        Assert.Empty(await EntriesAsync());
    }

    [Fact]
    public async Task A_payment_request_paid_with_its_payment_order_attached_becomes_an_expense_of_its_cost_item_and_project()
    {
        var p = await ApprovalPeople.JoinAsync(_host);
        var client = await _host.ClientAsync("ООО «Ромашка»", "7736207543");
        var project = await _host.ProjectAsync(client, "PRJ-0001", "SMM Ромашка");
        var invoice = await _host.SentFileAsync(p.Olga);
        var draft = new RequestDraft(RequestKind.Payment, "ООО Таргет", 45_000m, "RUB", "ads", null, null, null, [invoice], ProjectId: project.Id);
        var request = (await _host.Get<ApprovalEngine>().SubmitAsync(draft, await _host.PersonAsync(p.Olga),
            new Outgoing($"test:{Guid.NewGuid():N}", _host.Time), null, default)).Value!;
        await _host.IdleAsync();
        await _host.DecidedAsync(request, p.Igor, StepDecision.Approve);
        await _host.DecidedAsync(request, p.Maria, StepDecision.Approve);
        await _host.AdvanceToAsync(new DateTimeOffset(2026, 11, 24, 9, 0, 0, Msk));
        var register = _host.BotSaid(p.Chief, "💳 Реестр платежей").Single(m => m.Text is not null);
        Assert.Empty(await EntriesAsync());

        var paid = await _host.PressesAsync(p.Chief, register, "💳 Оплачено " + request.Number);
        await _host.IdleAsync();
        var notYet = await EntriesAsync();
        var attach = await _host.Tg.WaitForBotMessageAsync(p.Nina.PrivateChat,
            m => m.Text?.Contains(request.Number, StringComparison.Ordinal) == true && m.Button("📎 Приложить файл") is not null);
        await _host.PressesAsync(p.Nina, attach, "📎 Приложить файл");
        await _host.Tg.WaitForBotMessageAsync(p.Nina.PrivateChat, m => m.ForceReply);
        _host.Tg.SendDocument(p.Nina, p.Nina.PrivateChat, "pp-118.pdf", "%PDF payment order"u8.ToArray(), "application/pdf");
        await _host.Tg.WaitForBotMessageAsync(p.Olga.PrivateChat, m => m.Text?.StartsWith("💸 " + request.Number + " оплачена", StringComparison.Ordinal) == true);
        await _host.IdleAsync();

        Assert.Equal("Принято: " + request.Number, paid.Text);
        Assert.Empty(notYet);
        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal((LedgerKind.Expense, new DateOnly(2026, 11, 24), 45_000m, "RUB", "ads", CostNature.Variable),
            (entry.Kind, entry.Date, entry.Amount, entry.Currency, entry.Category, entry.Nature));
        Assert.Equal((project.Id, client.Id, "ООО Таргет", "request:" + request.Number),
            (entry.ProjectId!.Value, entry.ClientId!.Value, entry.Counterparty, entry.Source));
        _host.AssertNoInvalidCalls();
    }
}
