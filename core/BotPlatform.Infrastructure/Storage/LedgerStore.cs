using System.Globalization;
using BotPlatform.Core.Finance.Ledger;
using LiteDB;

namespace BotPlatform.Infrastructure.Storage;

internal sealed class LedgerStore : ILedgerStore
{
    private readonly ILiteCollection<LedgerEntry> _entries;

    public LedgerStore(LiteDbContext db)
    {
        _entries = db.Collection<LedgerEntry>(LiteDbCollections.Ledger);
        _entries.EnsureIndex(e => e.Date);
        _entries.EnsureIndex(e => e.ProjectId);
        _entries.EnsureIndex(e => e.Source);
    }

    public Task<LedgerEntry?> GetAsync(long id, CancellationToken ct) => Task.FromResult<LedgerEntry?>(_entries.FindById(id));

    public Task InsertAsync(LedgerEntry entry, CancellationToken ct)
    {
        entry.Version = 0;
        _entries.Insert(entry);
        return Task.CompletedTask;
    }

    /// <summary>LiteDB's InsertBulk: one transaction, written in batches of 5,000.</summary>
    public Task InsertManyAsync(IReadOnlyCollection<LedgerEntry> entries, CancellationToken ct)
    {
        foreach (var entry in entries) entry.Version = 0;
        _entries.InsertBulk(entries);
        return Task.CompletedTask;
    }

    /// <summary>Dates are stored as "yyyy-MM-dd", so the index orders them as dates.</summary>
    public Task<IReadOnlyList<LedgerEntry>> BetweenAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        Task.FromResult(Ordered(_entries.Find(Query.And(
            Query.GTE(nameof(LedgerEntry.Date), from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            Query.LTE(nameof(LedgerEntry.Date), to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))))));

    public Task<IReadOnlyList<LedgerEntry>> ByProjectAsync(long projectId, CancellationToken ct) =>
        Task.FromResult(Ordered(_entries.Find(Query.EQ(nameof(LedgerEntry.ProjectId), projectId))));

    public Task<IReadOnlyList<LedgerEntry>> BySourceAsync(string source, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<LedgerEntry>>(_entries.Find(Query.EQ(nameof(LedgerEntry.Source), source)).OrderBy(e => e.Id).ToList());

    private static IReadOnlyList<LedgerEntry> Ordered(IEnumerable<LedgerEntry> entries) => entries.OrderBy(e => e.Date).ThenBy(e => e.Id).ToList();
}
