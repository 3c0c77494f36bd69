namespace BotPlatform.Core.Projects;

/// <summary>Projects, unique by number; changed only with a matching version.</summary>
public interface IProjectStore
{
    Task<Project?> GetAsync(long id, CancellationToken ct);
    /// <summary>Case-insensitive.</summary>
    Task<Project?> FindByNumberAsync(string number, CancellationToken ct);
    /// <summary>Projects the person manages, newest first.</summary>
    Task<IReadOnlyList<Project>> ByPmAsync(long personId, CancellationToken ct);
    Task<IReadOnlyList<Project>> ByIdsAsync(IReadOnlyCollection<long> ids, CancellationToken ct);
    /// <summary>The client's projects, oldest first (which is number order).</summary>
    Task<IReadOnlyList<Project>> ByClientAsync(long clientId, CancellationToken ct);
    /// <summary>Projects linked to the group.</summary>
    Task<IReadOnlyList<Project>> ByGroupAsync(long chatId, CancellationToken ct);
    Task InsertAsync(Project project, CancellationToken ct);
    /// <summary>Projects whose payment nudge is due at or before the instant.</summary>
    Task<IReadOnlyList<Project>> NudgesDueAsync(DateTimeOffset instant, int limit, CancellationToken ct);
    /// <summary>Saves when the stored version equals project.Version, then increments it; false on a conflict.</summary>
    Task<bool> TryUpdateAsync(Project project, CancellationToken ct);
}

/// <summary>The tasks of projects; each task is its own aggregate (a 200-task project is not one document).</summary>
public interface IProjectTaskStore
{
    Task<ProjectTask?> GetAsync(long id, CancellationToken ct);
    /// <summary>In the project's order (by number).</summary>
    Task<IReadOnlyList<ProjectTask>> ByProjectAsync(long projectId, CancellationToken ct);
    /// <summary>Tasks the person executes or audits.</summary>
    Task<IReadOnlyList<ProjectTask>> ByPersonAsync(long personId, CancellationToken ct);
    Task InsertManyAsync(IReadOnlyList<ProjectTask> tasks, CancellationToken ct);
    /// <summary>Tasks whose timer is due at or before the instant.</summary>
    Task<IReadOnlyList<ProjectTask>> DueAsync(DateTimeOffset instant, int limit, CancellationToken ct);
    Task<bool> TryUpdateAsync(ProjectTask task, CancellationToken ct);
}
