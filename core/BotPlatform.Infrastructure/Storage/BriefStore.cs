using BotPlatform.Core.Briefs;
using LiteDB;

namespace BotPlatform.Infrastructure.Storage;

/// <summary>Briefs, one per project (unique index), indexed by group and by due timer.</summary>
internal sealed class BriefStore : IBriefStore
{
    private const string Name = LiteDbCollections.Briefs;
    private readonly LiteDbContext _db;
    private readonly ILiteCollection<Brief> _briefs;

    public BriefStore(LiteDbContext db)
    {
        _db = db;
        _briefs = db.Collection<Brief>(Name);
        _briefs.EnsureIndex(b => b.ProjectId, unique: true);
        _briefs.EnsureIndex(b => b.GroupChatId);
        _briefs.EnsureIndex(b => b.NextTimerAt);
    }

    public Task<Brief?> GetAsync(long id, CancellationToken ct) => Task.FromResult<Brief?>(_briefs.FindById(id));

    public Task<Brief?> ByProjectAsync(long projectId, CancellationToken ct) =>
        Task.FromResult<Brief?>(_briefs.FindOne(Query.EQ(nameof(Brief.ProjectId), projectId)));

    public Task<IReadOnlyList<Brief>> OpenInGroupAsync(long chatId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Brief>>(_briefs.Find(Query.EQ(nameof(Brief.GroupChatId), chatId))
            .Where(b => b is { Status: BriefStatus.Sent, Mode: BriefMode.Telegram }).OrderBy(b => b.Id).ToList());

    public Task InsertAsync(Brief brief, CancellationToken ct)
    {
        brief.Version = 0;
        _briefs.Insert(brief);
        return Task.CompletedTask;
    }

    public Task<bool> TryUpdateAsync(Brief brief, CancellationToken ct) => Task.FromResult(_db.TryUpdateVersioned(Name, brief.Id, brief));

    public Task<IReadOnlyList<Brief>> DueAsync(DateTimeOffset instant, int limit, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Brief>>(_briefs
            .Find(Query.Between(nameof(Brief.NextTimerAt), new BsonValue(DateTime.MinValue), new BsonValue(instant.UtcDateTime)), limit: limit)
            .ToList());
}
