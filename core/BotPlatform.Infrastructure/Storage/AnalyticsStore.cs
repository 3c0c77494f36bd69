using BotPlatform.Core.Analytics.Projection;
using LiteDB;

namespace BotPlatform.Infrastructure.Storage;

/// <summary>The analytics projection's rows, indexed by their aggregate, by decision/leave time and by being open.</summary>
internal sealed class AnalyticsStore : IAnalyticsStore
{
    private readonly LiteDbContext _db;
    private readonly ILiteCollection<StepDecisionRow> _steps;
    private readonly ILiteCollection<DocumentStatusSpan> _spans;
    private readonly ILiteCollection<BsonDocument> _digests;

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
    }

    public Task<bool> TryMarkDigestAsync(string key, DateTimeOffset at, CancellationToken ct) => Task.FromResult(_db.Exclusive(() =>
    {
        if (_digests.FindById(key) is not null) return false;
        _digests.Insert(new BsonDocument { ["_id"] = key, ["SentAt"] = at.UtcDateTime });
        return true;
    }));

    public Task<bool> DigestSentAsync(string key, CancellationToken ct) => Task.FromResult(_digests.FindById(key) is not null);

    public Task AddStepsAsync(IReadOnlyList<StepDecisionRow> rows, CancellationToken ct)
    {
        if (rows.Count > 0) _steps.InsertBulk(rows);
        return Task.CompletedTask;
    }

    public Task AddSpansAsync(IReadOnlyList<DocumentStatusSpan> spans, CancellationToken ct)
    {
        if (spans.Count > 0) _spans.InsertBulk(spans);
        return Task.CompletedTask;
    }

    public Task ReplaceStepsAsync(long requestId, IReadOnlyList<StepDecisionRow> rows, CancellationToken ct)
    {
        _db.Exclusive(() =>
        {
            _steps.DeleteMany(Query.EQ("RequestId", requestId));
            if (rows.Count > 0) _steps.InsertBulk(rows);
            return 0;
        });
        return Task.CompletedTask;
    }

    public Task ReplaceSpansAsync(long documentId, IReadOnlyList<DocumentStatusSpan> spans, CancellationToken ct)
    {
        _db.Exclusive(() =>
        {
            _spans.DeleteMany(Query.EQ("DocumentId", documentId));
            if (spans.Count > 0) _spans.InsertBulk(spans);
            return 0;
        });
        return Task.CompletedTask;
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
