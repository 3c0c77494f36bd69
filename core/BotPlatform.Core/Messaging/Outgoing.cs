namespace BotPlatform.Core.Messaging;

/// <summary>
/// The messages one unit of work (an update, a timer) wants to send. Ids are the unit's key plus a
/// running number, so when the unit is replayed after a crash its messages are stored once.
/// </summary>
public sealed class Outgoing(string key, TimeProvider time)
{
    private readonly List<OutboxMessage> _messages = [];

    public string Key { get; } = key;
    public IReadOnlyList<OutboxMessage> Messages => _messages;

    public string Send(long chatId, string text, IEnumerable<IEnumerable<InlineButton>>? buttons = null) =>
        Add(new OutboxMessage { ChatId = chatId, Kind = OutboxKind.Send, Text = text, Buttons = Rows(buttons) });

    /// <summary>A question the person answers by replying (Telegram's ForceReply).</summary>
    public string Ask(long chatId, string text, string? placeholder = null) =>
        Add(new OutboxMessage { ChatId = chatId, Kind = OutboxKind.Send, Text = text, ForceReply = true, Placeholder = placeholder });

    public string SendDocument(long chatId, string fileKey, string fileName, string? caption = null,
        IEnumerable<IEnumerable<InlineButton>>? buttons = null) =>
        Add(new OutboxMessage
        {
            ChatId = chatId, Kind = OutboxKind.SendDocument, FileKey = fileKey, FileName = fileName, Text = caption,
            Buttons = Rows(buttons),
        });

    /// <summary>An image from the file store (a chart) sent as a photo.</summary>
    public string SendPhoto(long chatId, string fileKey, string fileName, string? caption = null) =>
        Add(new OutboxMessage { ChatId = chatId, Kind = OutboxKind.SendDocument, FileKey = fileKey, FileName = fileName, Text = caption, AsPhoto = true });

    /// <summary>Re-sends a file Telegram already holds (by its file id), as a document or a photo.</summary>
    public string SendTelegramFile(long chatId, string telegramFileId, bool asPhoto, string? caption = null) =>
        Add(new OutboxMessage
        {
            ChatId = chatId, Kind = OutboxKind.SendDocument, TelegramFileId = telegramFileId, AsPhoto = asPhoto, Text = caption,
        });

    public string Edit(long chatId, int messageId, string text, IEnumerable<IEnumerable<InlineButton>>? buttons = null) =>
        Add(new OutboxMessage { ChatId = chatId, Kind = OutboxKind.EditText, TargetMessageId = messageId, Text = text, Buttons = Rows(buttons) });

    public string Edit(long chatId, string targetId, string text, IEnumerable<IEnumerable<InlineButton>>? buttons = null) =>
        Add(new OutboxMessage { ChatId = chatId, Kind = OutboxKind.EditText, TargetId = targetId, Text = text, Buttons = Rows(buttons) });

    public string RemoveButtons(long chatId, int messageId) =>
        Add(new OutboxMessage { ChatId = chatId, Kind = OutboxKind.EditButtons, TargetMessageId = messageId });

    public string Delete(long chatId, int messageId) =>
        Add(new OutboxMessage { ChatId = chatId, Kind = OutboxKind.Delete, TargetMessageId = messageId });

    private string Add(OutboxMessage message)
    {
        message.Id = $"{Key}:{_messages.Count}";
        message.CreatedAt = time.GetUtcNow();
        // NotBefore stays unset: pacing runs on the transport's real clock, not on business time.
        _messages.Add(message);
        return message.Id;
    }

    private static List<List<InlineButton>>? Rows(IEnumerable<IEnumerable<InlineButton>>? buttons) =>
        buttons?.Select(row => row.ToList()).Where(row => row.Count > 0).ToList() is { Count: > 0 } rows ? rows : null;
}
