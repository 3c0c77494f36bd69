using BotPlatform.Core.Common;
using LiteDB;
using Npgsql;

namespace BotPlatform.Infrastructure.Storage.Postgres;

/// <summary>A column of a collection's table kept beside the document, for a WHERE or ORDER BY.</summary>
internal sealed record PgColumn<T>(string Name, Func<T, object?> Value);

/// <summary>
/// A collection of documents in one table <c>(id, version, data jsonb, indexed columns...)</c>, the
/// PostgreSQL twin of a LiteDB collection. Documents are mapped by LiteDB's own mapper (the same
/// <see cref="LiteDbContext.CreateMapper"/>) and kept as LiteDB's extended JSON, so an entity that
/// round-trips on one engine round-trips on the other and a store is ported by naming its columns.
/// A zero long id is assigned from the table's identity sequence, as LiteDB's auto-id does; an
/// <see cref="IVersioned"/> entity gets optimistic concurrency by <c>WHERE version = @v</c>.
/// Every call joins the ambient unit of work when one is open.
/// </summary>
internal sealed class PgCollection<T> : IPgDocumentTable where T : class
{
    private static readonly BsonMapper Mapper = LiteDbContext.CreateMapper();
    /// <summary>The id by LiteDB's convention, as our entities name it: a property <c>Id</c>.</summary>
    private static readonly System.Reflection.PropertyInfo IdProperty = typeof(T).GetProperty("Id")
        ?? throw new InvalidOperationException($"{typeof(T).Name} has no Id property");
    private readonly PostgresDatabase _db;
    private readonly string _table;
    private readonly PgColumn<T>[] _columns;
    private readonly string _select;
    private readonly string _insert;
    private readonly string _update;

    public PgCollection(PostgresDatabase db, string table, params PgColumn<T>[] columns)
    {
        _db = db;
        _table = table;
        _columns = columns;
        _select = $"SELECT data FROM {table}";
        var names = string.Concat(columns.Select(c => ", " + c.Name));
        var values = string.Concat(columns.Select((_, i) => $", @c{i}"));
        _insert = $"INSERT INTO {table} (id, version, data{names}) VALUES (@id, @version, @data::jsonb{values})";
        _update = $"UPDATE {table} SET version = @version, data = @data::jsonb{string.Concat(columns.Select((c, i) => $", {c.Name} = @c{i}"))} WHERE id = @id";
        db.Tables.Add(this);
    }

    public string Table => _table;

    public IReadOnlyList<string> Columns => [.. _columns.Select(c => c.Name)];

