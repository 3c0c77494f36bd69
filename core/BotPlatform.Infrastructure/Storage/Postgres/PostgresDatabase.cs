using Microsoft.Extensions.Options;
using Npgsql;

namespace BotPlatform.Infrastructure.Storage.Postgres;

/// <summary>
/// The PostgreSQL database of a host: one pooled data source, the schema migrated when it is first
/// resolved (as <see cref="LiteDbContext"/> creates its collections), and the ambient transaction of
/// the unit of work that every store joins while one runs on the current async flow.
/// </summary>
public sealed class PostgresDatabase : IDisposable
{
    private static readonly AsyncLocal<Session?> Ambient = new();
    private readonly NpgsqlDataSource _source;

    public PostgresDatabase(IOptions<StorageOptions> options)
    {
        _source = NpgsqlDataSource.Create(options.Value.ConnectionString
            ?? throw new InvalidOperationException("Storage:ConnectionString is not set"));
        SchemaVersion = PostgresMigrations.Apply(_source);
    }

    /// <summary>The document tables of the stores resolved so far (for the LiteDB-to-PostgreSQL migration).</summary>
    internal PgTables Tables { get; } = new();

    /// <summary>The newest migration applied when this host started.</summary>
    public int SchemaVersion { get; }

    /// <summary>Runs on the unit of work's connection and transaction when one is open, else on a pooled connection.</summary>
    public async Task<T> RunAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction?, Task<T>> action, CancellationToken ct)
    {
        if (Ambient.Value is { } session) return await action(session.Connection, session.Transaction);
        await using var connection = await _source.OpenConnectionAsync(ct);
        return await action(connection, null);
    }

    /// <summary>
    /// Runs several statements as one transaction: the unit of work's when one is open (it commits or
    /// rolls back with it), else a transaction of its own.
    /// </summary>
    public async Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> action, CancellationToken ct)
    {
        if (Ambient.Value is { } session) return await action(session.Connection, session.Transaction);
        await using var connection = await _source.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // Stores called inside join this transaction (the change is local to this async flow).
        Ambient.Value = new Session(connection, transaction, null);
        try
        {
            var result = await action(connection, transaction);
            await transaction.CommitAsync(ct);
            return result;
        }
        finally
        {
            Ambient.Value = null;
        }
    }

    /// <summary>
    /// A unit of work: one transaction that every store call on this async flow joins. There is no lock
    /// over the whole database (that serialised every business step of the cluster): a unit of work locks
    /// only what it touches, as <see cref="PgCollection{T}"/> reads and writes it (see
    /// <see cref="LockTableAsync"/> and docs/storage.md "Units of work on PostgreSQL"):
    /// a document read by id is read <c>FOR UPDATE</c> (the aggregate's row lock, held to commit, so two
    /// steps on one aggregate run one after the other and the second sees the first's result); a query over
    /// a table or an insert into it takes that table's advisory lock (so a query-check-write, such as "no
    /// client with this tax id yet" or "claim the oldest print job", runs one at a time per table, as under
    /// the old global lock). Append-only tables (outbox, audit, inbox) take no table lock;
    /// sequences lock their counter row. A nested unit of work joins the outer one.
    /// </summary>
    internal async Task<T> UnitOfWorkAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        if (Ambient.Value is not null) return await work();
        await using var connection = await _source.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        Ambient.Value = new Session(connection, transaction, new Dictionary<string, bool>(StringComparer.Ordinal));
        try
        {
            var result = await work();
            await transaction.CommitAsync(ct);
            return result;
        }
        finally
        {
            Ambient.Value = null;
        }
    }

    /// <summary>Whether a unit of work is open on this async flow (its reads by id then lock the row).</summary>
    internal static bool InUnitOfWork => Ambient.Value?.TableLocks is not null;

    /// <summary>
    /// Inside a unit of work: the transaction-level advisory lock of a table (shared or exclusive; the stores
    /// take it exclusive, since a query may be followed by a write decided on it), taken once per unit and
    /// level; outside one: nothing.
    /// </summary>
    internal async Task LockTableAsync(string table, bool exclusive, CancellationToken ct)
    {
        if (Ambient.Value is not { TableLocks: { } held } session) return;
        if (held.TryGetValue(table, out var heldExclusive) && (heldExclusive || !exclusive)) return;
        await using var command = new NpgsqlCommand(
            exclusive ? "SELECT pg_advisory_xact_lock(@space, hashtext(@table))" : "SELECT pg_advisory_xact_lock_shared(@space, hashtext(@table))",
            session.Connection, session.Transaction);
        command.Parameters.AddWithValue("space", AdvisoryLocks.TableSpace);
        command.Parameters.AddWithValue("table", table);
        await command.ExecuteNonQueryAsync(ct);
        held[table] = exclusive;
    }

    /// <summary>A connection of its own (not the unit of work's), e.g. to hold a session advisory lock or LISTEN.</summary>
    internal async Task<NpgsqlConnection> OpenDedicatedConnectionAsync(CancellationToken ct) => await _source.OpenConnectionAsync(ct);

    /// <summary>For the health check: the database answers a query.</summary>
    public Task<int> CurrentSchemaVersionAsync(CancellationToken ct) => RunAsync(async (connection, transaction) =>
    {
        await using var command = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version", connection, transaction);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct));
    }, ct);

    public void Dispose() => _source.Dispose();

    private sealed record Session(NpgsqlConnection Connection, NpgsqlTransaction Transaction, Dictionary<string, bool>? TableLocks);
}

/// <summary>The advisory lock keys of the platform (one 64-bit key space per database).</summary>
internal static class AdvisoryLocks
{
    public const long Migrations = 0x426f74_4d696772; // "Bot" "Migr"
    /// <summary>The first half of the two-int key of a table's lock in a unit of work (the second: hashtext of its name).</summary>
    public const int TableSpace = 0x426f7454; // "BotT"
    public const long OutboxSender = 0x426f74_4f757453; // "Bot" "OutS": held by the elected outbox sender
}
