using System.Text;

namespace BotPlatform.Testing;

/// <summary>A Telegram user the test acts as. Their private chat with the bot has the same id.</summary>
public sealed record FakeUser(long Id, string FirstName, string? Username, string LanguageCode)
{
    public FakeChat PrivateChat => new(Id, FakeChatType.Private, FirstName, Username);

    public override string ToString() => Username is null ? $"{FirstName} ({Id})" : $"{FirstName} @{Username} ({Id})";
}

public enum FakeChatType
{
    Private,
    Group,
    Supergroup,
}

/// <summary>A chat as the test refers to it; the engine looks chats up by <see cref="Id"/>.</summary>
public sealed record FakeChat(long Id, FakeChatType Type, string Title, string? Username = null);

/// <summary>An inline keyboard button as the user sees it.</summary>
public sealed record FakeButton(string Text, string? CallbackData, string? Url);

/// <summary>A stored file: what the bot uploaded or a user sent.</summary>
public sealed record FakeFile(
    string FileId,
    string FileUniqueId,
    string? FileName,
    string? MimeType,
    string FilePath,
    byte[] Content,
    int? Width = null,
    int? Height = null)
{
    public long Size => Content.LongLength;
}

/// <summary>A snapshot of one message with its latest content, taken when it was read.</summary>
public sealed record FakeMessage(
    long ChatId,
    int MessageId,
    FakeUser? From,
    DateTimeOffset Date,
    string? Text,
    string? Caption,
    IReadOnlyList<IReadOnlyList<FakeButton>> InlineKeyboard,
    bool ForceReply,
    IReadOnlyList<IReadOnlyList<string>> ReplyKeyboard,
    FakeFile? Document,
    FakeFile? Photo,
    bool IsSticker,
    int? ReplyToMessageId,
    int EditCount,
    bool IsDeleted,
    long? MigrateToChatId,
    long? MigrateFromChatId)
{
    /// <summary>Formatting of <see cref="TextOrCaption"/> (bold, links, code...); offsets in UTF-16 code units.</summary>
    public IReadOnlyList<FakeEntity> Entities { get; init; } = [];

    /// <summary>True when the bot sent the message (then <see cref="From"/> is null).</summary>
    public bool IsFromBot => From is null;

    public string? TextOrCaption => Text ?? Caption;

    public IEnumerable<FakeButton> Buttons => InlineKeyboard.SelectMany(row => row);

    public FakeButton? Button(string text) => Buttons.FirstOrDefault(b => b.Text == text);

    public string Describe()
    {
        var line = new StringBuilder($"#{MessageId} {(From is null ? "bot" : From.FirstName)}: ");
        if (Document is not null)
        {
            line.Append($"[document {Document.FileName}] ");
        }

        if (Photo is not null)
        {
            line.Append("[photo] ");
        }

        if (IsSticker)
        {
            line.Append("[sticker] ");
        }

        if (ReplyToMessageId is { } replyTo)
        {
            line.Append($"(reply to #{replyTo}) ");
        }

        if (MigrateToChatId is { } to)
        {
            line.Append($"[migrated to {to}]");
        }

        if (MigrateFromChatId is { } from)
        {
            line.Append($"[migrated from {from}]");
        }

        line.Append(TextOrCaption);
        foreach (var row in InlineKeyboard)
        {
            line.Append("\n    ").AppendJoin(" ", row.Select(b => b.CallbackData is not null ? $"[{b.Text} | {b.CallbackData}]" : $"[{b.Text} -> {b.Url}]"));
        }

        if (ReplyKeyboard.Count > 0)
        {
            line.Append("\n    keyboard: ").AppendJoin(" / ", ReplyKeyboard.Select(row => string.Join(" ", row.Select(b => $"[{b}]"))));
        }

        if (ForceReply)
        {
            line.Append("\n    (asks for a reply)");
        }

        if (EditCount > 0)
        {
            line.Append($"\n    (edited {EditCount}x)");
        }

        return line.ToString();
    }
}

/// <summary>One formatting entity of a message: type ("bold", "text_link", "pre"...), where it is, and a link's URL.</summary>
public sealed record FakeEntity(string Type, int Offset, int Length, string? Url = null, string? Language = null);

/// <summary>How the bot answered a callback query, and how long after the press (real time).</summary>
public sealed record CallbackAnswerInfo(string CallbackQueryId, string? Text, bool ShowAlert, string? Url, TimeSpan Latency);

/// <summary>One successful message-creating call; <see cref="At"/> is real time since the engine started.</summary>
public sealed record SendRecord(long ChatId, string Method, int MessageId, TimeSpan At);

/// <summary>
/// One Bot API call and its answer. <see cref="FaultInjected"/> marks answers a test forced with
/// InjectFault or BlockBot rather than mistakes of the bot.
/// </summary>
public sealed record RequestRecord(string Method, int StatusCode, string? Description, long? ChatId, bool FaultInjected, TimeSpan At);

/// <summary>A failure to inject into the next matching calls (see BotApiEngine.InjectFault).</summary>
public abstract record Fault
{
    private Fault()
    {
    }

    /// <summary>403 "Forbidden: bot was blocked by the user".</summary>
    public static Fault Forbidden { get; } = new ForbiddenFault();

    /// <summary>500 "Internal Server Error".</summary>
    public static Fault ServerError { get; } = new ServerErrorFault();

    /// <summary>429 "Too Many Requests: retry after N" with parameters.retry_after = N.</summary>
    public static Fault TooManyRequests(int retryAfterSeconds) => new TooManyRequestsFault(retryAfterSeconds);

    /// <summary>Holds the call for the delay (or until the client gives up), then drops the connection; the call is not applied.</summary>
    public static Fault Timeout(TimeSpan delay) => new TimeoutFault(delay);

    public sealed record TooManyRequestsFault(int RetryAfterSeconds) : Fault;

    public sealed record ForbiddenFault : Fault;

    public sealed record ServerErrorFault : Fault;

    public sealed record TimeoutFault(TimeSpan Delay) : Fault;
}

/// <summary>A command the bot registered with setMyCommands.</summary>
public sealed record FakeBotCommand(string Command, string Description);
