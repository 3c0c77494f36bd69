using BotPlatform.Core.Briefs;

namespace BotPlatform.Infrastructure.Storage.Postgres;

internal sealed class PgBriefStore(PostgresDatabase db) : IBriefStore
{
    private readonly PgCollection<Brief> _briefs = new(db, "briefs",
        new("project_id", b => b.ProjectId), new("group_chat_id", b => b.GroupChatId), new("status", b => b.Status.ToString()),
        new("mode", b => b.Mode.ToString()), new("next_timer_at", b => b.NextTimerAt));

    public Task<Brief?> GetAsync(long id, CancellationToken ct) => _briefs.GetAsync(id, ct);

    public Task<Brief?> ByProjectAsync(long projectId, CancellationToken ct) => _briefs.FindOneAsync("project_id = @p0", ct, projectId);

    public Task<IReadOnlyList<Brief>> OpenInGroupAsync(long chatId, CancellationToken ct) =>
        _briefs.FindAsync("group_chat_id = @p0 AND status = @p1 AND mode = @p2", "id", null, ct, chatId, nameof(BriefStatus.Sent), nameof(BriefMode.Telegram));

    public Task InsertAsync(Brief brief, CancellationToken ct)
    {
        brief.Version = 0;
        return _briefs.InsertAsync(brief, ct);
    }

    public Task<bool> TryUpdateAsync(Brief brief, CancellationToken ct) => _briefs.TryUpdateVersionedAsync(brief, ct);

    public Task<IReadOnlyList<Brief>> DueAsync(DateTimeOffset instant, int limit, CancellationToken ct) =>
        _briefs.FindAsync("next_timer_at <= @p0", "next_timer_at", limit, ct, instant);
}
