using BotPlatform.Core.Common;
using BotPlatform.Core.Messaging;
using LiteDB;
using Microsoft.Extensions.Options;

namespace BotPlatform.Infrastructure.Storage;

/// <summary>
/// The one LiteDB file of a host. LiteDB is thread-safe inside one process; the compare-and-swap of
/// versioned updates is serialised by a lock here, which is exact for the single-process default
/// (a PostgreSQL store would use a WHERE version = @v update instead).
/// </summary>
public sealed class LiteDbContext : IDisposable
{
    private readonly Lock _writeGate = new();

    public LiteDbContext(IOptions<StorageOptions> options)
    {
        var path = options.Value.DatabasePath;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        Database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, CreateMapper());
        // Here, before any other thread can use the file: see LiteDbCollections.
        foreach (var name in LiteDbCollections.All)
        {
            if (!Database.CollectionExists(name)) Database.GetCollection(name).Insert(Array.Empty<BsonDocument>());
        }
    }

    public LiteDatabase Database { get; }

    public ILiteCollection<T> Collection<T>(string name) => Database.GetCollection<T>(Declared(name));

    public ILiteCollection<BsonDocument> Collection(string name) => Database.GetCollection(Declared(name));

    /// <summary>
    /// Runs a read-check-write step that must not interleave with another one, as one transaction: all
    /// its writes reach the disk together, in one flush, or not at all.
    /// </summary>
    public TResult Exclusive<TResult>(Func<TResult> action)
    {
        lock (_writeGate)
        {
            // LiteDB transactions belong to the calling thread; the lock keeps this block on one thread.
            var own = Database.BeginTrans();
            try
            {
                var result = action();
                if (own) Database.Commit();
                return result;
            }
            catch
            {
                if (own) Database.Rollback();
                throw;
            }
        }
    }

    /// <summary>Saves a versioned entity when its stored version still matches, incrementing it.</summary>
    public bool TryUpdateVersioned<T>(string collection, BsonValue id, T entity) where T : IVersioned => Exclusive(() =>
    {
        var stored = Collection(collection).FindById(id);
        if (stored is null || stored["Version"].AsInt32 != entity.Version) return false;
        entity.Version++;
        if (Collection<T>(collection).Update(entity)) return true;
        entity.Version--;
        return false;
    });

    public void Dispose() => Database.Dispose();

    private static string Declared(string name) => LiteDbCollections.All.Contains(name)
        ? name
        : throw new InvalidOperationException($"The collection '{name}' is not declared in LiteDbCollections");

    /// <summary>The entity mapping of both engines: PostgreSQL keeps the same documents as JSON (see PgCollection).</summary>
    internal static BsonMapper CreateMapper()
    {
        var mapper = new BsonMapper { EnumAsInteger = false };
        // Instants are stored in UTC (millisecond precision, as LiteDB keeps DateTime).
        mapper.RegisterType<DateTimeOffset>(
            v => new BsonValue(v.UtcDateTime),
            b => new DateTimeOffset(DateTime.SpecifyKind(b.AsDateTime.ToUniversalTime(), DateTimeKind.Utc)));
        mapper.RegisterType<DateOnly>(
            v => new BsonValue(v.ToString("yyyy-MM-dd")),
            b => DateOnly.ParseExact(b.AsString, "yyyy-MM-dd"));
        mapper.RegisterType<InlineButton>(
            v => new BsonDocument { ["t"] = v.Text, ["d"] = v.CallbackData, ["u"] = v.Url },
            b => new InlineButton(b["t"].AsString, b["d"].IsNull ? null : b["d"].AsString, b["u"].IsNull ? null : b["u"].AsString));
        return mapper;
    }
}
