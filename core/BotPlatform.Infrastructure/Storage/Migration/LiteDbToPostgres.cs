using BotPlatform.Infrastructure.Storage.Postgres;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BotPlatform.Infrastructure.Storage.Migration;

/// <summary>One collection of the LiteDB file after the move: documents read, rows in PostgreSQL, and what became of them.</summary>
public sealed record CollectionCount(string Collection, long Source, long Target, string Table, CollectionOutcome Outcome);

public enum CollectionOutcome
{
    /// <summary>Every document is a row of <see cref="CollectionCount.Table"/>, the counts checked equal.</summary>
    Copied,
    /// <summary>LiteDB's file chunks: they are the content of the <c>files</c> rows, counted with <c>_files</c>.</summary>
    InFiles,
    /// <summary>No PostgreSQL store exists yet: the documents stay in the LiteDB file (nothing is deleted from it).</summary>
    LeftInLiteDb,
}

/// <summary>The move was refused before anything was written (a missing file, a non-empty target, an unknown collection).</summary>
public sealed class MigrationRefusedException(string message) : Exception(message);

/// <summary>
/// Moves an installation's LiteDB file into a PostgreSQL database: every collection of
/// <see cref="LiteDbCollections"/> (documents with their ids and versions, the sequences with their current
/// values, the audit log, the files, the inbox, the outbox, the timers kept on the aggregates) in one
/// transaction, so it is all or nothing: a failure or a count that does not match leaves the target as it
/// was, and the move is simply run again. The target's schema is migrated first; a target that holds data
/// is refused unless <c>replace</c> is given (then its rows are removed in the same transaction). The LiteDB
/// file is opened read-only and never changed. The mapping is found, not listed: each PostgreSQL store
/// registered with <c>Store</c> declares its tables (<see cref="PgCollection{T}"/>), so a store added later
/// is moved without a change here; a collection without a table is a test failure
/// (<c>LiteDbToPostgresTests.Every_LiteDB_collection_has_a_migration_mapping</c>).
/// </summary>
public static class LiteDbToPostgres
{
    /// <summary>
    /// Collections whose PostgreSQL stores are not written yet: their documents stay in the LiteDB file. A
    /// test fails once one of them gets a table, so this list only shrinks.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string> NotOnPostgresYet = new Dictionary<string, string>(StringComparer.Ordinal)
    {
    };

    private const string FilesTable = "files";
    private const string SequencesTable = "sequences";
    private const string ReportClaimsTable = "report_claims";

