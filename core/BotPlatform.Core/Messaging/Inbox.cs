namespace BotPlatform.Core.Messaging;

public enum InboxStatus
{
    Pending,
    Done,
    /// <summary>Failed more times than allowed; kept with its error for admins.</summary>
    Parked,
}

/// <summary>An update as received, stored before Telegram is told it arrived.</summary>
public sealed class InboxItem
{
    /// <summary>Telegram's update_id: the key that makes a redelivered update a no-op.</summary>
    public long Id { get; set; }
    /// <summary>The chat the update belongs to; updates of one chat are handled one at a time, in order.</summary>
    public long ChatKey { get; set; }
    public string Payload { get; set; } = "";
    public InboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? HandledAt { get; set; }
    public string? LastError { get; set; }
}

public interface IInboxStore
{
    /// <summary>Stores the updates whose ids are not there yet, all in one write; returns how many were new.</summary>
    Task<int> AddNewAsync(IReadOnlyList<InboxItem> items, CancellationToken ct);

    /// <summary>Pending items in update order.</summary>
    Task<IReadOnlyList<InboxItem>> PendingAsync(int limit, CancellationToken ct);

    Task SaveAsync(InboxItem item, CancellationToken ct);

    Task<IReadOnlyList<InboxItem>> ParkedAsync(int limit, CancellationToken ct);

    Task<InboxItem?> GetAsync(long updateId, CancellationToken ct);

    /// <summary>Removes handled (done) items handled before the instant; parked and pending ones stay. Returns how many went.</summary>
    Task<int> RemoveHandledBeforeAsync(DateTimeOffset before, CancellationToken ct);
}
