using BotPlatform.Core.Printing.Agents;
using LiteDB;

namespace BotPlatform.Infrastructure.Storage;

internal sealed class PrintAgentStore : IPrintAgentStore
{
    private const string Name = LiteDbCollections.PrintAgents;
    private readonly LiteDbContext _db;
    private readonly ILiteCollection<PrintAgent> _agents;

    public PrintAgentStore(LiteDbContext db)
    {
        _db = db;
        _agents = db.Collection<PrintAgent>(Name);
        _agents.EnsureIndex(a => a.TokenHash, unique: true);
    }

    public Task<PrintAgent?> GetAsync(long id, CancellationToken ct) => Task.FromResult<PrintAgent?>(_agents.FindById(id));

    public Task<PrintAgent?> FindByNameAsync(string name, CancellationToken ct) =>
        Task.FromResult(_agents.FindAll().FirstOrDefault(a => string.Equals(a.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)));

    public Task<PrintAgent?> FindByTokenHashAsync(string hash, CancellationToken ct) =>
        Task.FromResult<PrintAgent?>(_agents.FindOne(Query.EQ("TokenHash", hash)));

    public Task<IReadOnlyList<PrintAgent>> ListAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<PrintAgent>>(_agents.FindAll().OrderBy(a => a.Id).ToList());

    public Task InsertAsync(PrintAgent agent, CancellationToken ct)
    {
        agent.Version = 0;
        _agents.Insert(agent);
        return Task.CompletedTask;
    }

    public Task<bool> TryUpdateAsync(PrintAgent agent, CancellationToken ct) => Task.FromResult(_db.TryUpdateVersioned(Name, agent.Id, agent));
}
