using BotPlatform.Core.Common;
using BotPlatform.Core.Messaging;
using LiteDB;

namespace BotPlatform.Infrastructure.Storage;

/// <summary>One LiteDB transaction under the write lock; the outbox sender is woken after the commit.</summary>
internal sealed class LiteDbUnitOfWork(LiteDbContext db, OutboxSignal signal) : IUnitOfWork
{
    public Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var result = db.Exclusive(() =>
        {
            var task = work();
            // LiteDB stores complete synchronously; anything else would leave the lock on another thread.
            if (!task.IsCompleted) throw new InvalidOperationException("A unit of work may only call stores");
            return task.GetAwaiter().GetResult();
        });
        signal.Pulse();
        return Task.FromResult(result);
    }
}

internal sealed class SequenceStore(LiteDbContext db) : ISequenceStore
{
    private readonly ILiteCollection<BsonDocument> _sequences = db.Collection(LiteDbCollections.Sequences);

    public Task<long> NextAsync(string name, CancellationToken ct) => Task.FromResult(db.Exclusive(() =>
    {
        var doc = _sequences.FindById(name) ?? new BsonDocument { ["_id"] = name, ["Value"] = 0L };
        var next = doc["Value"].AsInt64 + 1;
        doc["Value"] = next;
        _sequences.Upsert(doc);
        return next;
    }));
}
