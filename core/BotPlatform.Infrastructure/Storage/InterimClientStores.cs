using BotPlatform.Core.Documents;
using LiteDB;

namespace BotPlatform.Infrastructure.Storage;

// Interim stores so that generation can be tested before the clients branch (docs-clients) lands; removed when it does.
internal sealed class InterimClientStore : IClientStore
{
    private const string Name = "clients";
    private readonly LiteDbContext _db;
    private readonly ILiteCollection<Client> _clients;

    public InterimClientStore(LiteDbContext db)
    {
        _db = db;
        _clients = db.Collection<Client>(Name);
    }

    public Task<Client?> GetAsync(long id, CancellationToken ct) => Task.FromResult<Client?>(_clients.FindById(id));

    public Task<Client?> FindByTaxIdAsync(string taxId, CancellationToken ct) =>
        Task.FromResult<Client?>(_clients.FindAll().FirstOrDefault(c => c.Inn == taxId || c.Unp == taxId));

    public Task<IReadOnlyList<Client>> SearchAsync(string text, int limit, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Client>>(_clients.FindAll()
            .Where(c => c.LegalName.Contains(text, StringComparison.OrdinalIgnoreCase) || c.Inn == text || c.Unp == text)
            .OrderBy(c => c.LegalName).Take(limit).ToList());

    public Task InsertAsync(Client client, CancellationToken ct)
    {
        _clients.Insert(client);
        return Task.CompletedTask;
    }

    public Task<bool> TryUpdateAsync(Client client, CancellationToken ct) => Task.FromResult(_db.TryUpdateVersioned(Name, client.Id, client));
}

internal sealed class InterimDealStore : IDealStore
{
    private const string Name = "deals";
    private readonly LiteDbContext _db;
    private readonly ILiteCollection<Deal> _deals;

    public InterimDealStore(LiteDbContext db)
    {
        _db = db;
        _deals = db.Collection<Deal>(Name);
        _deals.EnsureIndex(d => d.Number, unique: true);
    }

    public Task<Deal?> GetAsync(long id, CancellationToken ct) => Task.FromResult<Deal?>(_deals.FindById(id));

    public Task<Deal?> FindByNumberAsync(string number, CancellationToken ct) =>
        Task.FromResult<Deal?>(_deals.FindOne(Query.EQ("Number", number.Trim().ToUpperInvariant())));

    public Task<IReadOnlyList<Deal>> ByClientAsync(long clientId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Deal>>(_deals.Find(Query.EQ("ClientId", clientId)).ToList());

    public Task InsertAsync(Deal deal, CancellationToken ct)
    {
        deal.Number = deal.Number.ToUpperInvariant();
        _deals.Insert(deal);
        return Task.CompletedTask;
    }

    public Task<bool> TryUpdateAsync(Deal deal, CancellationToken ct) => Task.FromResult(_db.TryUpdateVersioned(Name, deal.Id, deal));
}
