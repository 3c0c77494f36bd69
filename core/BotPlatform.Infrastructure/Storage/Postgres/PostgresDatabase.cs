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
        Ambient.Value = new Session(connection, transaction);
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
    /// A unit of work: one transaction that every store call on this async flow joins. Units of work are
    /// serialised across the whole database (and so across replicas) by a transaction-level advisory
    /// lock, the faithful counterpart of LiteDB's global write lock: the read-check-write steps inside one
    /// never interleave with another's. A nested unit of work joins the outer one.
    /// </summary>
    internal async Task<T> UnitOfWorkAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        if (Ambient.Value is not null) return await work();
        await using var connection = await _source.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            command.Parameters.AddWithValue("key", AdvisoryLocks.UnitOfWork);
            await command.ExecuteNonQueryAsync(ct);
        }
        Ambient.Value = new Session(connection, transaction);
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

    /// <summary>A connection of its own (not the unit of work's), e.g. to hold a session advisory lock or LISTEN.</summary>
    internal async Task<NpgsqlConnection> OpenDedicatedConnectionAsync(CancellationToken ct) => await _source.OpenConnectionAsync(ct);

    /// <summary>For the health check: the database answers a query.</summary>
    public Task<int> CurrentSchemaVersionAsync(CancellationToken ct) => RunAsync(async (connection, transaction) =>
    {
        await using var command = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version", connection, transaction);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct));
    }, ct);

    public void Dispose() => _source.Dispose();

    private sealed record Session(NpgsqlConnection Connection, NpgsqlTransaction Transaction);
}

/// <summary>The advisory lock keys of the platform (one 64-bit key space per database).</summary>
internal static class AdvisoryLocks
{
    public const long Migrations = 0x426f74_4d696772; // "Bot" "Migr"
    public const long UnitOfWork = 0x426f74_556f5700; // "Bot" "UoW"
    public const long OutboxSender = 0x426f74_4f757453; // "Bot" "OutS": held by the elected outbox sender
}
