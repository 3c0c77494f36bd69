using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Clients;
using BotPlatform.Core.Documents.Deals;
using BotPlatform.Core.Finance.Ledger;
using BotPlatform.Core.People;
using BotPlatform.Core.Projects;

namespace BotPlatform.Bot.Sandbox;

/// <summary>
/// A few income and expense entries for the demo client's projects (and an office rent with no project), and a second
/// deal of the client linked to PRJ-0001 as an upsell by its PM (as /project PRJ-0001 upsell does), so /pnl shows a
/// table with an upsell, its workbook and its chart at once. Runs after the demo projects exist, once (entries mean done).
/// </summary>
public sealed class DemoLedger(
    ClientRegistry clients,
    IProjectStore projects,
    ILedgerStore ledger,
    DealDesk deals,
    ProjectSales sales,
    IPeopleStore people,
    Organisation organisation,
    TimeProvider time,
    ILogger<DemoLedger> logger) : IHostedLifecycleService
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
            Entry(LedgerKind.Expense, 1, 30_000m, RentItem(), null, "ООО «Бизнес-центр»"),
        ];
        if (second is not null)
        {
            entries.Add(Entry(LedgerKind.Income, 2, 60_000m, "services", second, client.LegalName));
            entries.Add(Entry(LedgerKind.Expense, 3, 12_000m, "software", second, "JetBrains s.r.o."));
        }
        foreach (var entry in entries) await ledger.InsertAsync(entry, ct);
        await UpsellAsync(client, main, ct);
    }

    /// <summary>The office rent's cost item: the organisation's own (the demo file calls it office_rent), else the default's.</summary>
    private string RentItem() =>
        organisation.Approvals.CostItems.FirstOrDefault(c => c.Code.StartsWith("office", StringComparison.OrdinalIgnoreCase))?.Code ?? "office";

    private async Task UpsellAsync(Client client, Project project, CancellationToken ct)
    {
        if (await people.GetAsync(project.PmId, ct) is not { } pm || organisation.Documents.Services is not [_, ..] services) return;
        var service = services.Count > 2 ? services[2] : services[0];
        var deal = await deals.CreateAsync(new DealDraft(client.Id, [new DealLineDraft(service.Code, 1m)], VatMode.OnTop), pm, ct);
        if (deal.Value is not { } upsell)
        {
            logger.LogWarning("The demo upsell deal was refused: {Problem}", deal.Problem);
            return;
        }
        var linked = await sales.UpsellAsync(pm, project, upsell.Number, unlink: false, ct);
        if (!linked.IsOk) logger.LogWarning("The demo upsell was not linked: {Problem}", linked.Problem);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
