using BotPlatform.Core.Documents;
using BotPlatform.Core.Projects;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Finance;

/// <summary>Clients, deals and projects stored directly: the ledger tests need them to exist, not to be made in a dialog.</summary>
public static class LedgerArrange
{
    public static async Task<Client> ClientAsync(this BotHost host, string name, string inn)
    {
        var client = new Client { Country = "RU", LegalName = name, Inn = inn };
        await host.Get<IClientStore>().InsertAsync(client, default);
        return client;
    }

    public static async Task<Deal> DealAsync(this BotHost host, Client client, string number, decimal total)
    {
        var deal = new Deal { Number = number, ClientId = client.Id, Lines = [new DealLine { ServiceCode = "smm", Description = "Услуги", Quantity = 1, Unit = "усл.", Price = total }] };
        await host.Get<IDealStore>().InsertAsync(deal, default);
        return deal;
    }

    public static async Task<Project> ProjectAsync(this BotHost host, Client client, string number, string title, Deal? deal = null,
        decimal? retainer = null, IReadOnlyList<Deal>? upsells = null, DateOnly? start = null)
    {
        var project = new Project
        {
            Number = number, Title = title, ClientId = client.Id, TemplateCode = "smm", PmId = 1, DealId = deal?.Id, Retainer = retainer,
            UpsellDealIds = [.. (upsells ?? []).Select(d => d.Id)], StartDate = start ?? new DateOnly(2026, 11, 1),
        };
        await host.Get<IProjectStore>().InsertAsync(project, default);
        return project;
    }
}
