using BotPlatform.Core.Analytics.Projection;

namespace BotPlatform.Infrastructure.Storage.Postgres;

/// <summary>
/// The analytics projection on PostgreSQL (migration 0007). Every write runs in one transaction that joins the
/// ambient unit of work, so the rows and buckets of a decision commit or roll back with the decision itself.
/// A bucket is changed under its row lock (inserted empty first when new), so two writers never lose a count.
/// </summary>
internal sealed class PgAnalyticsStore(PostgresDatabase db) : IAnalyticsStore
{
    private readonly PgCollection<StepDecisionRow> _steps = new(db, "step_decisions",
        new("request_id", r => r.RequestId), new("decided_at", r => r.DecidedAt), new("is_open", r => r.Open));
    private readonly PgCollection<DocumentStatusSpan> _spans = new(db, "document_spans",
        new("document_id", s => s.DocumentId), new("left_at", s => s.LeftAt), new("is_open", s => s.Open));
    private readonly PgCollection<StepBucket> _stepBuckets = new(db, "step_buckets", new PgColumn<StepBucket>("day", b => b.Day));
    private readonly PgCollection<SpanBucket> _spanBuckets = new(db, "span_buckets", new PgColumn<SpanBucket>("day", b => b.Day));
    private readonly PgCollection<DigestMark> _digests = new(db, "digests");

    public Task AddStepsAsync(IReadOnlyList<StepDecisionRow> rows, IReadOnlyList<StepBucket> buckets, CancellationToken ct) =>
        db.InTransactionAsync(async (_, _) =>
        {
            foreach (var row in rows) await _steps.InsertAsync(row, ct);
            foreach (var change in buckets) await ApplyAsync(_stepBuckets, change, change.Id, b => b.EmptyCopy(), (b, c) => b.Add(c), b => b.IsEmpty, ct);
            return true;
        }, ct);

    public Task AddSpansAsync(IReadOnlyList<DocumentStatusSpan> spans, IReadOnlyList<SpanBucket> buckets, CancellationToken ct) =>
        db.InTransactionAsync(async (_, _) =>
        {
            foreach (var span in spans) await _spans.InsertAsync(span, ct);
            foreach (var change in buckets) await ApplyAsync(_spanBuckets, change, change.Id, b => b.EmptyCopy(), (b, c) => b.Add(c), b => b.IsEmpty, ct);
            return true;
        }, ct);

    public Task<IReadOnlyList<StepDecisionRow>> StepsOfAsync(long requestId, CancellationToken ct) =>
        _steps.FindAsync("request_id = @p0", null, null, ct, requestId);

    public Task<IReadOnlyList<DocumentStatusSpan>> SpansOfAsync(long documentId, CancellationToken ct) =>
        _spans.FindAsync("document_id = @p0", null, null, ct, documentId);

    public Task ReplaceStepsAsync(long requestId, IReadOnlyList<StepDecisionRow> rows, IReadOnlyList<StepBucket> changes, CancellationToken ct) =>
        db.InTransactionAsync(async (_, _) =>
        {
            await _steps.DeleteManyAsync((await _steps.IdsAsync("request_id = @p0", ct, requestId)).Cast<string>().ToArray(), ct);
            foreach (var row in rows) await _steps.InsertAsync(row, ct);
            foreach (var change in changes) await ApplyAsync(_stepBuckets, change, change.Id, b => b.EmptyCopy(), (b, c) => b.Add(c), b => b.IsEmpty, ct);
            return true;
        }, ct);

    public Task ReplaceSpansAsync(long documentId, IReadOnlyList<DocumentStatusSpan> spans, IReadOnlyList<SpanBucket> changes, CancellationToken ct) =>
        db.InTransactionAsync(async (_, _) =>
        {
            await _spans.DeleteManyAsync((await _spans.IdsAsync("document_id = @p0", ct, documentId)).Cast<string>().ToArray(), ct);
            foreach (var span in spans) await _spans.InsertAsync(span, ct);
            foreach (var change in changes) await ApplyAsync(_spanBuckets, change, change.Id, b => b.EmptyCopy(), (b, c) => b.Add(c), b => b.IsEmpty, ct);
            return true;
        }, ct);

    public Task<IReadOnlyList<StepDecisionRow>> DecidedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        _steps.FindAsync("decided_at >= @p0 AND decided_at < @p1", "decided_at, id", null, ct, from, to);

    public Task<IReadOnlyList<StepDecisionRow>> OpenStepsAsync(CancellationToken ct) => _steps.FindAsync("is_open", null, null, ct);

    public Task<IReadOnlyList<DocumentStatusSpan>> ClosedSpansAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        _spans.FindAsync("left_at >= @p0 AND left_at < @p1", "left_at, id", null, ct, from, to);

    public Task<IReadOnlyList<DocumentStatusSpan>> OpenSpansAsync(CancellationToken ct) => _spans.FindAsync("is_open", null, null, ct);

    public Task<IReadOnlyList<StepBucket>> StepBucketsAsync(DateOnly first, DateOnly last, CancellationToken ct) =>
        _stepBuckets.FindAsync("day BETWEEN @p0 AND @p1", "day, id", null, ct, first, last);

    public Task<IReadOnlyList<SpanBucket>> SpanBucketsAsync(DateOnly first, DateOnly last, CancellationToken ct) =>
        _spanBuckets.FindAsync("day BETWEEN @p0 AND @p1", "day, id", null, ct, first, last);

    public Task<bool> TryMarkDigestAsync(string key, DateTimeOffset at, CancellationToken ct) =>
        _digests.TryInsertAsync(new DigestMark { Id = key, SentAt = at }, ct);

    public async Task<bool> DigestSentAsync(string key, CancellationToken ct) => await _digests.GetAsync(key, ct) is not null;

    /// <summary>Adds one change to its bucket under the bucket's row lock; the bucket is deleted when nothing is left in it.</summary>
    private static async Task ApplyAsync<T>(PgCollection<T> buckets, T change, string id, Func<T, T> emptyCopy, Action<T, T> add, Func<T, bool> isEmpty,
        CancellationToken ct) where T : class
    {
        await buckets.TryInsertAsync(emptyCopy(change), ct);
        var empty = false;
        await buckets.ChangeAsync(id, stored =>
        {
            add(stored, change);
            empty = isEmpty(stored);
            return !empty;
        }, ct);
        if (empty) await buckets.DeleteAsync(id, ct);
    }
}

/// <summary>A digest that went out (its key, e.g. "weekly:2026-11-23").</summary>
public sealed class DigestMark
{
    public string Id { get; set; } = "";
    public DateTimeOffset SentAt { get; set; }
}
