using BotPlatform.Core.Approvals;
using global::Telegram.Bot.Types;

namespace BotPlatform.Bot.Approvals;

/// <summary>The file a person sent: a document, or the largest size of a photo.</summary>
public static class IncomingFiles
{
    public static AttachedFile? From(Message? message, long personId, DateTimeOffset now) => message switch
    {
        { Document: { } d } => new AttachedFile
        {
            FileId = d.FileId, FileName = d.FileName ?? "document", Size = d.FileSize ?? 0, AddedBy = personId, AddedAt = now,
        },
        { Photo: { Length: > 0 } sizes } when sizes.MaxBy(p => p.FileSize ?? (long)p.Width * p.Height) is { } photo => new AttachedFile
        {
            FileId = photo.FileId, FileName = $"photo-{message.Id}.jpg", Size = photo.FileSize ?? 0, IsPhoto = true, AddedBy = personId,
            AddedAt = now,
        },
        _ => null,
    };
}
