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
    public const string BillingSet = "billing_set";
    public const string BillingCleared = "billing_cleared";
    public const string PaymentNudge = "payment_nudge";
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
    /// <summary>What the client pays per month for a retainer project (its sale price); null: the deal's total is the sale price.</summary>
    public decimal? Retainer { get; set; }
    /// <summary>Further deals of the same client sold on top of the project (upsells), in the order they were linked.</summary>
    public List<long> UpsellDealIds { get; set; } = [];
    /// <summary>How often the client pays (null: no billing period, no payment nudges).</summary>
    public Billing.Nudges.BillingPeriod? Billing { get; set; }
    /// <summary>When the client's group is next reminded to pay (indexed; the sweep reads only due projects), and the period that reminder is for.</summary>
    public DateTimeOffset? NextNudgeAt { get; set; }
    public DateOnly? NudgePeriodStart { get; set; }

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

    /// <summary>Sets the monthly retainer (null clears it); false when it already is that.</summary>
    public bool SetRetainer(decimal? monthly, long actor, DateTimeOffset now)
    {
        if (Retainer == monthly) return false;
        Retainer = monthly;
        Record(monthly is null ? "retainer_cleared" : "retainer_set", now, actor,
            monthly?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>False when the deal is already an upsell of the project (linking twice changes nothing).</summary>
    public bool LinkUpsell(long dealId, string dealNumber, long actor, DateTimeOffset now)
    {
        if (UpsellDealIds.Contains(dealId)) return false;
        UpsellDealIds.Add(dealId);
        Record("upsell_linked", now, actor, dealNumber);
        return true;
    }

    public bool UnlinkUpsell(long dealId, string dealNumber, long actor, DateTimeOffset now)
    {
        if (!UpsellDealIds.Remove(dealId)) return false;
        Record("upsell_unlinked", now, actor, dealNumber);
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
    /// <summary>Set when the report holding the task is paid: a paid task is never reported again.</summary>
    public long? PaidInReportId { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
    public bool NotifyClientStart { get; set; }
    public bool NotifyClientFinish { get; set; }
    public bool ClientApproval { get; set; }
    public string ExpectedResult { get; set; } = "";
    public string Instruction { get; set; } = "";
    public List<ChecklistItem> Checklist { get; set; } = [];
    /// <summary>The client's group message the task was made from with /task ("CHAT:MESSAGE", see Archive.ArchivedMessage.Key).</summary>
    public string? SourceMessage { get; set; }
    public ProjectTaskState State { get; set; }
    public DateTimeOffset? ReadyAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    /// <summary>What the executor handed in (text or link), and a file Telegram keeps, if any.</summary>
    public string? ResultText { get; set; }
    public string? ResultFileId { get; set; }
    public bool ResultIsPhoto { get; set; }
    /// <summary>The last comment of a return (auditor) or a revision request (client).</summary>
    public string? LastComment { get; set; }
    public List<ProjectEvent> History { get; set; } = [];
    /// <summary>Counts hand-ins: a client's card names the round it shows, so an older card cannot decide a newer result.</summary>
    public int Round { get; set; }
    /// <summary>Outbox ids of the cards to edit after decisions (the executor's, the auditor's, the client's in the group).</summary>
    public string? ExecutorCard { get; set; }
    public long? ExecutorCardChat { get; set; }
    public string? AuditorCard { get; set; }
    public long? AuditorCardChat { get; set; }
    public string? ClientCard { get; set; }
    public long? ClientCardChat { get; set; }
    /// <summary>The overdue reminder's due time (indexed; the sweep reads only due tasks).</summary>
    public DateTimeOffset? NextTimerAt { get; set; }
    public int RemindersSent { get; set; }

    public bool IsOpen => State is not ProjectTaskState.Done;

    /// <summary>True on the first start (the client hears about it once), false on a resume.</summary>
    public bool? Start(long actor, DateTimeOffset now)
    {
        if (State is not (ProjectTaskState.Ready or ProjectTaskState.Paused)) return null;
        var first = StartedAt is null;
        State = ProjectTaskState.InProgress;
        StartedAt ??= now;
        Record(ProjectActions.Started, now, actor);
        return first;
    }

    public bool Pause(long actor, DateTimeOffset now)
    {
        if (State != ProjectTaskState.InProgress) return false;
        State = ProjectTaskState.Paused;
        Record(ProjectActions.Paused, now, actor);
        return true;
    }

    public bool Submit(long actor, string result, string? fileId, bool isPhoto, DateTimeOffset now)
    {
        if (State is not (ProjectTaskState.InProgress or ProjectTaskState.Paused)) return false;
        State = ProjectTaskState.OnReview;
        ResultText = result;
        ResultFileId = fileId;
        ResultIsPhoto = fileId is not null && isPhoto;
        Round++;
        NextTimerAt = null;
        Record(ProjectActions.Submitted, now, actor, result);
        return true;
    }

    public bool Accept(long actor, DateTimeOffset now)
    {
        if (State != ProjectTaskState.OnReview) return false;
        Record(ProjectActions.Accepted, now, actor);
        if (ClientApproval)
        {
            State = ProjectTaskState.ClientReview;
            Record(ProjectActions.SentToClient, now);
        }
        else
        {
            Finish(now);
        }
        return true;
    }

    /// <summary>The auditor sends it back; the comment is required.</summary>
    public bool Return(long actor, string comment, DateTimeOffset now, DateTimeOffset? overdueAt)
    {
        if (State != ProjectTaskState.OnReview || string.IsNullOrWhiteSpace(comment)) return false;
        BackToExecutor(comment, overdueAt);
        Record(ProjectActions.Returned, now, actor, comment);
        return true;
    }

    /// <param name="actor">A person's id, or null for a client's contact (their Telegram id goes in the reason).</param>
    public bool ClientApprove(long? actor, string who, int round, DateTimeOffset now)
    {
        if (State != ProjectTaskState.ClientReview || round != Round) return false;
        Record(ProjectActions.ClientApproved, now, actor, who);
        Finish(now);
        return true;
    }

    public bool ClientRevise(long? actor, string who, int round, string comment, DateTimeOffset now, DateTimeOffset? overdueAt)
    {
        if (State != ProjectTaskState.ClientReview || round != Round || string.IsNullOrWhiteSpace(comment)) return false;
        BackToExecutor(comment, overdueAt);
        Record(ProjectActions.ClientRevision, now, actor, $"{who}: {comment}");
        return true;
    }

    public bool Tick(int item, long actor, DateTimeOffset now)
    {
        if (State is ProjectTaskState.Waiting or ProjectTaskState.Done || item < 0 || item >= Checklist.Count) return false;
        Checklist[item].Done = !Checklist[item].Done;
        Record(ProjectActions.Checked, now, actor, $"{item + 1}:{(Checklist[item].Done ? "on" : "off")}");
        return true;
    }

    private void BackToExecutor(string comment, DateTimeOffset? overdueAt)
    {
        State = ProjectTaskState.Ready;
        LastComment = comment.Trim();
        NextTimerAt = overdueAt;
    }

    private void Finish(DateTimeOffset now)
    {
        State = ProjectTaskState.Done;
        DoneAt = now;
        NextTimerAt = null;
        Record(ProjectActions.Done, now);
    }

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
