using BotPlatform.Core.Analytics.Projection;
using System.Globalization;
using LiteDB;

namespace BotPlatform.Infrastructure.Storage;

/// <summary>The analytics projection's rows, indexed by their aggregate, by decision/leave time and by being open; its daily buckets, by day.</summary>
internal sealed class AnalyticsStore : IAnalyticsStore
{
    private readonly LiteDbContext _db;
    private readonly ILiteCollection<StepDecisionRow> _steps;
    private readonly ILiteCollection<DocumentStatusSpan> _spans;
    private readonly ILiteCollection<BsonDocument> _digests;
    private readonly ILiteCollection<StepBucket> _stepBuckets;
    private readonly ILiteCollection<SpanBucket> _spanBuckets;

    public AnalyticsStore(LiteDbContext db)
    {
        _db = db;
        _steps = db.Collection<StepDecisionRow>(LiteDbCollections.StepDecisions);
        _steps.EnsureIndex(r => r.RequestId);
        _steps.EnsureIndex(r => r.DecidedAt);
        _steps.EnsureIndex(r => r.Open);
        _spans = db.Collection<DocumentStatusSpan>(LiteDbCollections.DocumentSpans);
        _spans.EnsureIndex(s => s.DocumentId);
        _spans.EnsureIndex(s => s.LeftAt);
        _spans.EnsureIndex(s => s.Open);
        _digests = db.Collection(LiteDbCollections.Digests);
        _stepBuckets = db.Collection<StepBucket>(LiteDbCollections.StepBuckets);
        _stepBuckets.EnsureIndex(b => b.Day);
        _spanBuckets = db.Collection<SpanBucket>(LiteDbCollections.SpanBuckets);
        _spanBuckets.EnsureIndex(b => b.Day);
    }

    public Task<bool> TryMarkDigestAsync(string key, DateTimeOffset at, CancellationToken ct) => Task.FromResult(_db.Exclusive(() =>
    {
        if (_digests.FindById(key) is not null) return false;
        _digests.Insert(new BsonDocument { ["_id"] = key, ["SentAt"] = at.UtcDateTime });
        return true;
    }));

    public Task<bool> DigestSentAsync(string key, CancellationToken ct) => Task.FromResult(_digests.FindById(key) is not null);

    public Task AddStepsAsync(IReadOnlyList<StepDecisionRow> rows, IReadOnlyList<StepBucket> buckets, CancellationToken ct)
    {
        _db.Exclusive(() =>
        {
            if (rows.Count > 0) _steps.InsertBulk(rows);
            Apply(_stepBuckets, buckets, b => b.Id, (stored, change) => stored.Add(change), b => b.IsEmpty, b => b.EmptyCopy());
            return 0;
        });
        return Task.CompletedTask;
    }

    public Task AddSpansAsync(IReadOnlyList<DocumentStatusSpan> spans, IReadOnlyList<SpanBucket> buckets, CancellationToken ct)
    {
        _db.Exclusive(() =>
        {
            if (spans.Count > 0) _spans.InsertBulk(spans);
            Apply(_spanBuckets, buckets, b => b.Id, (stored, change) => stored.Add(change), b => b.IsEmpty, b => b.EmptyCopy());
            return 0;
        });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StepDecisionRow>> StepsOfAsync(long requestId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<StepDecisionRow>>(_steps.Find(Query.EQ("RequestId", requestId)).ToList());

    public Task<IReadOnlyList<DocumentStatusSpan>> SpansOfAsync(long documentId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<DocumentStatusSpan>>(_spans.Find(Query.EQ("DocumentId", documentId)).ToList());

    public Task ReplaceStepsAsync(long requestId, IReadOnlyList<StepDecisionRow> rows, IReadOnlyList<StepBucket> changes, CancellationToken ct)
    {
        _db.Exclusive(() =>
        {
            _steps.DeleteMany(Query.EQ("RequestId", requestId));
            if (rows.Count > 0) _steps.InsertBulk(rows);
            Apply(_stepBuckets, changes, b => b.Id, (stored, change) => stored.Add(change), b => b.IsEmpty, b => b.EmptyCopy());
            return 0;
        });
        return Task.CompletedTask;
    }

    public Task ReplaceSpansAsync(long documentId, IReadOnlyList<DocumentStatusSpan> spans, IReadOnlyList<SpanBucket> changes, CancellationToken ct)
    {
        _db.Exclusive(() =>
        {
            _spans.DeleteMany(Query.EQ("DocumentId", documentId));
            if (spans.Count > 0) _spans.InsertBulk(spans);
            Apply(_spanBuckets, changes, b => b.Id, (stored, change) => stored.Add(change), b => b.IsEmpty, b => b.EmptyCopy());
            return 0;
        });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StepBucket>> StepBucketsAsync(DateOnly first, DateOnly last, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<StepBucket>>(_stepBuckets.Find(DayBetween(first, last)).ToList());

    public Task<IReadOnlyList<SpanBucket>> SpanBucketsAsync(DateOnly first, DateOnly last, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<SpanBucket>>(_spanBuckets.Find(DayBetween(first, last)).ToList());

    /// <summary>Days are stored as "yyyy-MM-dd", so the index orders them as dates.</summary>
    private static BsonExpression DayBetween(DateOnly first, DateOnly last) =>
        Query.And(Query.GTE("Day", first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            Query.LTE("Day", last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    /// <summary>Adds each change to its stored bucket (a new one when there is none); a bucket left empty is deleted.</summary>
    private static void Apply<T>(ILiteCollection<T> buckets, IReadOnlyList<T> changes, Func<T, string> id, Action<T, T> add, Func<T, bool> isEmpty,
        Func<T, T> emptyCopy)
    {
        foreach (var change in changes)
        {
            var stored = buckets.FindById(id(change)) ?? emptyCopy(change);
            add(stored, change);
            if (isEmpty(stored)) buckets.Delete(id(change));
            else buckets.Upsert(stored);
        }
    }

    public Task<IReadOnlyList<StepDecisionRow>> DecidedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<StepDecisionRow>>(_steps
            .Find(Query.And(Query.GTE("DecidedAt", new BsonValue(from.UtcDateTime)), Query.LT("DecidedAt", new BsonValue(to.UtcDateTime))))
            .ToList());

    public Task<IReadOnlyList<StepDecisionRow>> OpenStepsAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<StepDecisionRow>>(_steps.Find(Query.EQ("Open", true)).ToList());

    public Task<IReadOnlyList<DocumentStatusSpan>> ClosedSpansAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<DocumentStatusSpan>>(_spans
            .Find(Query.And(Query.GTE("LeftAt", new BsonValue(from.UtcDateTime)), Query.LT("LeftAt", new BsonValue(to.UtcDateTime))))
            .ToList());

    public Task<IReadOnlyList<DocumentStatusSpan>> OpenSpansAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<DocumentStatusSpan>>(_spans.Find(Query.EQ("Open", true)).ToList());
}
