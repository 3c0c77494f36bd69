using BotPlatform.Core.Finance.Ledger;

namespace BotPlatform.Infrastructure.Storage.Postgres;

/// <summary>The ledger on PostgreSQL (migration 0015): a column per field the queries filter on.</summary>
internal sealed class PgLedgerStore(PostgresDatabase db) : ILedgerStore
{
    private readonly PgCollection<LedgerEntry> _entries = new(db, "ledger_entries",
        new("entry_date", e => e.Date), new("project_id", e => e.ProjectId), new("source", e => e.Source));

    public Task<LedgerEntry?> GetAsync(long id, CancellationToken ct) => _entries.GetAsync(id, ct);

    public Task InsertAsync(LedgerEntry entry, CancellationToken ct)
    {
        entry.Version = 0;
        return _entries.InsertAsync(entry, ct);
    }

    public Task InsertManyAsync(IReadOnlyCollection<LedgerEntry> entries, CancellationToken ct)
    {
        foreach (var entry in entries) entry.Version = 0;
        return _entries.CopyInAsync(entries, ct);
    }

    public Task<IReadOnlyList<LedgerEntry>> BetweenAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        _entries.FindAsync("entry_date BETWEEN @p0 AND @p1", "entry_date, id", null, ct, from, to);

    public Task<IReadOnlyList<LedgerEntry>> ByProjectAsync(long projectId, CancellationToken ct) =>
        _entries.FindAsync("project_id = @p0", "entry_date, id", null, ct, projectId);

    public Task<IReadOnlyList<LedgerEntry>> BySourceAsync(string source, CancellationToken ct) =>
        _entries.FindAsync("source = @p0", "id", null, ct, source);
}
