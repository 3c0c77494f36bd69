using BotPlatform.Core.Audit;
using BotPlatform.Core.Messaging;
using LiteDB;

namespace BotPlatform.Infrastructure.Storage;

internal sealed class InboxStore : IInboxStore
{
    private readonly LiteDbContext _db;
    private readonly ILiteCollection<InboxItem> _items;

    public InboxStore(LiteDbContext db)
    {
        _db = db;
        _items = db.Collection<InboxItem>(LiteDbCollections.Inbox);
        _items.EnsureIndex(i => i.Status);
    }

    public Task<int> AddNewAsync(IReadOnlyList<InboxItem> items, CancellationToken ct) => Task.FromResult(_db.Exclusive(() =>
    {
        var added = 0;
        foreach (var item in items)
        {
            if (_items.FindById(item.Id) is not null) continue;
            _items.Insert(item);
            added++;
        }
        return added;
    }));

    public Task<IReadOnlyList<InboxItem>> PendingAsync(int limit, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<InboxItem>>(
            _items.Query().Where("Status = 'Pending'").OrderBy("_id").Limit(limit).ToList());

    public Task SaveAsync(InboxItem item, CancellationToken ct)
    {
        _items.Upsert(item);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<InboxItem>> ParkedAsync(int limit, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<InboxItem>>(
            _items.Query().Where("Status = 'Parked'").OrderByDescending("_id").Limit(limit).ToList());

    public Task<InboxItem?> GetAsync(long updateId, CancellationToken ct) => Task.FromResult<InboxItem?>(_items.FindById(updateId));

    public Task<int> RemoveHandledBeforeAsync(DateTimeOffset before, CancellationToken ct)
    {
        var ids = _items.Query()
            .Where(Query.And(Query.EQ("Status", nameof(InboxStatus.Done)), Query.LT("HandledAt", new BsonValue(before.UtcDateTime))))
            .Select(i => i.Id)
            .ToList();
        return Task.FromResult(RemoveInBatches(_db, ids.Select(id => new BsonValue(id)).ToList(), _items.Delete));
    }

    /// <summary>Deletes by id, a thousand per transaction, so that a large first clean-up never holds the file for long.</summary>
    internal static int RemoveInBatches(LiteDbContext db, IReadOnlyList<BsonValue> ids, Func<BsonValue, bool> delete)
    {
        var removed = 0;
        foreach (var batch in ids.Chunk(1000))
            removed += db.Exclusive(() => batch.Count(delete));
        return removed;
    }
}

internal sealed class OutboxStore : IOutboxStore
{
    private readonly LiteDbContext _db;
    private readonly OutboxSignal _signal;
    private readonly ILiteCollection<OutboxMessage> _messages;
    private long _lastSeq;

    public OutboxStore(LiteDbContext db, OutboxSignal signal)
    {
        _db = db;
        _signal = signal;
        _messages = db.Collection<OutboxMessage>(LiteDbCollections.Outbox);
        _messages.EnsureIndex(m => m.Status);
        _messages.EnsureIndex(m => m.Seq);
        _messages.EnsureIndex(m => m.ChatId);
        _lastSeq = _messages.Count() == 0 ? 0 : _messages.Max(m => m.Seq);
    }

    public Task<int> EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        if (messages.Count == 0) return Task.FromResult(0);
        var added = _db.Exclusive(() =>
        {
            var count = 0;
            foreach (var message in messages)
            {
                if (_messages.FindById(message.Id) is not null) continue;
                message.Seq = ++_lastSeq;
                message.Status = OutboxStatus.Pending;
                _messages.Insert(message);
                count++;
            }
            return count;
        });
        if (added > 0) _signal.Pulse();
        return Task.FromResult(added);
    }

    public Task<IReadOnlyList<OutboxMessage>> PendingAsync(int limit, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<OutboxMessage>>(
            _messages.Query().Where("Status = 'Pending'").OrderBy("Seq").Limit(limit).ToList());

    public Task<OutboxMessage?> GetAsync(string id, CancellationToken ct) => Task.FromResult<OutboxMessage?>(_messages.FindById(id));

    public Task SaveAsync(OutboxMessage message, CancellationToken ct)
    {
        _messages.Update(message);
        return Task.CompletedTask;
    }

    public Task<int> RetargetChatAsync(long oldChatId, long newChatId, CancellationToken ct) => Task.FromResult(_db.Exclusive(() =>
    {
        var pending = _messages.Find(Query.And(Query.EQ("ChatId", oldChatId), Query.EQ("Status", nameof(OutboxStatus.Pending)))).ToList();
        foreach (var message in pending)
        {
            message.ChatId = newChatId;
            _messages.Update(message);
        }
        return pending.Count;
    }));

    public Task<IReadOnlyList<OutboxMessage>> FailedAsync(int limit, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<OutboxMessage>>(
            _messages.Query().Where("Status = 'Failed'").OrderByDescending("Seq").Limit(limit).ToList());

    public Task<(int Removed, int Kept)> RemoveSentBeforeAsync(DateTimeOffset before, IReadOnlySet<string> keep, CancellationToken ct)
    {
        var old = _messages.Query()
            .Where(Query.And(
                Query.Or(Query.EQ("Status", nameof(OutboxStatus.Sent)), Query.EQ("Status", nameof(OutboxStatus.Skipped))),
                Query.LT("CreatedAt", new BsonValue(before.UtcDateTime))))
            .Select(m => m.Id)
            .ToList();
        var removable = old.Where(id => !keep.Contains(id)).Select(id => new BsonValue(id)).ToList();
        return Task.FromResult((InboxStore.RemoveInBatches(_db, removable, _messages.Delete), old.Count - removable.Count));
    }
}

internal sealed class ChatStore(LiteDbContext db) : IChatStore
{
    private readonly ILiteCollection<ChatRecord> _chats = db.Collection<ChatRecord>(LiteDbCollections.Chats);

    public Task<ChatRecord?> GetAsync(long chatId, CancellationToken ct) => Task.FromResult<ChatRecord?>(_chats.FindById(chatId));

    public Task SaveAsync(ChatRecord chat, CancellationToken ct)
    {
        _chats.Upsert(chat);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ChatRecord>> UnreachableAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ChatRecord>>(_chats.Find(Query.Not("UnreachableSince", BsonValue.Null)).ToList());
}

internal sealed class ConversationStore(LiteDbContext db) : IConversationStore
{
    private readonly ILiteCollection<Conversation> _conversations = db.Collection<Conversation>(LiteDbCollections.Conversations);

    public Task<Conversation?> GetAsync(long chatId, long userId, CancellationToken ct) =>
        Task.FromResult<Conversation?>(_conversations.FindById(Conversation.KeyOf(chatId, userId)));

    public Task SaveAsync(Conversation conversation, CancellationToken ct)
    {
        conversation.Id = Conversation.KeyOf(conversation.ChatId, conversation.UserId);
        _conversations.Upsert(conversation);
        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(long chatId, long userId, CancellationToken ct) =>
        Task.FromResult(_conversations.Delete(Conversation.KeyOf(chatId, userId)));
}

internal sealed class AuditLog : IAuditLog
{
    private readonly ILiteCollection<AuditEntry> _entries;

    public AuditLog(LiteDbContext db)
    {
        _entries = db.Collection<AuditEntry>(LiteDbCollections.Audit);
        _entries.EnsureIndex(e => e.Subject);
    }

    public Task AppendAsync(AuditEntry entry, CancellationToken ct)
    {
        entry.Id = 0;
        _entries.Insert(entry);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> ForSubjectAsync(string subject, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>(_entries.Find(Query.EQ("Subject", subject)).OrderBy(e => e.Id).ToList());
}

internal sealed class LiteDbFileStore(LiteDbContext db) : IFileStore
{
    private readonly ILiteStorage<string> _files = db.Database.GetStorage<string>(LiteDbCollections.Files, LiteDbCollections.FileChunks);

    public Task<string> SaveAsync(string fileName, Stream content, CancellationToken ct)
    {
        var key = Guid.NewGuid().ToString("N");
        _files.Upload(key, fileName, content);
        return Task.FromResult(key);
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken ct) =>
        Task.FromResult<Stream?>(_files.Exists(key) ? _files.OpenRead(key) : null);
}
