using BotPlatform.Core.Approvals;
using BotPlatform.Core.Documents.Registry;

namespace BotPlatform.Core.Analytics.Projection;

/// <summary>
/// One step visit of one request as analytics reads it (a row of the projection, one per decision, plus
/// the open visit while a step waits). Rewritten for its request on every save of the request.
/// </summary>
public sealed class StepDecisionRow
{
    /// <summary>"{request id}:{n}".</summary>
    public string Id { get; set; } = "";
    public long RequestId { get; set; }
    public string Number { get; set; } = "";
    public RequestKind Kind { get; set; }
    public string? Department { get; set; }
    public long? DocumentId { get; set; }
    public string Step { get; set; } = "";
    public int Seq { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    /// <summary>Null while the visit is open (indexed: the open rows are "waiting now").</summary>
    public DateTimeOffset? DecidedAt { get; set; }
    public string? Action { get; set; }
    public long? ActorId { get; set; }
    public long? OnBehalfOfId { get; set; }
    public string? Reason { get; set; }
    public double WorkingHours { get; set; }
    public int Reminders { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }
    public List<long> Waiting { get; set; } = [];
    /// <summary>Whether the row is an open visit (an index: LiteDB does not index nulls usefully).</summary>
    public bool Open { get; set; }
}

/// <summary>How long a document stayed in one status (open while it is still there).</summary>
public sealed class DocumentStatusSpan
{
    /// <summary>"{document id}:{n}".</summary>
    public string Id { get; set; } = "";
    public long DocumentId { get; set; }
    public string Number { get; set; } = "";
    public string Kind { get; set; } = "";
    public DocumentStatus Status { get; set; }
    public DateTimeOffset EnteredAt { get; set; }
    public DateTimeOffset? LeftAt { get; set; }
    public double WorkingHours { get; set; }
    public long ManagerId { get; set; }
    public long? ApprovalRequestId { get; set; }
    public bool Open { get; set; }
}

/// <summary>
/// The analytics projection: rows kept current on every save of a request or a document, and the daily buckets
/// summing the closed ones, both written in the caller's unit of work (on PostgreSQL its ambient transaction).
/// /stats reads the buckets of its days plus the open rows; the digest reads the rows of two weeks.
/// </summary>
public interface IAnalyticsStore
{
    /// <summary>The rows of a request stored for the first time (nothing to replace), and their buckets added.</summary>
    Task AddStepsAsync(IReadOnlyList<StepDecisionRow> rows, IReadOnlyList<StepBucket> buckets, CancellationToken ct);
    Task AddSpansAsync(IReadOnlyList<DocumentStatusSpan> spans, IReadOnlyList<SpanBucket> buckets, CancellationToken ct);
    /// <summary>The request's rows as stored now (what a replacement subtracts from the buckets).</summary>
    Task<IReadOnlyList<StepDecisionRow>> StepsOfAsync(long requestId, CancellationToken ct);
    Task<IReadOnlyList<DocumentStatusSpan>> SpansOfAsync(long documentId, CancellationToken ct);
    /// <summary>Replaces the request's rows and adds <paramref name="changes"/> (signed) to the buckets; a bucket left empty goes.</summary>
    Task ReplaceStepsAsync(long requestId, IReadOnlyList<StepDecisionRow> rows, IReadOnlyList<StepBucket> changes, CancellationToken ct);
    Task ReplaceSpansAsync(long documentId, IReadOnlyList<DocumentStatusSpan> spans, IReadOnlyList<SpanBucket> changes, CancellationToken ct);
    /// <summary>Decided rows with DecidedAt in [from, to) (read through an index on DecidedAt).</summary>
    Task<IReadOnlyList<StepDecisionRow>> DecidedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct);
    Task<IReadOnlyList<StepDecisionRow>> OpenStepsAsync(CancellationToken ct);
    /// <summary>Closed spans with LeftAt in [from, to).</summary>
    Task<IReadOnlyList<DocumentStatusSpan>> ClosedSpansAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct);
    Task<IReadOnlyList<DocumentStatusSpan>> OpenSpansAsync(CancellationToken ct);
    /// <summary>The step buckets of the local days [first, last].</summary>
    Task<IReadOnlyList<StepBucket>> StepBucketsAsync(DateOnly first, DateOnly last, CancellationToken ct);
    Task<IReadOnlyList<SpanBucket>> SpanBucketsAsync(DateOnly first, DateOnly last, CancellationToken ct);
    /// <summary>Records that a digest went out; false when it already had (what makes it go out once).</summary>
    Task<bool> TryMarkDigestAsync(string key, DateTimeOffset at, CancellationToken ct);
    Task<bool> DigestSentAsync(string key, CancellationToken ct);
}
