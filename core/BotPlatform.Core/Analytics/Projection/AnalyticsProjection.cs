using BotPlatform.Core.Approvals;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.People;

namespace BotPlatform.Core.Analytics.Projection;

/// <summary>
/// Turns a request or a document into its analytics rows. Called by the stores' decorators on every
/// insert and successful update, inside the same unit of work: the rows never disagree with the aggregate.
/// The daily buckets change by the difference between the old and the new rows, so /stats reads the buckets of
/// its days plus the open rows instead of every request's history or every decision. Hours are counted on the
/// calendar in force on each day (the organisation's calendar changes), so a re-save never moves a past figure.
/// </summary>
public sealed class AnalyticsProjection(Organisation organisation, TimeProvider time)
{
    public IReadOnlyList<StepDecisionRow> Steps(ApprovalRequest r)
    {
        var visits = StepVisits.Of(r, organisation.Calendar, time.GetUtcNow());
        return visits.Select((v, i) => new StepDecisionRow
        {
            Id = $"{r.Id}:{i}", RequestId = r.Id, Number = r.Number, Kind = r.Kind, Department = r.Department, DocumentId = r.DocumentId,
            Step = v.Step, Seq = v.Seq, ReceivedAt = v.ReceivedAt, DecidedAt = v.DecidedAt, Action = v.Action, ActorId = v.ActorId,
            OnBehalfOfId = v.OnBehalfOfId, Reason = v.Reason, WorkingHours = v.IsOpen ? 0 : v.WorkingHours, Reminders = v.Reminders,
            EscalatedAt = v.EscalatedAt, Waiting = [.. v.Waiting], Open = v.IsOpen,
        }).ToList();
    }

    public IReadOnlyList<DocumentStatusSpan> Spans(Document d)
    {
        var spans = new List<DocumentStatusSpan>();
        DocumentStatusSpan? current = null;
        foreach (var e in d.History)
        {
            if (StatusAfter(e.Action) is not { } status || current?.Status == status) continue;
            if (current is not null) Close(current, e.At);
            current = new DocumentStatusSpan
            {
                Id = $"{d.Id}:{spans.Count}", DocumentId = d.Id, Number = d.Number, Kind = d.Kind, Status = status, EnteredAt = e.At,
                ManagerId = d.ManagerId, Open = true,
            };
            spans.Add(current);
        }
        if (current is not null)
        {
            current.ApprovalRequestId = current.Status == DocumentStatus.OnApproval ? d.ApprovalRequestId : null;
            // An archived or annulled document has arrived: its last stay is not waiting for anyone, so it is not read as open.
            current.Open = current.Status is not (DocumentStatus.Archived or DocumentStatus.Annulled);
        }
        return spans;
    }

    /// <summary>What the buckets gain and lose when a request's stored rows <paramref name="before"/> become <paramref name="after"/>.</summary>
    public IReadOnlyList<StepBucket> StepChanges(IReadOnlyList<StepDecisionRow> after, IReadOnlyList<StepDecisionRow> before) =>
        BucketMath.Change(BucketMath.StepBuckets(after, organisation.Calendar), BucketMath.StepBuckets(before, organisation.Calendar));

    public IReadOnlyList<SpanBucket> SpanChanges(IReadOnlyList<DocumentStatusSpan> after, IReadOnlyList<DocumentStatusSpan> before) =>
        BucketMath.Change(BucketMath.SpanBuckets(after, organisation.Calendar), BucketMath.SpanBuckets(before, organisation.Calendar));

    private void Close(DocumentStatusSpan span, DateTimeOffset at)
    {
        span.LeftAt = at;
        span.Open = false;
        span.WorkingHours = at <= span.EnteredAt ? 0 : Math.Round(organisation.Calendar.WorkingTimeBetween(span.EnteredAt, at).TotalHours, 2);
    }

    /// <summary>The status a document's history entry leaves it in (null: the entry does not move it).</summary>
    public static DocumentStatus? StatusAfter(string action) => action switch
    {
        DocumentActions.Generated => DocumentStatus.Draft,
        DocumentActions.Submitted => DocumentStatus.OnApproval,
        DocumentActions.ApprovalSkipped or DocumentActions.Approved => DocumentStatus.Approved,
        DocumentActions.Rejected or DocumentActions.Withdrawn => DocumentStatus.Draft,
        DocumentActions.Printed => DocumentStatus.Printed,
        DocumentActions.Sent => DocumentStatus.Sent,
        DocumentActions.Returned => DocumentStatus.Returned,
        DocumentActions.Archived => DocumentStatus.Archived,
        DocumentActions.Annulled => DocumentStatus.Annulled,
        _ => null,
    };
}

