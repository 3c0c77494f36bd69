using BotPlatform.Core.Projects.Archive;

namespace BotPlatform.Infrastructure.Storage.Postgres;

internal sealed class PgGroupArchiveStore(PostgresDatabase db) : IGroupArchiveStore
{
    private readonly PgCollection<ArchivedMessage> _messages = new(db, "group_messages",
        new("group_id", m => m.GroupId), new("at", m => m.At), new("message_id", m => m.MessageId));

    public Task<ArchivedMessage?> GetAsync(long chatId, int messageId, CancellationToken ct) =>
        _messages.GetAsync(ArchivedMessage.Key(chatId, messageId), ct);

    public Task<bool> TryInsertAsync(ArchivedMessage message, CancellationToken ct) => _messages.TryInsertAsync(message, ct);

    public Task UpdateAsync(ArchivedMessage message, CancellationToken ct) => _messages.UpdateAsync(message, ct);

    public async Task<IReadOnlyList<ArchivedMessage>> ByGroupsAsync(IReadOnlyCollection<long> groupIds, CancellationToken ct) =>
        groupIds.Count == 0 ? [] : await _messages.FindAsync("group_id = ANY(@p0)", "at, message_id", null, ct, groupIds.Distinct().ToArray());

    public async Task<int> MoveGroupAsync(long fromGroupId, long toGroupId, CancellationToken ct)
    {
        // Through the documents, so the column and the document's GroupId never disagree.
        var moving = await _messages.FindAsync("group_id = @p0", null, null, ct, fromGroupId);
        foreach (var message in moving)
        {
            message.GroupId = toGroupId;
            await _messages.UpdateAsync(message, ct);
        }
        return moving.Count;
    }
}
