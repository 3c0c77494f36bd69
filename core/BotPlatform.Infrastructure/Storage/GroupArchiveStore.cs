using BotPlatform.Core.Projects.Archive;
using LiteDB;

namespace BotPlatform.Infrastructure.Storage;

/// <summary>Group messages by "CHAT:MESSAGE" id, indexed by the group's current id.</summary>
internal sealed class GroupArchiveStore : IGroupArchiveStore
{
    private readonly LiteDbContext _db;
    private readonly ILiteCollection<ArchivedMessage> _messages;

    public GroupArchiveStore(LiteDbContext db)
    {
        _db = db;
        _messages = db.Collection<ArchivedMessage>(LiteDbCollections.GroupMessages);
        _messages.EnsureIndex(m => m.GroupId);
    }

    public Task<ArchivedMessage?> GetAsync(long chatId, int messageId, CancellationToken ct) =>
        Task.FromResult<ArchivedMessage?>(_messages.FindById(ArchivedMessage.Key(chatId, messageId)));

    public Task<bool> TryInsertAsync(ArchivedMessage message, CancellationToken ct) => Task.FromResult(_db.Exclusive(() =>
    {
        if (_messages.FindById(message.Id) is not null) return false;
        _messages.Insert(message);
        return true;
    }));

    public Task UpdateAsync(ArchivedMessage message, CancellationToken ct)
    {
        _messages.Update(message);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ArchivedMessage>> ByGroupsAsync(IReadOnlyCollection<long> groupIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ArchivedMessage>>(groupIds.Distinct()
            .SelectMany(id => _messages.Find(Query.EQ(nameof(ArchivedMessage.GroupId), id)))
            .OrderBy(m => m.At).ThenBy(m => m.MessageId).ToList());

    public Task<int> MoveGroupAsync(long fromGroupId, long toGroupId, CancellationToken ct) => Task.FromResult(_db.Exclusive(() =>
    {
        var moving = _messages.Find(Query.EQ(nameof(ArchivedMessage.GroupId), fromGroupId)).ToList();
        foreach (var message in moving) message.GroupId = toGroupId;
        return _messages.Update(moving);
    }));
}
