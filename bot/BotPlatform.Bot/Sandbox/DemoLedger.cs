using BotPlatform.Core.Documents.Clients;
using BotPlatform.Core.Finance.Ledger;
using BotPlatform.Core.People;
using BotPlatform.Core.Projects;

namespace BotPlatform.Bot.Sandbox;

/// <summary>
/// A few income and expense entries for the demo client's projects (and an office rent with no project), so /pnl
/// shows a table, its workbook and its chart at once. Runs after the demo projects exist, once (entries mean done).
/// </summary>
public sealed class DemoLedger(
    ClientRegistry clients,
    IProjectStore projects,
    ILedgerStore ledger,
    Organisation organisation,
    TimeProvider time) : IHostedLifecycleService
{
    public async Task StartedAsync(CancellationToken ct)
    {
        var today = organisation.Calendar.LocalDate(time.GetUtcNow());
        if ((await ledger.BetweenAsync(today.AddYears(-1), today.AddYears(1), ct)).Count > 0) return;
        if (await clients.FindByTaxIdAsync(DemoRecords.Client().Inn!, ct) is not { } client) return;
        var own = await projects.ByClientAsync(client.Id, ct);
        if (own.Count == 0) return;
        var currency = organisation.Definition.Currency;
        var first = today.AddDays(1 - today.Day);
        LedgerEntry Entry(LedgerKind kind, int day, decimal amount, string category, Project? project, string counterparty) => new()
        {
            Kind = kind, Date = first.AddDays(Math.Min(day, today.Day) - 1), Amount = amount, Currency = currency, Category = category,
            Nature = organisation.Ledger.IsFixedCost(category) ? CostNature.Fixed : CostNature.Variable, ProjectId = project?.Id,
            ClientId = project?.ClientId, Counterparty = counterparty, Comment = "демо", EnteredBy = project?.PmId ?? 0, EnteredAt = time.GetUtcNow(),
        };
        var main = own[0];
        var second = own.Count > 1 ? own[1] : null;
        List<LedgerEntry> entries =
        [
            Entry(LedgerKind.Income, 2, 120_000m, "services", main, client.LegalName),
            Entry(LedgerKind.Income, 3, 50_000m, "ad_budget", main, client.LegalName),
            Entry(LedgerKind.Expense, 4, 45_000m, "ads", main, "ООО «Таргет»"),
            Entry(LedgerKind.Expense, 5, 28_500m, "contractors", main, "ИП Дизайнер"),
            Entry(LedgerKind.Expense, 1, 30_000m, "office", null, "ООО «Бизнес-центр»"),
        ];
        if (second is not null)
        {
            entries.Add(Entry(LedgerKind.Income, 2, 60_000m, "services", second, client.LegalName));
            entries.Add(Entry(LedgerKind.Expense, 3, 12_000m, "software", second, "JetBrains s.r.o."));
        }
        foreach (var entry in entries) await ledger.InsertAsync(entry, ct);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
