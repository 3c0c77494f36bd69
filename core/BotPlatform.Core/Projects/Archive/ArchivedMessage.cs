namespace BotPlatform.Core.Projects.Archive;

/// <summary>
/// One message of a client's group as the bot saw it, kept with the group's projects. Telegram never tells
/// a bot about deletions, so a message deleted in the group stays here; an edit adds a version.
/// </summary>
public sealed class ArchivedMessage
{
    /// <summary>"CHAT:MESSAGE": Telegram's ids, so a replayed update finds its message already stored.</summary>
    public string Id { get; set; } = "";
    /// <summary>The group's current id: a group that became a supergroup keeps its earlier messages under the new id.</summary>
    public long GroupId { get; set; }
    /// <summary>The chat the message was written in (the old id of a migrated group for its earlier messages).</summary>
    public long ChatId { get; set; }
    public int MessageId { get; set; }
    /// <summary>When it was written (Telegram's date).</summary>
    public DateTimeOffset At { get; set; }
    public long? FromUserId { get; set; }
    public string FromName { get; set; } = "";
    public string? FromUsername { get; set; }
    public bool FromBot { get; set; }
    /// <summary>The staff member who wrote it; null for the client's people.</summary>
    public long? PersonId { get; set; }
    public int? ReplyToMessageId { get; set; }
    public string? ForwardedFrom { get; set; }
    /// <summary>A service event instead of a message (someone joined, left, renamed the group).</summary>
    public ArchivedEvent Event { get; set; }
    public string? EventArgument { get; set; }
    /// <summary>The first version is the message as written; each edit appends one.</summary>
    public List<MessageVersion> Versions { get; set; } = [];
    /// <summary>Known only from a reply's quote (privacy mode hides ordinary messages from the bot).</summary>
    public bool FromQuote { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public static string Key(long chatId, int messageId) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{chatId}:{messageId}");

    public MessageVersion Current => Versions[^1];

    public bool IsEdited => Versions.Count > 1 || Versions.Any(v => v.Edited);
}

public enum ArchivedEvent
{
    None,
    Joined,
    Left,
    TitleChanged,
}

public sealed class MessageVersion
{
    /// <summary>The message's date for the first version, the edit's date for later ones.</summary>
    public DateTimeOffset At { get; set; }
    public bool Edited { get; set; }
    public string? Text { get; set; }
    public List<ArchivedFile> Files { get; set; } = [];

    public bool SameContent(MessageVersion other) =>
        Text == other.Text && Files.Select(f => f.FileUniqueId ?? f.FileId).SequenceEqual(other.Files.Select(f => f.FileUniqueId ?? f.FileId));
}

/// <summary>A file of a message: Telegram keeps the bytes, the archive its name and id (re-sendable by the bot).</summary>
public sealed class ArchivedFile
{
    /// <summary>document, photo, video, voice, audio, sticker, animation, video_note, contact, location, poll.</summary>
    public string Kind { get; set; } = "";
    public string? FileId { get; set; }
    public string? FileUniqueId { get; set; }
    public string? FileName { get; set; }
    public string? MimeType { get; set; }
    public long? Size { get; set; }
}

/// <summary>The messages of client groups, keyed by Telegram's chat and message ids.</summary>
public interface IGroupArchiveStore
{
    Task<ArchivedMessage?> GetAsync(long chatId, int messageId, CancellationToken ct);
    /// <summary>Stores a new message; false (and nothing changes) when one with its id is stored already.</summary>
    Task<bool> TryInsertAsync(ArchivedMessage message, CancellationToken ct);
    /// <summary>Replaces a stored message (its new versions).</summary>
    Task UpdateAsync(ArchivedMessage message, CancellationToken ct);
    /// <summary>Every message of these groups (by <see cref="ArchivedMessage.GroupId"/>), in the order they were written.</summary>
    Task<IReadOnlyList<ArchivedMessage>> ByGroupsAsync(IReadOnlyCollection<long> groupIds, CancellationToken ct);
    /// <summary>A group became a supergroup: its messages so far belong to the new id. Returns how many moved.</summary>
    Task<int> MoveGroupAsync(long fromGroupId, long toGroupId, CancellationToken ct);
}
