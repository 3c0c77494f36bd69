namespace BotPlatform.Core.Messaging;

public enum OutboxKind
{
    Send,
    SendDocument,
    EditText,
    EditButtons,
    Delete,
}

public enum OutboxStatus
{
    Pending,
    Sent,
    /// <summary>Not sent on purpose: the person blocked the bot, or the chat is gone.</summary>
    Skipped,
    /// <summary>Gave up after the bounded retries; visible to admins.</summary>
    Failed,
}

/// <summary>An inline button: callback data (at most 64 bytes) or a URL.</summary>
public sealed record InlineButton(string Text, string? CallbackData = null, string? Url = null);

/// <summary>
/// One send or edit waiting in the durable outbox. <see cref="Id"/> is an idempotency key derived from
/// what caused the message (an update id, a timer), so producing the same message twice stores it once.
/// </summary>
public sealed class OutboxMessage
{
    public string Id { get; set; } = "";
    /// <summary>Global order of arrival; per chat, messages go out in this order.</summary>
    public long Seq { get; set; }
    public long ChatId { get; set; }
    public OutboxKind Kind { get; set; }
    public string? Text { get; set; }
    public List<List<InlineButton>>? Buttons { get; set; }
    public bool ForceReply { get; set; }
    public string? Placeholder { get; set; }
    /// <summary>For edits and deletions: the outbox id of the message to change ...</summary>
    public string? TargetId { get; set; }
    /// <summary>... or the Telegram message id, when the message came from an update (a pressed card).</summary>
    public int? TargetMessageId { get; set; }
    public string? FileKey { get; set; }
    /// <summary>A file Telegram already has (one a person sent): re-sent by its id, never downloaded.</summary>
    public string? TelegramFileId { get; set; }
    public bool AsPhoto { get; set; }
    public string? FileName { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NotBefore { get; set; }
    public int? SentMessageId { get; set; }
    public string? Error { get; set; }
}

public interface IOutboxStore
{
    /// <summary>Stores new messages in order; ids already present are ignored (idempotent replays).</summary>
    Task<int> EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct);

    /// <summary>Pending messages in arrival order.</summary>
    Task<IReadOnlyList<OutboxMessage>> PendingAsync(int limit, CancellationToken ct);

    Task<OutboxMessage?> GetAsync(string id, CancellationToken ct);

    Task SaveAsync(OutboxMessage message, CancellationToken ct);

    /// <summary>Moves every message of a chat that Telegram migrated to its new id.</summary>
    Task<int> RetargetChatAsync(long oldChatId, long newChatId, CancellationToken ct);

    Task<IReadOnlyList<OutboxMessage>> FailedAsync(int limit, CancellationToken ct);

    /// <summary>
    /// Removes sent and skipped messages created before the instant, except the ids in <paramref name="keep"/>;
    /// pending and failed ones stay. Returns how many went and how many old ones were kept for that reason.
    /// </summary>
    Task<(int Removed, int Kept)> RemoveSentBeforeAsync(DateTimeOffset before, IReadOnlySet<string> keep, CancellationToken ct);
}
