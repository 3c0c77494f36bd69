using BotPlatform.Core.Projects;

namespace BotPlatform.Infrastructure.Storage.Postgres;

internal sealed class PgProjectStore(PostgresDatabase db) : IProjectStore
{
    private readonly PgCollection<Project> _projects = new(db, "projects",
        new("number", p => p.Number), new("pm_id", p => p.PmId), new("group_chat_ids", p => p.GroupChatIds.ToArray()),
        new("client_id", p => p.ClientId), new("next_nudge_at", p => p.NextNudgeAt));

    public Task<IReadOnlyList<Project>> NudgesDueAsync(DateTimeOffset instant, int limit, CancellationToken ct) =>
        _projects.FindAsync("next_nudge_at <= @p0", "next_nudge_at", limit, ct, instant);

    public Task<Project?> GetAsync(long id, CancellationToken ct) => _projects.GetAsync(id, ct);

    public Task<Project?> FindByNumberAsync(string number, CancellationToken ct) =>
        _projects.FindOneAsync("number = @p0", ct, number.Trim().ToUpperInvariant());

    public Task<IReadOnlyList<Project>> ByPmAsync(long personId, CancellationToken ct) =>
        _projects.FindAsync("pm_id = @p0", "id DESC", null, ct, personId);

    /// <summary>Filtered in C# (the table has no client column; a client has few projects), so both engines agree.</summary>
    public async Task<IReadOnlyList<Project>> ByIdsAsync(IReadOnlyCollection<long> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : await _projects.FindAsync("id = ANY(@p0)", "id", null, ct, ids.Distinct().ToArray());

    public Task<IReadOnlyList<Project>> ByGroupAsync(long chatId, CancellationToken ct) =>
        _projects.FindAsync("group_chat_ids @> ARRAY[@p0]::bigint[]", "id", null, ct, chatId);

    public Task<IReadOnlyList<Project>> ByClientAsync(long clientId, CancellationToken ct) =>
        _projects.FindAsync("client_id = @p0", "id", null, ct, clientId);

    public Task InsertAsync(Project project, CancellationToken ct)
    {
        project.Version = 0;
        project.Number = project.Number.ToUpperInvariant();
        return _projects.InsertAsync(project, ct);
    }

    public Task<bool> TryUpdateAsync(Project project, CancellationToken ct) => _projects.TryUpdateVersionedAsync(project, ct);
}

internal sealed class PgProjectTaskStore(PostgresDatabase db) : IProjectTaskStore
{
    private readonly PgCollection<ProjectTask> _tasks = new(db, "project_tasks",
        new("project_id", t => t.ProjectId), new("no", t => t.No), new("executor_id", t => t.ExecutorId), new("auditor_id", t => t.AuditorId),
        new("next_timer_at", t => t.NextTimerAt));

    public Task<ProjectTask?> GetAsync(long id, CancellationToken ct) => _tasks.GetAsync(id, ct);

    public Task<IReadOnlyList<ProjectTask>> ByProjectAsync(long projectId, CancellationToken ct) =>
        _tasks.FindAsync("project_id = @p0", "no", null, ct, projectId);

    public Task<IReadOnlyList<ProjectTask>> ByPersonAsync(long personId, CancellationToken ct) =>
        _tasks.FindAsync("executor_id = @p0 OR auditor_id = @p0", "project_id, no", null, ct, personId);

    public async Task InsertManyAsync(IReadOnlyList<ProjectTask> tasks, CancellationToken ct)
    {
        foreach (var task in tasks)
        {
            task.Version = 0;
            await _tasks.InsertAsync(task, ct);
        }
    }

    public Task<IReadOnlyList<ProjectTask>> DueAsync(DateTimeOffset instant, int limit, CancellationToken ct) =>
        _tasks.FindAsync("next_timer_at <= @p0", "next_timer_at", limit, ct, instant);

    public Task<bool> TryUpdateAsync(ProjectTask task, CancellationToken ct) => _tasks.TryUpdateVersionedAsync(task, ct);
}

internal sealed class PgTimeEntryStore(PostgresDatabase db) : ITimeEntryStore
{
    private readonly PgCollection<TimeEntry> _entries = new(db, "time_entries",
        new("task_id", e => e.TaskId), new("project_id", e => e.ProjectId), new("person_id", e => e.PersonId));

    public Task<TimeEntry?> GetAsync(long id, CancellationToken ct) => _entries.GetAsync(id, ct);

    public Task<IReadOnlyList<TimeEntry>> ByTaskAsync(long taskId, CancellationToken ct) => _entries.FindAsync("task_id = @p0", "id", null, ct, taskId);

    public Task<IReadOnlyList<TimeEntry>> ByProjectAsync(long projectId, CancellationToken ct) =>
        _entries.FindAsync("project_id = @p0", "id", null, ct, projectId);

    /// <summary>Dates are filtered as the LiteDB store does, so both engines agree.</summary>
    public async Task<IReadOnlyList<TimeEntry>> ByPersonAsync(long personId, DateOnly from, DateOnly to, CancellationToken ct) =>
        (await _entries.FindAsync("person_id = @p0", "id", null, ct, personId))
            .Where(e => e.Date >= from && e.Date <= to).OrderBy(e => e.Date).ThenBy(e => e.Id).ToList();

    public Task InsertAsync(TimeEntry entry, CancellationToken ct)
    {
        entry.Version = 0;
        return _entries.InsertAsync(entry, ct);
    }

    public Task<bool> TryUpdateAsync(TimeEntry entry, CancellationToken ct) => _entries.TryUpdateVersionedAsync(entry, ct);
}

/// <summary>The task cards later decisions edit (see <see cref="ProjectOutboxReferences"/>).</summary>
internal sealed class PgProjectOutboxReferences(PostgresDatabase db) : BotPlatform.Core.Messaging.IOutboxReferences
{
    private readonly PgCollection<ProjectTask> _tasks = new(db, "project_tasks");

    public async Task<IReadOnlyCollection<string>> OutboxIdsInUseAsync(CancellationToken ct) =>
        ProjectOutboxReferences.CardOutboxIds(await _tasks.FindAsync(null, null, null, ct));
}