    /// <param name="postgresServices">The stores (<c>AddStorage</c>) configured with <c>Storage:Provider=postgres</c> and the target's connection string.</param>
    public static async Task<IReadOnlyList<CollectionCount>> RunAsync(string liteDbPath, IServiceProvider postgresServices, bool replace, CancellationToken ct)
    {
        if (!File.Exists(liteDbPath)) throw new MigrationRefusedException($"There is no LiteDB file at {liteDbPath}");
        using var source = Open(liteDbPath);
        var services = postgresServices;
        var database = services.GetRequiredService<PostgresDatabase>();
        var plan = Plan(services);
        var unknown = source.GetCollectionNames().Where(name => !plan.ContainsKey(name)).ToList();
        if (unknown.Count > 0)
            throw new MigrationRefusedException($"The LiteDB file has collections this version does not know: {string.Join(", ", unknown)}");
        var targets = plan.Values.Select(c => c.Table).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();

        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            var nonEmpty = new List<string>();
            foreach (var table in targets)
                if (await CountAsync(connection, transaction, table, ct) > 0) nonEmpty.Add(table);
            if (nonEmpty.Count > 0 && !replace)
                throw new MigrationRefusedException($"The PostgreSQL database already holds data (tables {string.Join(", ", nonEmpty)}); " +
                    "give --replace to empty it first, or point Storage:ConnectionString at an empty database");
            if (nonEmpty.Count > 0) await EmptyAsync(connection, transaction, [.. nonEmpty, "inbox_claims"], ct);

            var counts = new List<CollectionCount>();
            foreach (var (name, copy) in plan.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var read = await copy.CopyAsync(source, connection, transaction, ct);
                var rows = copy.Table is { } table && copy.Outcome == CollectionOutcome.Copied ? await CountAsync(connection, transaction, table, ct) : 0;
                if (copy.Outcome == CollectionOutcome.Copied && rows != read)
                    throw new InvalidOperationException($"{name}: {read} documents read but {rows} rows in {copy.Table}; nothing was moved");
                counts.Add(new CollectionCount(name, read, rows, copy.Table ?? "", copy.Outcome));
            }
            // The outbox's arrival order goes on after the copied messages.
            await using (var seq = new NpgsqlCommand("SELECT setval('outbox_seq', max(seq)) FROM outbox HAVING max(seq) IS NOT NULL", connection, transaction))
                await seq.ExecuteNonQueryAsync(ct);
            return (IReadOnlyList<CollectionCount>)counts;
        }, ct);
    }

    /// <summary>What happens to each LiteDB collection, found from the PostgreSQL stores registered with <c>Store</c>.</summary>
    internal static IReadOnlyDictionary<string, CollectionCopy> Plan(IServiceProvider postgresServices)
    {
        foreach (var store in postgresServices.GetServices<PostgresStoreType>()) postgresServices.GetRequiredService(store.Type);
        var tables = postgresServices.GetRequiredService<PostgresDatabase>().Tables.All;
        var plan = new Dictionary<string, CollectionCopy>(StringComparer.Ordinal)
        {
            [LiteDbCollections.Sequences] = new SequencesCopy(),
            [LiteDbCollections.Files] = new FilesCopy(),
            [LiteDbCollections.FileChunks] = new ChunksInFiles(),
            [LiteDbCollections.ReportClaims] = new ReportClaimsCopy(),
        };
        foreach (var name in LiteDbCollections.All)
        {
            if (plan.ContainsKey(name)) continue;
            if (tables.TryGetValue(name, out var table)) plan[name] = new DocumentsCopy(name, table);
            else if (NotOnPostgresYet.TryGetValue(name, out var issue)) plan[name] = new LeftInLiteDb(name, issue);
        }
        return plan;
    }

    private static LiteDatabase Open(string path)
    {
        try
        {
            return new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct, ReadOnly = true }, LiteDbContext.CreateMapper());
        }
        catch (IOException ex)
        {
            throw new MigrationRefusedException($"The LiteDB file {path} cannot be opened ({ex.Message}): stop the host that uses it first");
        }
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection, transaction);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Empties the target's tables (the audit log's append-only triggers are lifted for this transaction's TRUNCATE only).</summary>
    private static async Task EmptyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<string> tables, CancellationToken ct)
    {
        var list = string.Join(", ", tables);
        var sql = string.Concat(tables.Select(t => $"ALTER TABLE {t} DISABLE TRIGGER USER;"))
            + $"TRUNCATE {list};"
            + string.Concat(tables.Select(t => $"ALTER TABLE {t} ENABLE TRIGGER USER;"));
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }

    internal abstract record CollectionCopy(string? Table, CollectionOutcome Outcome)
    {
        /// <summary>Copies the collection inside the transaction; returns how many documents the LiteDB file holds.</summary>
        public abstract Task<long> CopyAsync(LiteDatabase source, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct);
    }

    internal sealed record DocumentsCopy(string Collection, IPgDocumentTable Target) : CollectionCopy(Target.Table, CollectionOutcome.Copied)
    {
        public override Task<long> CopyAsync(LiteDatabase source, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) =>
            // Read whole before the first await: a LiteDB cursor holds a read lock of its thread, and an await may move on to another.
            Target.CopyAsync(source.GetCollection(Collection).FindAll().ToList(), connection, transaction, ct);
    }

    /// <summary>The counters with their current values, so the next number continues the sequence.</summary>
    internal sealed record SequencesCopy() : CollectionCopy(SequencesTable, CollectionOutcome.Copied)
    {
        public override async Task<long> CopyAsync(LiteDatabase source, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
        {
            long copied = 0;
            foreach (var doc in source.GetCollection(LiteDbCollections.Sequences).FindAll().ToList())
            {
                await using var command = new NpgsqlCommand("INSERT INTO sequences (name, value) VALUES (@name, @value)", connection, transaction);
                command.Parameters.AddWithValue("name", doc["_id"].AsString);
                command.Parameters.AddWithValue("value", Convert.ToInt64(doc["Value"].RawValue));
                copied += await command.ExecuteNonQueryAsync(ct);
            }
            return copied;
        }
    }

    /// <summary>Which report holds each task: rows (task_id, report_id), the primary key that keeps a task in one report.</summary>
    internal sealed record ReportClaimsCopy() : CollectionCopy(ReportClaimsTable, CollectionOutcome.Copied)
    {
        public override async Task<long> CopyAsync(LiteDatabase source, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
        {
            long copied = 0;
            foreach (var doc in source.GetCollection(LiteDbCollections.ReportClaims).FindAll().ToList())
            {
                await using var command = new NpgsqlCommand("INSERT INTO report_claims (task_id, report_id) VALUES (@task, @report)", connection, transaction);
                command.Parameters.AddWithValue("task", doc["_id"].AsInt64);
                command.Parameters.AddWithValue("report", doc["ReportId"].AsInt64);
                copied += await command.ExecuteNonQueryAsync(ct);
            }
            return copied;
        }
    }

    /// <summary>LiteDB's file storage (<c>_files</c> + <c>_chunks</c>) into <c>files</c>, each file under its own key.</summary>
    internal sealed record FilesCopy() : CollectionCopy(FilesTable, CollectionOutcome.Copied)
    {
        public override async Task<long> CopyAsync(LiteDatabase source, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
        {
            var storage = source.GetStorage<string>(LiteDbCollections.Files, LiteDbCollections.FileChunks);
            long copied = 0;
            foreach (var file in storage.FindAll().ToList())
            {
                using var content = new MemoryStream();
                file.CopyTo(content);
                await using var command = new NpgsqlCommand(
                    "INSERT INTO files (id, file_name, uploaded_at, content) VALUES (@id, @name, @at, @content)", connection, transaction);
                command.Parameters.AddWithValue("id", file.Id);
                command.Parameters.AddWithValue("name", file.Filename);
                command.Parameters.AddWithValue("at", new DateTimeOffset(file.UploadDate.ToUniversalTime(), TimeSpan.Zero));
                command.Parameters.AddWithValue("content", content.ToArray());
                copied += await command.ExecuteNonQueryAsync(ct);
            }
            return copied;
        }
    }

    internal sealed record ChunksInFiles() : CollectionCopy(FilesTable, CollectionOutcome.InFiles)
    {
        public override Task<long> CopyAsync(LiteDatabase source, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) =>
            Task.FromResult((long)source.GetCollection(LiteDbCollections.FileChunks).Count());
    }

    internal sealed record LeftInLiteDb(string Collection, string Issue) : CollectionCopy(null, CollectionOutcome.LeftInLiteDb)
    {
        public override Task<long> CopyAsync(LiteDatabase source, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) =>
            Task.FromResult((long)source.GetCollection(Collection).Count());
    }
}
