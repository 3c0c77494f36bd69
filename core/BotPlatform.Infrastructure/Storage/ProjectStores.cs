using BotPlatform.Core.Projects;
using LiteDB;

namespace BotPlatform.Infrastructure.Storage;

/// <summary>Projects, unique by number (stored in upper case); indexed by PM and by linked group.</summary>
internal sealed class ProjectStore : IProjectStore
{
    private const string Name = LiteDbCollections.Projects;
    private readonly LiteDbContext _db;
    private readonly ILiteCollection<Project> _projects;

    public ProjectStore(LiteDbContext db)
    {
        _db = db;
        _projects = db.Collection<Project>(Name);
        _projects.EnsureIndex(p => p.Number, unique: true);
        _projects.EnsureIndex(p => p.PmId);
        _projects.EnsureIndex("GroupChatIds", "$.GroupChatIds[*]");
        _projects.EnsureIndex(p => p.NextNudgeAt);
    }

    public Task<IReadOnlyList<Project>> NudgesDueAsync(DateTimeOffset instant, int limit, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Project>>(_projects
            .Find(Query.Between(nameof(Project.NextNudgeAt), new BsonValue(DateTime.MinValue), new BsonValue(instant.UtcDateTime)), limit: limit)
            .ToList());

    public Task<Project?> GetAsync(long id, CancellationToken ct) => Task.FromResult<Project?>(_projects.FindById(id));

    public Task<Project?> FindByNumberAsync(string number, CancellationToken ct) =>
        Task.FromResult<Project?>(_projects.FindOne(Query.EQ(nameof(Project.Number), number.Trim().ToUpperInvariant())));

    public Task<IReadOnlyList<Project>> ByPmAsync(long personId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Project>>(_projects.Find(Query.EQ(nameof(Project.PmId), personId)).OrderByDescending(p => p.Id).ToList());

    public Task<IReadOnlyList<Project>> ByIdsAsync(IReadOnlyCollection<long> ids, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Project>>(ids.Distinct().Select(id => _projects.FindById(id)).OfType<Project>().ToList());

    public Task<IReadOnlyList<Project>> ByGroupAsync(long chatId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Project>>(_projects.Find(Query.EQ("GroupChatIds[*] ANY", chatId)).OrderBy(p => p.Id).ToList());

    public Task<IReadOnlyList<Project>> ByClientAsync(long clientId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Project>>(_projects.Find(Query.EQ(nameof(Project.ClientId), clientId)).OrderBy(p => p.Id).ToList());

    public Task InsertAsync(Project project, CancellationToken ct)
    {
        project.Version = 0;
        project.Number = project.Number.ToUpperInvariant();
        _projects.Insert(project);
        return Task.CompletedTask;
    }

    public Task<bool> TryUpdateAsync(Project project, CancellationToken ct) => Task.FromResult(_db.TryUpdateVersioned(Name, project.Id, project));
}

/// <summary>Project tasks, indexed by project, executor and auditor.</summary>
internal sealed class ProjectTaskStore : IProjectTaskStore
{
    private const string Name = LiteDbCollections.ProjectTasks;
    private readonly LiteDbContext _db;
    private readonly ILiteCollection<ProjectTask> _tasks;

    public ProjectTaskStore(LiteDbContext db)
    {
        _db = db;
        _tasks = db.Collection<ProjectTask>(Name);
        _tasks.EnsureIndex(t => t.ProjectId);
        _tasks.EnsureIndex(t => t.ExecutorId);
        _tasks.EnsureIndex(t => t.AuditorId);
        _tasks.EnsureIndex(t => t.NextTimerAt);
    }

    public Task<IReadOnlyList<ProjectTask>> DueAsync(DateTimeOffset instant, int limit, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ProjectTask>>(_tasks
            .Find(Query.Between(nameof(ProjectTask.NextTimerAt), new BsonValue(DateTime.MinValue), new BsonValue(instant.UtcDateTime)), limit: limit)
            .ToList());

    public Task<ProjectTask?> GetAsync(long id, CancellationToken ct) => Task.FromResult<ProjectTask?>(_tasks.FindById(id));

    public Task<IReadOnlyList<ProjectTask>> ByProjectAsync(long projectId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ProjectTask>>(_tasks.Find(Query.EQ(nameof(ProjectTask.ProjectId), projectId)).OrderBy(t => t.No).ToList());

    public Task<IReadOnlyList<ProjectTask>> ByPersonAsync(long personId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ProjectTask>>(_tasks.Find(Query.EQ(nameof(ProjectTask.ExecutorId), personId))
            .Concat(_tasks.Find(Query.EQ(nameof(ProjectTask.AuditorId), personId)))
            .DistinctBy(t => t.Id).OrderBy(t => t.ProjectId).ThenBy(t => t.No).ToList());

    public Task InsertManyAsync(IReadOnlyList<ProjectTask> tasks, CancellationToken ct)
    {
        foreach (var task in tasks) task.Version = 0;
        _tasks.InsertBulk(tasks);
        return Task.CompletedTask;
    }

    public Task<bool> TryUpdateAsync(ProjectTask task, CancellationToken ct) => Task.FromResult(_db.TryUpdateVersioned(Name, task.Id, task));
}

/// <summary>Time entries, indexed by task, project and person.</summary>
internal sealed class TimeEntryStore : ITimeEntryStore
{
    private const string Name = LiteDbCollections.TimeEntries;
    private readonly LiteDbContext _db;
    private readonly ILiteCollection<TimeEntry> _entries;

    public TimeEntryStore(LiteDbContext db)
    {
        _db = db;
        _entries = db.Collection<TimeEntry>(Name);
        _entries.EnsureIndex(e => e.TaskId);
        _entries.EnsureIndex(e => e.ProjectId);
        _entries.EnsureIndex(e => e.PersonId);
    }

    public Task<TimeEntry?> GetAsync(long id, CancellationToken ct) => Task.FromResult<TimeEntry?>(_entries.FindById(id));

    public Task<IReadOnlyList<TimeEntry>> ByTaskAsync(long taskId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<TimeEntry>>(_entries.Find(Query.EQ(nameof(TimeEntry.TaskId), taskId)).OrderBy(e => e.Id).ToList());

    public Task<IReadOnlyList<TimeEntry>> ByProjectAsync(long projectId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<TimeEntry>>(_entries.Find(Query.EQ(nameof(TimeEntry.ProjectId), projectId)).OrderBy(e => e.Id).ToList());

    public Task<IReadOnlyList<TimeEntry>> ByPersonAsync(long personId, DateOnly from, DateOnly to, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<TimeEntry>>(_entries.Find(Query.EQ(nameof(TimeEntry.PersonId), personId))
            .Where(e => e.Date >= from && e.Date <= to).OrderBy(e => e.Date).ThenBy(e => e.Id).ToList());

    public Task InsertAsync(TimeEntry entry, CancellationToken ct)
    {
        entry.Version = 0;
        _entries.Insert(entry);
        return Task.CompletedTask;
    }

    public Task<bool> TryUpdateAsync(TimeEntry entry, CancellationToken ct) => Task.FromResult(_db.TryUpdateVersioned(Name, entry.Id, entry));
}

/// <summary>The task cards (the executor's, the auditor's, the client's in the group) that later decisions edit, while their task is open.</summary>
internal sealed class ProjectOutboxReferences(LiteDbContext db) : BotPlatform.Core.Messaging.IOutboxReferences
{
    public Task<IReadOnlyCollection<string>> OutboxIdsInUseAsync(CancellationToken ct) =>
        Task.FromResult(CardOutboxIds(db.Collection<ProjectTask>(LiteDbCollections.ProjectTasks).FindAll()));

    public static IReadOnlyCollection<string> CardOutboxIds(IEnumerable<ProjectTask> tasks) => tasks
        .Where(t => t.IsOpen)
        .SelectMany(t => new[] { t.ExecutorCard, t.AuditorCard, t.ClientCard })
        .OfType<string>()
        .ToHashSet(StringComparer.Ordinal);
}