    /// <summary>
    /// Copies documents of the LiteDB collection as they are (their JSON kept whole, ids and versions kept,
    /// the columns computed from the mapped entity), in batches, inside the caller's transaction; then moves
    /// a long id's identity on past the highest copied id.
    /// </summary>
    public async Task<long> CopyAsync(IEnumerable<BsonDocument> documents, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        long copied = 0;
        var longIds = false;
        foreach (var chunk in documents.Chunk(500))
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var doc in chunk)
            {
                var entity = Mapper.ToObject<T>(doc);
                var (id, _) = Document(entity);
                longIds |= id is long;
                var command = new NpgsqlBatchCommand(_insert);
                Fill(command.Parameters, entity, id, doc);
                batch.BatchCommands.Add(command);
            }
            copied += await batch.ExecuteNonQueryAsync(ct);
        }
        if (longIds)
        {
            await using var bump = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence('{_table}', 'id'), max(id)) FROM {_table} HAVING max(id) IS NOT NULL", connection, transaction);
            await bump.ExecuteNonQueryAsync(ct);
        }
        return copied;
    }

    public Task<T?> GetAsync(object id, CancellationToken ct) => FindOneAsync("id = @p0", ct, id);

    /// <summary>The first document matching <paramref name="where"/> (SQL over the columns, arguments @p0, @p1...).</summary>
    public async Task<T?> FindOneAsync(string where, CancellationToken ct, params object?[] args) =>
        (await FindAsync(where, null, 1, ct, args)).FirstOrDefault();

    public Task<IReadOnlyList<T>> FindAsync(string? where, string? orderBy, int? limit, CancellationToken ct, params object?[] args) =>
        _db.RunAsync<IReadOnlyList<T>>(async (connection, transaction) =>
        {
            var sql = _select + (where is null ? "" : " WHERE " + where) + " ORDER BY " + (orderBy ?? "id") + (limit is { } l ? " LIMIT " + l : "");
            await using var command = Command(sql, connection, transaction, args);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var found = new List<T>();
            while (await reader.ReadAsync(ct)) found.Add(FromJson(reader.GetString(0)));
            return found;
        }, ct);

    /// <summary>One page of <see cref="FindAsync"/>: <paramref name="offset"/> rows left out, at most <paramref name="limit"/> returned.</summary>
    public Task<IReadOnlyList<T>> FindPageAsync(string? where, string orderBy, int offset, int limit, CancellationToken ct, params object?[] args) =>
        FindAsync(where, $"{orderBy} LIMIT {limit} OFFSET {offset}", null, ct, args);

    /// <summary>How many rows match <paramref name="where"/> (all when null).</summary>
    public Task<long> CountAsync(string? where, CancellationToken ct, params object?[] args) =>
        _db.RunAsync(async (connection, transaction) =>
        {
            await using var command = Command($"SELECT count(*) FROM {_table}" + (where is null ? "" : " WHERE " + where), connection, transaction, args);
            return (long)(await command.ExecuteScalarAsync(ct))!;
        }, ct);

    /// <summary>Inserts a new document; a duplicate id or unique column throws, as in LiteDB.</summary>
    public Task InsertAsync(T entity, CancellationToken ct) => _db.InTransactionAsync(async (connection, transaction) =>
    {
        await InsertCoreAsync(entity, onConflictDoNothing: false, connection, transaction, ct);
        return true;
    }, ct);

    /// <summary>
    /// Inserts many new documents with one binary COPY (Npgsql's binary importer) in one transaction (the ambient unit of
    /// work's, if any): zero long ids are taken from the table's identity sequence in one query first. A duplicate throws
    /// and nothing is inserted.
    /// </summary>
    public Task CopyInAsync(IReadOnlyCollection<T> entities, CancellationToken ct) => _db.InTransactionAsync(async (connection, transaction) =>
    {
        if (entities.Count == 0) return true;
        var missing = entities.Count(e => IdProperty.GetValue(e) is 0L);
        var fresh = new Queue<long>();
        if (missing > 0)
        {
            await using var next = new NpgsqlCommand($"SELECT nextval(pg_get_serial_sequence('{_table}', 'id')) FROM generate_series(1, @n)", connection, transaction);
            next.Parameters.AddWithValue("n", missing);
            await using var reader = await next.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) fresh.Enqueue(reader.GetInt64(0));
        }
        await using (var writer = await connection.BeginBinaryImportAsync(
            $"COPY {_table} (id, version, data{string.Concat(_columns.Select(c => ", " + c.Name))}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var entity in entities)
            {
                if (IdProperty.GetValue(entity) is 0L) IdProperty.SetValue(entity, fresh.Dequeue());
                var (id, doc) = Document(entity);
                await writer.StartRowAsync(ct);
                await WriteValueAsync(writer, id, ct);
                await writer.WriteAsync(entity is IVersioned v ? v.Version : 0, NpgsqlTypes.NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(LiteDB.JsonSerializer.Serialize(doc), NpgsqlTypes.NpgsqlDbType.Jsonb, ct);
                foreach (var column in _columns) await WriteValueAsync(writer, ColumnValue(column.Value(entity)), ct);
            }
            await writer.CompleteAsync(ct);
        }
        return true;
    }, ct);

    /// <summary>A column's value in COPY's binary form: the type named from the value, as AddWithValue infers it for a statement.</summary>
    private static Task WriteValueAsync(NpgsqlBinaryImporter writer, object value, CancellationToken ct) => value switch
    {
        DBNull => writer.WriteNullAsync(ct),
        long l => writer.WriteAsync(l, NpgsqlTypes.NpgsqlDbType.Bigint, ct),
        int i => writer.WriteAsync(i, NpgsqlTypes.NpgsqlDbType.Integer, ct),
        string text => writer.WriteAsync(text, NpgsqlTypes.NpgsqlDbType.Text, ct),
        DateOnly date => writer.WriteAsync(date, NpgsqlTypes.NpgsqlDbType.Date, ct),
        DateTimeOffset instant => writer.WriteAsync(instant, NpgsqlTypes.NpgsqlDbType.TimestampTz, ct),
        decimal number => writer.WriteAsync(number, NpgsqlTypes.NpgsqlDbType.Numeric, ct),
        bool flag => writer.WriteAsync(flag, NpgsqlTypes.NpgsqlDbType.Boolean, ct),
        long[] longs => writer.WriteAsync(longs, NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Bigint, ct),
        string[] texts => writer.WriteAsync(texts, NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text, ct),
        _ => throw new NotSupportedException($"COPY of a {value.GetType().Name} column is not mapped"),
    };

    /// <summary>Inserts unless a document with that id (or unique column value) exists; false then, and nothing changes.</summary>
    public Task<bool> TryInsertAsync(T entity, CancellationToken ct) => _db.InTransactionAsync(
        (connection, transaction) => InsertCoreAsync(entity, onConflictDoNothing: true, connection, transaction, ct), ct);

    /// <summary>Inserts or replaces the document (no version check).</summary>
    public Task UpsertAsync(T entity, CancellationToken ct) => _db.RunAsync(async (connection, transaction) =>
    {
        var (id, doc) = Document(entity);
        var sql = _insert + " ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, data = EXCLUDED.data"
            + string.Concat(_columns.Select(c => $", {c.Name} = EXCLUDED.{c.Name}"));
        await using var command = Write(sql, connection, transaction, entity, id, doc);
        return await command.ExecuteNonQueryAsync(ct);
    }, ct);

    /// <summary>Replaces an existing document (no version check); false when there is none.</summary>
    public Task<bool> UpdateAsync(T entity, CancellationToken ct) => _db.RunAsync(async (connection, transaction) =>
    {
        var (id, doc) = Document(entity);
        await using var command = Write(_update, connection, transaction, entity, id, doc);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }, ct);

    /// <summary>Saves a versioned document when its stored version still matches, incrementing it: of N concurrent updates from one version exactly one wins.</summary>
    public async Task<bool> TryUpdateVersionedAsync(T entity, CancellationToken ct)
    {
        if (entity is not IVersioned versioned) throw new InvalidOperationException($"{typeof(T).Name} is not versioned");
        var expected = versioned.Version;
        versioned.Version = expected + 1;
        try
        {
            var saved = await _db.RunAsync(async (connection, transaction) =>
            {
                var (id, doc) = Document(entity);
                await using var command = Write(_update + " AND version = @expected", connection, transaction, entity, id, doc);
                command.Parameters.AddWithValue("expected", expected);
                return await command.ExecuteNonQueryAsync(ct) == 1;
            }, ct);
            if (!saved) versioned.Version = expected;
            return saved;
        }
        catch
        {
            versioned.Version = expected;
            throw;
        }
    }

    /// <summary>
    /// Reads a document under a row lock, lets <paramref name="change"/> decide and mutate it, and saves it:
    /// the PostgreSQL form of a LiteDB read-check-write under the write lock.
    /// </summary>
    public Task<bool> ChangeAsync(object id, Func<T, bool> change, CancellationToken ct) => _db.InTransactionAsync(async (connection, transaction) =>
    {
        string? json;
        await using (var select = Command(_select + " WHERE id = @p0 FOR UPDATE", connection, transaction, [id]))
            json = await select.ExecuteScalarAsync(ct) as string;
        if (json is null) return false;
        var entity = FromJson(json);
        if (!change(entity)) return false;
        var (key, doc) = Document(entity);
        await using var update = Write(_update, connection, transaction, entity, key, doc);
        return await update.ExecuteNonQueryAsync(ct) == 1;
    }, ct);

    /// <summary>The ids of the rows matching <paramref name="where"/> (SQL over the columns and <c>data</c>, arguments @p0, @p1...).</summary>
    public Task<IReadOnlyList<object>> IdsAsync(string where, CancellationToken ct, params object?[] args) =>
        _db.RunAsync<IReadOnlyList<object>>(async (connection, transaction) =>
        {
            await using var command = Command($"SELECT id FROM {_table} WHERE {where}", connection, transaction, args);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var ids = new List<object>();
            while (await reader.ReadAsync(ct)) ids.Add(reader.GetValue(0));
            return ids;
        }, ct);

    /// <summary>Deletes the rows with these ids (an array of the id column's type); returns how many went.</summary>
    public Task<int> DeleteManyAsync(Array ids, CancellationToken ct) => _db.RunAsync(async (connection, transaction) =>
    {
        await using var command = Command($"DELETE FROM {_table} WHERE id = ANY(@p0)", connection, transaction, [ids]);
        return await command.ExecuteNonQueryAsync(ct);
    }, ct);

    public Task<bool> DeleteAsync(object id, CancellationToken ct) => _db.RunAsync(async (connection, transaction) =>
    {
        await using var command = Command($"DELETE FROM {_table} WHERE id = @p0", connection, transaction, [id]);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }, ct);

    private async Task<bool> InsertCoreAsync(T entity, bool onConflictDoNothing, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        var (id, doc) = Document(entity);
        if (id is 0L)
        {
            await using var next = new NpgsqlCommand($"SELECT nextval(pg_get_serial_sequence('{_table}', 'id'))", connection, transaction);
            id = (long)(await next.ExecuteScalarAsync(ct))!;
            IdProperty.SetValue(entity, id);
            doc["_id"] = (long)id;
        }
        await using var command = Write(_insert + (onConflictDoNothing ? " ON CONFLICT DO NOTHING" : ""), connection, transaction, entity, id, doc);
        var inserted = await command.ExecuteNonQueryAsync(ct) == 1;
        if (inserted && id is long explicitId && explicitId > 0)
        {
            // An id given by the caller moves the identity on past it, so a later auto id never collides.
            await using var bump = new NpgsqlCommand($"""
                SELECT setval(format('%I.%I', schemaname, sequencename), @id) FROM pg_sequences
                WHERE format('%I.%I', schemaname, sequencename) = pg_get_serial_sequence('{_table}', 'id') AND COALESCE(last_value, 0) < @id
                """, connection, transaction);
            bump.Parameters.AddWithValue("id", explicitId);
            await bump.ExecuteNonQueryAsync(ct);
        }
        return inserted;
    }

    private static (object Id, BsonDocument Doc) Document(T entity)
    {
        var doc = Mapper.ToDocument(entity);
        var raw = doc["_id"];
        object id = raw.Type switch
        {
            BsonType.Int32 => (long)raw.AsInt32,
            BsonType.Int64 => raw.AsInt64,
            BsonType.String => raw.AsString,
            _ => throw new InvalidOperationException($"{typeof(T).Name} has an id of type {raw.Type}; PgCollection keeps long or string ids"),
        };
        return (id, doc);
    }

    private NpgsqlCommand Write(string sql, NpgsqlConnection connection, NpgsqlTransaction? transaction, T entity, object id, BsonDocument doc)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        Fill(command.Parameters, entity, id, doc);
        return command;
    }

    private void Fill(NpgsqlParameterCollection parameters, T entity, object id, BsonDocument doc)
    {
        parameters.AddWithValue("id", id);
        parameters.AddWithValue("version", entity is IVersioned v ? v.Version : 0);
        parameters.AddWithValue("data", LiteDB.JsonSerializer.Serialize(doc));
        for (var i = 0; i < _columns.Length; i++) parameters.AddWithValue("c" + i, ColumnValue(_columns[i].Value(entity)));
    }

    private static NpgsqlCommand Command(string sql, NpgsqlConnection connection, NpgsqlTransaction? transaction, object?[] args)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        for (var i = 0; i < args.Length; i++) command.Parameters.AddWithValue("p" + i, ColumnValue(args[i]));
        return command;
    }

    /// <summary>
    /// Instants as UTC timestamptz cut to the millisecond (the precision the document and LiteDB keep, so a
    /// column and its document never disagree), enums by name (as LiteDB stores them), nulls as NULL.
    /// </summary>
    private static object ColumnValue(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset instant => new DateTimeOffset(instant.UtcTicks - instant.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero),
        Enum e => e.ToString(),
        _ => value,
    };

    private static T FromJson(string json) => Mapper.ToObject<T>(LiteDB.JsonSerializer.Deserialize(json).AsDocument);
}

/// <summary>A document table as the LiteDB-to-PostgreSQL migration sees it, whatever its entity type.</summary>
internal interface IPgDocumentTable
{
    string Table { get; }

    /// <summary>The columns written beside <c>id, version, data</c>.</summary>
    IReadOnlyList<string> Columns { get; }

    Task<long> CopyAsync(IEnumerable<BsonDocument> documents, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct);
}

/// <summary>
/// The document tables the stores of this process declared (each <see cref="PgCollection{T}"/> adds itself):
/// per table the collection that writes the most columns, since a store reading a table for one query may
/// declare none.
/// </summary>
internal sealed class PgTables
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IPgDocumentTable> _tables = new(StringComparer.Ordinal);

    public void Add(IPgDocumentTable table) =>
        _tables.AddOrUpdate(table.Table, table, (_, known) => table.Columns.Count > known.Columns.Count ? table : known);

    public IReadOnlyDictionary<string, IPgDocumentTable> All => _tables;
}
