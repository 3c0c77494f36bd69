namespace BotPlatform.Core.Approvals;

public interface IApprovalStore
{
    Task<ApprovalRequest?> GetAsync(long id, CancellationToken ct);
    /// <summary>Case-insensitive.</summary>
    Task<ApprovalRequest?> FindByNumberAsync(string number, CancellationToken ct);
    /// <summary>Stores a new request and gives it its id.</summary>
    Task InsertAsync(ApprovalRequest request, CancellationToken ct);
    /// <summary>Saves when the stored version equals request.Version, then increments it; false on a conflict.</summary>
    Task<bool> TryUpdateAsync(ApprovalRequest request, CancellationToken ct);
    /// <summary>Requests with a timer due at or before the instant, earliest first (read through an index).</summary>
    Task<IReadOnlyList<ApprovalRequest>> DueAsync(DateTimeOffset instant, int limit, CancellationToken ct);
    /// <summary>Open requests waiting for this person, oldest step first.</summary>
    Task<IReadOnlyList<ApprovalRequest>> WaitingForAsync(long personId, CancellationToken ct);
    /// <summary>Requests stopped on hold (frozen, or waiting for the initiator's documents), oldest first.</summary>
    Task<IReadOnlyList<ApprovalRequest>> HeldAsync(CancellationToken ct);
    /// <summary>The person's own requests, newest first.</summary>
    Task<IReadOnlyList<ApprovalRequest>> ByInitiatorAsync(long personId, int limit, CancellationToken ct);
    /// <summary>Approved payments not paid yet whose payment day is on or before the date (read through an index on PaymentDue).</summary>
    Task<IReadOnlyList<ApprovalRequest>> AwaitingPaymentAsync(DateOnly through, CancellationToken ct);
    /// <summary>By number or counterparty (case-insensitive substring), newest first.</summary>
    Task<IReadOnlyList<ApprovalRequest>> SearchAsync(string text, int limit, CancellationToken ct);
}
