using System.Text.Json.Nodes;

namespace BotPlatform.Testing;

// Mutable state behind BotApiEngine's lock. Nothing here is handed out: tests get snapshots.

internal sealed class UserState(FakeUser user)
{
    public FakeUser User { get; } = user;

    /// <summary>The user wrote to the bot at least once, so the bot may write to them.</summary>
    public bool StartedBot { get; set; }

    public bool BlockedBot { get; set; }
}

internal sealed class ChatState(long id, FakeChatType type, string title, string? username = null)
{
    public long Id { get; } = id;

    public FakeChatType Type { get; } = type;

    public string Title { get; } = title;

    public string? Username { get; } = username;

    /// <summary>The user on the other side of a private chat.</summary>
    public UserState? PrivateUser { get; init; }

    public HashSet<long> Members { get; } = [];

    public bool BotIsMember { get; set; }

    public bool BotWasRemoved { get; set; }

    public long? MigratedTo { get; set; }

    public List<MessageState> Messages { get; } = [];

    /// <summary>The chat's highest message id when a user last wrote or pressed a button in it.</summary>
    public int LastUserActionAt { get; set; }

    public int NextMessageId => Messages.Count + 1;

    public FakeChat ToFake() => new(Id, Type, Title, Username);

    public MessageState? Find(long messageId) =>
        messageId >= 1 && messageId <= Messages.Count ? Messages[(int)messageId - 1] : null;
}

internal sealed class MessageState(long chatId, int messageId, FakeUser? from, long date)
{
    public long ChatId { get; } = chatId;

    public int MessageId { get; } = messageId;

    /// <summary>Null when the bot sent the message.</summary>
    public FakeUser? From { get; } = from;

    public long Date { get; } = date;

    public string? Text { get; set; }

    public JsonArray? Entities { get; set; }

    public string? Caption { get; set; }

    public JsonArray? CaptionEntities { get; set; }

    /// <summary>The reply_markup as sent (normalised): inline keyboard, force reply, reply keyboard or removal.</summary>
    public JsonObject? ReplyMarkup { get; set; }

    public FileState? Document { get; init; }

    public FileState? Photo { get; init; }

    public FileState? Sticker { get; init; }

    public MessageState? ReplyTo { get; init; }

    public long? MigrateToChatId { get; init; }

    public long? MigrateFromChatId { get; init; }

    public int EditCount { get; set; }

    public long? EditDate { get; set; }

    public bool Deleted { get; set; }

    public JsonObject? InlineKeyboard => ReplyMarkup?["inline_keyboard"] is not null ? ReplyMarkup : null;
}

internal sealed record FileState(
    string FileId,
    string FileUniqueId,
    FileKind Kind,
    string? FileName,
    string? MimeType,
    string FilePath,
    byte[] Content,
    int? Width,
    int? Height)
{
    public FakeFile ToFake() => new(FileId, FileUniqueId, FileName, MimeType, FilePath, Content, Width, Height);
}

internal enum FileKind
{
    Document,
    Photo,
    Sticker,
}

internal sealed class CallbackQueryState(string id, long chatId, TimeSpan pressedAt)
{
    public string Id { get; } = id;

    public long ChatId { get; } = chatId;

    /// <summary>Real time of the press since the engine started.</summary>
    public TimeSpan PressedAt { get; } = pressedAt;

    public CallbackAnswerInfo? Answer { get; set; }
}

internal sealed class FaultRule(Fault fault, string? method, long? chatId, int times)
{
    public Fault Fault { get; } = fault;

    public string? Method { get; } = method;

    public long? ChatId { get; } = chatId;

    public int Remaining { get; set; } = times;
}

internal sealed class WebhookState(string url, string? secretToken, int maxConnections)
{
    public string Url { get; } = url;

    public string? SecretToken { get; } = secretToken;

    public int MaxConnections { get; } = maxConnections;

    public long? LastErrorDate { get; set; }

    public string? LastErrorMessage { get; set; }
}

internal sealed record PendingUpdate(long UpdateId, JsonObject Json);

/// <summary>A getUpdates call in progress; a newer call terminates it, as Telegram does.</summary>
internal sealed class LongPoll
{
    public bool Terminated { get; set; }
}