/// <summary>
/// The approval store with its analytics rows kept current in the same unit of work. A save made outside one opens
/// its own (a nested one joins the caller's): the stored rows the bucket change is computed from are read after the
/// request's row is written and locked, so a concurrent save of the same request cannot slip between the read and
/// the replace, and the request and its rows commit together.
/// </summary>
public sealed class ProjectingApprovalStore(IApprovalStore inner, IAnalyticsStore analytics, AnalyticsProjection projection, IUnitOfWork unitOfWork)
    : IApprovalStore
{
    public Task<ApprovalRequest?> GetAsync(long id, CancellationToken ct) => inner.GetAsync(id, ct);
    public Task<ApprovalRequest?> FindByNumberAsync(string number, CancellationToken ct) => inner.FindByNumberAsync(number, ct);

    public Task InsertAsync(ApprovalRequest request, CancellationToken ct) => unitOfWork.RunAsync(async () =>
    {
        await inner.InsertAsync(request, ct);
        var rows = projection.Steps(request);
        await analytics.AddStepsAsync(rows, projection.StepChanges(rows, []), ct);
        return true;
    }, ct);

    public Task<bool> TryUpdateAsync(ApprovalRequest request, CancellationToken ct) => unitOfWork.RunAsync(async () =>
    {
        if (!await inner.TryUpdateAsync(request, ct)) return false;
        var rows = projection.Steps(request);
        var before = await analytics.StepsOfAsync(request.Id, ct);
        await analytics.ReplaceStepsAsync(request.Id, rows, projection.StepChanges(rows, before), ct);
        return true;
    }, ct);

    public Task<IReadOnlyList<ApprovalRequest>> DueAsync(DateTimeOffset instant, int limit, CancellationToken ct) => inner.DueAsync(instant, limit, ct);
    public Task<IReadOnlyList<ApprovalRequest>> WaitingForAsync(long personId, CancellationToken ct) => inner.WaitingForAsync(personId, ct);
    public Task<IReadOnlyList<ApprovalRequest>> HeldAsync(CancellationToken ct) => inner.HeldAsync(ct);
    public Task<IReadOnlyList<ApprovalRequest>> ByInitiatorAsync(long personId, int limit, CancellationToken ct) =>
        inner.ByInitiatorAsync(personId, limit, ct);
    public Task<IReadOnlyList<ApprovalRequest>> AwaitingPaymentAsync(DateOnly through, CancellationToken ct) => inner.AwaitingPaymentAsync(through, ct);
    public Task<IReadOnlyList<ApprovalRequest>> SearchAsync(string text, int limit, CancellationToken ct) => inner.SearchAsync(text, limit, ct);
}

/// <summary>The document store with its status spans kept current in the same unit of work (one of its own outside one, as above).</summary>
public sealed class ProjectingDocumentStore(IDocumentStore inner, IAnalyticsStore analytics, AnalyticsProjection projection, IUnitOfWork unitOfWork)
    : IDocumentStore
{
    public Task<Document?> GetAsync(long id, CancellationToken ct) => inner.GetAsync(id, ct);
    public Task<Document?> FindByNumberAsync(string number, CancellationToken ct) => inner.FindByNumberAsync(number, ct);
    public Task<Document?> FindByCodeAsync(string code, CancellationToken ct) => inner.FindByCodeAsync(code, ct);
    public Task<Document?> FindByApprovalRequestAsync(long requestId, CancellationToken ct) => inner.FindByApprovalRequestAsync(requestId, ct);
    public Task<IReadOnlyList<Document>> ByDealAsync(long dealId, CancellationToken ct) => inner.ByDealAsync(dealId, ct);
    public Task<IReadOnlyList<Document>> ByClientAsync(long clientId, CancellationToken ct) => inner.ByClientAsync(clientId, ct);
    public Task<IReadOnlyList<Document>> AppendicesAsync(long parentId, CancellationToken ct) => inner.AppendicesAsync(parentId, ct);
    public Task<IReadOnlyList<Document>> SearchAsync(DocumentFilter filter, int limit, CancellationToken ct) => inner.SearchAsync(filter, limit, ct);
    public Task<IReadOnlyList<Document>> PaperDueAsync(DateTimeOffset instant, int limit, CancellationToken ct) => inner.PaperDueAsync(instant, limit, ct);

    public Task InsertAsync(Document document, CancellationToken ct) => unitOfWork.RunAsync(async () =>
    {
        await inner.InsertAsync(document, ct);
        var spans = projection.Spans(document);
        await analytics.AddSpansAsync(spans, projection.SpanChanges(spans, []), ct);
        return true;
    }, ct);

    public Task<bool> TryUpdateAsync(Document document, CancellationToken ct) => unitOfWork.RunAsync(async () =>
    {
        if (!await inner.TryUpdateAsync(document, ct)) return false;
        var spans = projection.Spans(document);
        var before = await analytics.SpansOfAsync(document.Id, ct);
        await analytics.ReplaceSpansAsync(document.Id, spans, projection.SpanChanges(spans, before), ct);
        return true;
    }, ct);
}
