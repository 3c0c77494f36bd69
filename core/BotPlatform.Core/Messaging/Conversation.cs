namespace BotPlatform.Core.Messaging;

/// <summary>
/// A multi-step dialog in progress for one person in one chat, persisted after every step so that a
/// restart continues it where it stopped.
/// </summary>
public sealed class Conversation
{
    public string Id { get; set; } = "";
    public long ChatId { get; set; }
    public long UserId { get; set; }
    public string Flow { get; set; } = "";
    public string Step { get; set; } = "";
    public Dictionary<string, string> Data { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }

    public static string KeyOf(long chatId, long userId) => $"{chatId}:{userId}";
}

public interface IConversationStore
{
    Task<Conversation?> GetAsync(long chatId, long userId, CancellationToken ct);
    Task SaveAsync(Conversation conversation, CancellationToken ct);
    Task<bool> DeleteAsync(long chatId, long userId, CancellationToken ct);
}
