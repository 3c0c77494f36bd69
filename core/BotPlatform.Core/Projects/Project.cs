using BotPlatform.Core.Common;

namespace BotPlatform.Core.Projects;

public enum ProjectStatus
{
    Active,
    Completed,
    Cancelled,
}

/// <summary>One line of a project's or a task's timeline: who did what, when, and why.</summary>
public sealed class ProjectEvent
{
    public DateTimeOffset At { get; set; }
    public string Action { get; set; } = "";
    public long? ActorId { get; set; }
    public string? Reason { get; set; }
}

public static class ProjectActions
{
    public const string Created = "created";
    public const string GroupLinked = "group_linked";
    public const string GroupMoved = "group_moved";
    public const string Ready = "ready";
    public const string Started = "started";
    public const string Paused = "paused";
    public const string Submitted = "submitted";
    public const string Accepted = "accepted";
    public const string Returned = "returned";
    public const string SentToClient = "sent_to_client";
    public const string ClientApproved = "client_approved";
    public const string ClientRevision = "client_revision";
    public const string Done = "done";
    public const string Checked = "checked";
}

/// <summary>A client's project made from a template: its manager, its client's groups and its timeline.</summary>
public sealed class Project : IVersioned
{
    public long Id { get; set; }
    public int Version { get; set; }
    /// <summary>The project's code, e.g. "PRJ-0007": latin, so it travels in deep links and form links.</summary>
    public string Number { get; set; } = "";
    public string Title { get; set; } = "";
    public long ClientId { get; set; }
    public string TemplateCode { get; set; } = "";
    public long PmId { get; set; }
    public long? DealId { get; set; }
    public ProjectStatus Status { get; set; }
    public DateOnly StartDate { get; set; }
    public long CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The client's Telegram groups (a group may hold several projects of the same client).</summary>
    public List<long> GroupChatIds { get; set; } = [];
    public List<ProjectEvent> History { get; set; } = [];

    public string Subject => "project:" + Number;

    public ProjectEvent Record(string action, DateTimeOffset at, long? actor = null, string? reason = null)
    {
        var entry = new ProjectEvent { At = at, Action = action, ActorId = actor, Reason = reason };
        History.Add(entry);
        return entry;
    }

    /// <summary>False when the group is already linked (a repeated /link changes nothing).</summary>
    public bool LinkGroup(long chatId, long actor, DateTimeOffset now)
    {
        if (GroupChatIds.Contains(chatId)) return false;
        GroupChatIds.Add(chatId);
        Record(ProjectActions.GroupLinked, now, actor, chatId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>A group became a supergroup: the project follows it to its new id.</summary>
    public bool MoveGroup(long from, long to, DateTimeOffset now)
    {
        var index = GroupChatIds.IndexOf(from);
        if (index < 0) return false;
        if (GroupChatIds.Contains(to)) GroupChatIds.RemoveAt(index);
        else GroupChatIds[index] = to;
        Record(ProjectActions.GroupMoved, now, reason: $"{from} -> {to}");
        return true;
    }
}

public enum ProjectTaskState
{
    /// <summary>Waits for the tasks named in <see cref="ProjectTask.WaitsFor"/>.</summary>
    Waiting,
    /// <summary>Its executor may start it.</summary>
    Ready,
    InProgress,
    Paused,
    /// <summary>Done by the executor; the auditor checks the result.</summary>
    OnReview,
    /// <summary>Accepted by the auditor; the client approves it or asks for revisions.</summary>
    ClientReview,
    Done,
}

public sealed class ChecklistItem
{
    public string Text { get; set; } = "";
    public bool Done { get; set; }
}

/// <summary>
/// One task of a project. Changes only through its methods, which refuse what the state does not allow
/// (a repeated press changes nothing) and record each transition.
/// </summary>
public sealed class ProjectTask : IVersioned
{
    public long Id { get; set; }
    public int Version { get; set; }
    public long ProjectId { get; set; }
    /// <summary>1-based position in the project.</summary>
    public int No { get; set; }
    public string Code { get; set; } = "";
    public string Title { get; set; } = "";
    public long ExecutorId { get; set; }
    public long AuditorId { get; set; }
    public decimal EstimateHours { get; set; }
    public DateOnly PlannedStart { get; set; }
    public DateOnly PlannedEnd { get; set; }
    /// <summary>Numbers of the tasks this one waits for.</summary>
    public List<int> WaitsFor { get; set; } = [];
    public string WorkType { get; set; } = "";
    public bool Billable { get; set; }
    public bool NotifyClientStart { get; set; }
    public bool NotifyClientFinish { get; set; }
    public bool ClientApproval { get; set; }
    public string ExpectedResult { get; set; } = "";
    public string Instruction { get; set; } = "";
    public List<ChecklistItem> Checklist { get; set; } = [];
    public ProjectTaskState State { get; set; }
    public DateTimeOffset? ReadyAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    /// <summary>What the executor handed in (text or link), and a file Telegram keeps, if any.</summary>
    public string? ResultText { get; set; }
    public string? ResultFileId { get; set; }
    /// <summary>The last comment of a return (auditor) or a revision request (client).</summary>
    public string? LastComment { get; set; }
    public List<ProjectEvent> History { get; set; } = [];

    public bool IsOpen => State is not ProjectTaskState.Done;

    public ProjectEvent Record(string action, DateTimeOffset at, long? actor = null, string? reason = null)
    {
        var entry = new ProjectEvent { At = at, Action = action, ActorId = actor, Reason = reason };
        History.Add(entry);
        return entry;
    }

    public bool MakeReady(DateTimeOffset now)
    {
        if (State != ProjectTaskState.Waiting) return false;
        State = ProjectTaskState.Ready;
        ReadyAt = now;
        Record(ProjectActions.Ready, now);
        return true;
    }
}
