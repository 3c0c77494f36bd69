using System.Globalization;
using BotPlatform.Core.Documents;
using LiteDB;

namespace BotPlatform.Infrastructure.Storage;

/// <summary>Clients, unique by tax id (ИНН or УНП: their lengths never collide).</summary>
internal sealed class ClientStore : IClientStore
{
    private const string Name = LiteDbCollections.Clients;
    /// <summary>Names in Russian alphabetical order, quotes ignored: «Ромашка» before «Ромашка Плюс».</summary>
    private static readonly StringComparer NameOrder = StringComparer.Create(CultureInfo.GetCultureInfo("ru-RU"), ignoreCase: true);
    private readonly LiteDbContext _db;
    private readonly ILiteCollection<Client> _clients;

    public ClientStore(LiteDbContext db)
    {
        _db = db;
        _clients = db.Collection<Client>(Name);
        _clients.EnsureIndex(c => c.TaxId, unique: true);
        _clients.EnsureIndex(c => c.LegalName);
    }

    public Task<Client?> GetAsync(long id, CancellationToken ct) => Task.FromResult<Client?>(_clients.FindById(id));

    public Task<Client?> FindByTaxIdAsync(string taxId, CancellationToken ct) =>
        Task.FromResult<Client?>(_clients.FindOne(Query.EQ(nameof(Client.TaxId), taxId.Trim().ToUpperInvariant())));

    public Task<IReadOnlyList<Client>> SearchAsync(string text, int limit, CancellationToken ct)
    {
        var needle = text.Trim();
        return Task.FromResult<IReadOnlyList<Client>>(_clients.FindAll()
            .Where(c => c.LegalName.Contains(needle, StringComparison.OrdinalIgnoreCase)
                || c.TaxId.Contains(needle, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => SortKey(c.LegalName), NameOrder)
            .Take(limit)
            .ToList());
    }

    private static string SortKey(string name) => new([.. name.Where(c => c is not ('«' or '»' or '"' or '\'' or '“' or '”' or '„'))]);

    public Task InsertAsync(Client client, CancellationToken ct)
    {
        client.Version = 0;
        _clients.Insert(client);
        return Task.CompletedTask;
    }

    public Task<bool> TryUpdateAsync(Client client, CancellationToken ct) => Task.FromResult(_db.TryUpdateVersioned(Name, client.Id, client));
}

/// <summary>Deals, unique by number (stored in upper case, found case-insensitively).</summary>
internal sealed class DealStore : IDealStore
{
    private const string Name = LiteDbCollections.Deals;
    private readonly LiteDbContext _db;
    private readonly ILiteCollection<Deal> _deals;

    public DealStore(LiteDbContext db)
    {
        _db = db;
        _deals = db.Collection<Deal>(Name);
        _deals.EnsureIndex(d => d.Number, unique: true);
        _deals.EnsureIndex(d => d.ClientId);
    }

    public Task<Deal?> GetAsync(long id, CancellationToken ct) => Task.FromResult<Deal?>(_deals.FindById(id));

    public Task<Deal?> FindByNumberAsync(string number, CancellationToken ct) =>
        Task.FromResult<Deal?>(_deals.FindOne(Query.EQ(nameof(Deal.Number), number.Trim().ToUpperInvariant())));

    public Task<IReadOnlyList<Deal>> ByClientAsync(long clientId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Deal>>(_deals.Find(Query.EQ(nameof(Deal.ClientId), clientId)).OrderBy(d => d.Id).ToList());

    public Task InsertAsync(Deal deal, CancellationToken ct)
    {
        deal.Version = 0;
        deal.Number = deal.Number.ToUpperInvariant();
        _deals.Insert(deal);
        return Task.CompletedTask;
    }

    public Task<bool> TryUpdateAsync(Deal deal, CancellationToken ct) => Task.FromResult(_db.TryUpdateVersioned(Name, deal.Id, deal));
}
