using System.Globalization;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Projects.Archive;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.Enums;

namespace BotPlatform.Bot.Projects;

/// <summary>
/// Hands every message and edit of a group to the archive, whatever handles it (commands, answers to the
/// bot's questions, plain talk), in the update's completion write: the message is stored in the same
/// transaction that marks the update done, so archiving costs no write of its own. A reply brings the message
/// it answers along: in privacy mode that quote is all the bot sees of it.
/// </summary>
public sealed class GroupArchiveRecorder(GroupArchive archive) : IUpdateRecorder
{
    public Task RecordAsync(UpdateContext context, CancellationToken ct)
    {
        var message = context.Update.Message ?? context.Update.EditedMessage;
        if (message is not { Chat.Type: ChatType.Group or ChatType.Supergroup } || message.MigrateFromChatId is not null || message.MigrateToChatId is not null)
            return Task.CompletedTask;
        if (Read(message) is not { } read) return Task.CompletedTask;
        var quoted = message.ReplyToMessage is { } reply && reply.Chat.Id == message.Chat.Id ? Read(reply) : null;
        context.OnCompletion(token => archive.RecordAsync(read, quoted, token));
        return Task.CompletedTask;
    }

    /// <summary>The archive's view of a Telegram message; null for service messages it does not keep (pins, migrations...).</summary>
    public static GroupMessage? Read(Message message)
    {
        var from = message.SenderChat is { } chat && message.From is null or { IsBot: true }
            ? new MessageAuthor(chat.Id, chat.Title ?? chat.Username ?? "", chat.Username, false)
            : message.From is { } user ? Author(user) : null;
        var at = new DateTimeOffset(DateTime.SpecifyKind(message.Date, DateTimeKind.Utc));
        DateTimeOffset? edited = message.EditDate is { } e ? new DateTimeOffset(DateTime.SpecifyKind(e, DateTimeKind.Utc)) : null;
        if (message.NewChatMembers is { Length: > 0 } joined)
            return new GroupMessage(message.Chat.Id, message.Id, at, from, null, [], Event: ArchivedEvent.Joined,
                EventArgument: string.Join(", ", joined.Select(GroupLinking.Name)));
        if (message.LeftChatMember is { } left)
            return new GroupMessage(message.Chat.Id, message.Id, at, from, null, [], Event: ArchivedEvent.Left, EventArgument: GroupLinking.Name(left));
        if (message.NewChatTitle is { } title)
            return new GroupMessage(message.Chat.Id, message.Id, at, from, null, [], Event: ArchivedEvent.TitleChanged, EventArgument: title);
        var files = Files(message).ToList();
        var text = message.Text ?? message.Caption;
        if (text is null && files.Count == 0) return null;
        return new GroupMessage(message.Chat.Id, message.Id, at, from, text, files, message.ReplyToMessage?.Id, Origin(message.ForwardOrigin), edited);
    }

    /// <summary>The bot's own message in a group (sent or edited), as Telegram confirmed it to the outbox.</summary>
    public sealed class Sent(GroupArchive archive) : Telegram.ISentMessageObserver
    {
        public async Task SentAsync(Message message, CancellationToken ct)
        {
            if (message is not { Chat.Type: ChatType.Group or ChatType.Supergroup } || Read(message) is not { } read) return;
            await archive.RecordAsync(read, null, ct);
        }
    }

    private static MessageAuthor Author(User user) => new(user.Id, GroupLinking.Name(user), user.Username, user.IsBot);

    private static string? Origin(MessageOrigin? origin) => origin switch
    {
        MessageOriginUser u => GroupLinking.Name(u.SenderUser),
        MessageOriginHiddenUser h => h.SenderUserName,
        MessageOriginChat c => c.SenderChat.Title,
        MessageOriginChannel c => c.Chat.Title,
        _ => null,
    };

    private static IEnumerable<ArchivedFile> Files(Message message)
    {
        if (message.Document is { } d) yield return new ArchivedFile { Kind = "document", FileId = d.FileId, FileUniqueId = d.FileUniqueId, FileName = d.FileName, MimeType = d.MimeType, Size = d.FileSize };
        if (message.Photo is { Length: > 0 } photos && photos.MaxBy(p => p.Width * p.Height) is { } p)
            yield return new ArchivedFile { Kind = "photo", FileId = p.FileId, FileUniqueId = p.FileUniqueId, Size = p.FileSize,
                FileName = p.Width > 0 ? string.Create(CultureInfo.InvariantCulture, $"{p.Width}×{p.Height}") : null };
        if (message.Video is { } v) yield return new ArchivedFile { Kind = "video", FileId = v.FileId, FileUniqueId = v.FileUniqueId, FileName = v.FileName, MimeType = v.MimeType, Size = v.FileSize };
        if (message.Animation is { } a) yield return new ArchivedFile { Kind = "animation", FileId = a.FileId, FileUniqueId = a.FileUniqueId, FileName = a.FileName, MimeType = a.MimeType, Size = a.FileSize };
        if (message.Audio is { } au) yield return new ArchivedFile { Kind = "audio", FileId = au.FileId, FileUniqueId = au.FileUniqueId, FileName = au.FileName ?? au.Title, MimeType = au.MimeType, Size = au.FileSize };
        if (message.Voice is { } vo) yield return new ArchivedFile { Kind = "voice", FileId = vo.FileId, FileUniqueId = vo.FileUniqueId, MimeType = vo.MimeType, Size = vo.FileSize,
            FileName = string.Create(CultureInfo.InvariantCulture, $"{vo.Duration} s") };
        if (message.VideoNote is { } vn) yield return new ArchivedFile { Kind = "video_note", FileId = vn.FileId, FileUniqueId = vn.FileUniqueId, Size = vn.FileSize };
        if (message.Sticker is { } s) yield return new ArchivedFile { Kind = "sticker", FileId = s.FileId, FileUniqueId = s.FileUniqueId, FileName = s.Emoji, Size = s.FileSize };
        if (message.Contact is { } c) yield return new ArchivedFile { Kind = "contact", FileName = $"{c.FirstName} {c.LastName} {c.PhoneNumber}".Trim() };
        if (message.Location is { } l) yield return new ArchivedFile { Kind = "location",
            FileName = string.Create(CultureInfo.InvariantCulture, $"{l.Latitude:0.######}, {l.Longitude:0.######}") };
        if (message.Poll is { } poll) yield return new ArchivedFile { Kind = "poll", FileName = poll.Question };
    }
}
