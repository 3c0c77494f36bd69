namespace BotPlatform.Core.Messaging;

/// <summary>What the bot knows about a chat it talks to: blocked, removed, migrated.</summary>
public sealed class ChatRecord
{
    public const string BlockedByUser = "blocked";
    public const string RemovedFromGroup = "removed";

    public long Id { get; set; }
    public bool IsGroup { get; set; }
    public string? Title { get; set; }
    /// <summary>Set when Telegram answered 403 (blocked by the user, kicked from the group).</summary>
    public DateTimeOffset? UnreachableSince { get; set; }
    public string? UnreachableReason { get; set; }
    /// <summary>Set when a group became a supergroup: every message goes to the new id.</summary>
    public long? MigratedTo { get; set; }
}

public interface IChatStore
{
    Task<ChatRecord?> GetAsync(long chatId, CancellationToken ct);
    Task SaveAsync(ChatRecord chat, CancellationToken ct);
    Task<IReadOnlyList<ChatRecord>> UnreachableAsync(CancellationToken ct);
}

/// <summary>Told when a group became a supergroup, so that whatever is keyed by the group's id follows it.</summary>
public interface IChatMigrationObserver
{
    Task MigratedAsync(long fromChatId, long toChatId, CancellationToken ct);
}
