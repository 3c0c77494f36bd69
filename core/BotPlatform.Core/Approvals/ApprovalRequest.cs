using BotPlatform.Core.Common;

namespace BotPlatform.Core.Approvals;

public enum RequestStatus
{
    /// <summary>On its route: a step waits for a decision or for tasks.</summary>
    InProgress,
    /// <summary>Stopped with a reason; the ops or finance manager resumes it at the step it left.</summary>
    Frozen,
    /// <summary>An approver asked for documents; the initiator attaches them and it returns to the same step.</summary>
    AwaitingDocuments,
    Rejected,
    Withdrawn,
    /// <summary>Every step approved (a contract's route ends here).</summary>
    Approved,
    /// <summary>A payment request whose accounting tasks are all done.</summary>
    Paid,
}

public enum FilePurpose
{
    Invoice,
    Contract,
    Requested,
    PaymentOrder,
}

/// <summary>
/// A file as Telegram keeps it: it is re-sent by its file id, never downloaded. A file the platform made
/// itself (a generated PDF) has no Telegram id yet and is sent from the file store by <see cref="FileKey"/>.
/// </summary>
public sealed class AttachedFile
{
    public string FileId { get; set; } = "";
    public string? FileKey { get; set; }
    public string FileName { get; set; } = "";
    public bool IsPhoto { get; set; }
    public long Size { get; set; }
    public FilePurpose Purpose { get; set; }
    public long AddedBy { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

public enum TimerKind
{
    None,
    Reminder,
    StrongReminder,
    Escalation,
    /// <summary>The morning of a task's due day.</summary>
    DueMorning,
    /// <summary>The end of a task's due day: the overdue report.</summary>
    Overdue,
}

/// <summary>Who must act on one part of the current step: the approver, or one parallel task.</summary>
public sealed class Assignment
{
    public int No { get; set; }
    /// <summary>The task's name; null for an approval.</summary>
    public string? Task { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Everyone who may act (a role can have several holders); the first one decides.</summary>
    public List<long> AssigneeIds { get; set; } = [];
    public TaskCompletion CompletedBy { get; set; }
    public DateOnly? Due { get; set; }
    public bool Done { get; set; }
    public long? DoneBy { get; set; }
    public long? DoneOnBehalfOf { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public DateTimeOffset? NextTimerAt { get; set; }
    public TimerKind NextTimer { get; set; }
    public int RemindersSent { get; set; }
    public bool Escalated { get; set; }
}

/// <summary>A message that shows the current step with buttons; edited when the step is decided.</summary>
public sealed class CardRef
{
    public long ChatId { get; set; }
    /// <summary>The outbox id of a card the bot sent ...</summary>
    public string? OutboxId { get; set; }
    /// <summary>... or the Telegram id of a message that became the card (the submission card).</summary>
    public int? MessageId { get; set; }
    public long PersonId { get; set; }
    /// <summary>Set on a substitute's card: the absent assignee it was sent for.</summary>
    public long? ForPersonId { get; set; }
    /// <summary>The task the card is about; null for the whole step.</summary>
    public int? AssignmentNo { get; set; }
}

/// <summary>The step the request is on. <see cref="Seq"/> grows with every visit, so old buttons go stale.</summary>
public sealed class StepState
{
    public int Seq { get; set; }
    public int Index { get; set; }
    public string Name { get; set; } = "";
    public string Title { get; set; } = "";
    public StepKind Kind { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public List<Assignment> Assignments { get; set; } = [];
    public List<CardRef> Cards { get; set; } = [];

    public bool IsOpen => Assignments.Any(a => !a.Done);
}

/// <summary>One line of the request's timeline (the audit log keeps the same facts for good).</summary>
public sealed class HistoryEntry
{
    public DateTimeOffset At { get; set; }
    public string Action { get; set; } = "";
    public string? Step { get; set; }
    public int Seq { get; set; }
    public long? ActorId { get; set; }
    public long? OnBehalfOfId { get; set; }
    public string? Reason { get; set; }
}

/// <summary>
/// A payment request or a contract approval travelling its route. Every change is a method that
/// refuses what the current state does not allow and records what happened.
/// </summary>
public sealed class ApprovalRequest : IVersioned
{
    public long Id { get; set; }
    public int Version { get; set; }
    public string Number { get; set; } = "";
    public RequestKind Kind { get; set; }
    public RequestStatus Status { get; set; }
    public long InitiatorId { get; set; }
    public string? Department { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    public string Counterparty { get; set; } = "";
    public decimal? Amount { get; set; }
    public string? Currency { get; set; }
    public string? CostItem { get; set; }
    public DateOnly? DueDate { get; set; }
    public string? Comment { get; set; }
    public string? DocumentKind { get; set; }
    public List<AttachedFile> Files { get; set; } = [];
    /// <summary>The registry document this request approves (Documents), if any.</summary>
    public long? DocumentId { get; set; }
    /// <summary>The project a payment is for, when the initiator named one (its expense counts in that project's profit and loss).</summary>
    public long? ProjectId { get; set; }

    public StepState? Current { get; set; }
    public int StepSeq { get; set; }
    public string? HoldReason { get; set; }
    public long? HoldBy { get; set; }
    public List<HistoryEntry> History { get; set; } = [];

    /// <summary>The initiator's status card (with Withdraw); edited as the request moves.</summary>
    public CardRef? InitiatorCard { get; set; }
    /// <summary>Notices with the Unfreeze button, edited once the request resumes.</summary>
    public List<CardRef> HoldCards { get; set; } = [];

    /// <summary>People with an open assignment now (indexed for /inbox).</summary>
    public List<long> Waiting { get; set; } = [];
    /// <summary>The earliest timer of the current step (indexed: the sweep reads only due requests).</summary>
    public DateTimeOffset? NextTimerAt { get; set; }
    /// <summary>
    /// The payment day of an approved payment whose payment task is not done yet (indexed: the payment
    /// register reads only these); null otherwise.
    /// </summary>
    public DateOnly? PaymentDue { get; set; }

    public bool IsClosed => Status is RequestStatus.Rejected or RequestStatus.Withdrawn or RequestStatus.Approved or RequestStatus.Paid;

    public string Subject => "approval:" + Number;

    public string? Field(string field) => field switch
    {
        StepCondition.DocumentKindField => DocumentKind,
        StepCondition.CostItemField => CostItem,
        StepCondition.DepartmentField => Department,
        _ => null,
    };

    public HistoryEntry Record(string action, DateTimeOffset at, long? actor = null, long? onBehalfOf = null, string? reason = null)
    {
        var entry = new HistoryEntry
        {
            At = at, Action = action, Step = Current?.Title, Seq = Current?.Seq ?? 0, ActorId = actor, OnBehalfOfId = onBehalfOf, Reason = reason,
        };
        History.Add(entry);
        return entry;
    }

    /// <summary>Starts a new visit of a step: new sequence number, so earlier buttons become stale.</summary>
    public StepState Enter(int index, StepDefinition step, List<Assignment> assignments, DateTimeOffset now)
    {
        StepSeq++;
        Current = new StepState
        {
            Seq = StepSeq, Index = index, Name = step.Name, Title = step.Title, Kind = step.Kind, StartedAt = now,
            Assignments = assignments,
        };
        Status = RequestStatus.InProgress;
        HoldReason = null;
        HoldBy = null;
        Refresh();
        return Current;
    }

    /// <summary>Recomputes the indexed fields from the current step.</summary>
    public void Refresh()
    {
        var open = Status == RequestStatus.InProgress && Current is { } step
            ? step.Assignments.Where(a => !a.Done).ToList()
            : [];
        Waiting = open.SelectMany(a => a.AssigneeIds).Distinct().ToList();
        NextTimerAt = open.Where(a => a.NextTimerAt is not null).Min(a => a.NextTimerAt);
        PaymentDue = Kind == RequestKind.Payment && Current is { Kind: StepKind.Tasks } && !IsClosed
            ? open.Where(a => a.Due is not null).Min(a => a.Due)
            : null;
    }

    public Problem? CheckStep(int seq)
    {
        if (IsClosed) return new Problem(ApprovalProblems.Closed, Number);
        if (Current is null || Current.Seq != seq) return new Problem(ApprovalProblems.StepPassed, Number);
        return null;
    }

    public void Close(RequestStatus status, DateTimeOffset now)
    {
        Status = status;
        ClosedAt = now;
        Refresh();
    }

    /// <summary>Stops the route (freeze, or waiting for documents) at the current step.</summary>
    public void Hold(RequestStatus status, string reason, long by)
    {
        Status = status;
        HoldReason = reason;
        HoldBy = by;
        Refresh();
    }
}

public static class ApprovalProblems
{
    public const string NotFound = "approvals.not_found";
    public const string NotAllowedToSee = "approvals.not_allowed_to_see";
    public const string Closed = "approvals.closed";
    public const string StepPassed = "approvals.step_passed";
    public const string DecidedBy = "approvals.decided_by";
    public const string NotYours = "approvals.not_yours";
    public const string ReasonRequired = "approvals.reason_required";
    public const string NotFrozen = "approvals.not_frozen";
    public const string NotAwaitingDocuments = "approvals.not_awaiting_documents";
    public const string CannotUnfreeze = "approvals.cannot_unfreeze";
    public const string CannotWithdraw = "approvals.cannot_withdraw";
    public const string NotInitiator = "approvals.not_initiator";
    public const string TaskNeedsFile = "approvals.task_needs_file";
    public const string TaskDone = "approvals.task_done";
    public const string NoAssignee = "approvals.no_assignee";
    public const string NoDepartment = "approvals.no_department";
    public const string CounterpartyEmpty = "approvals.counterparty_empty";
    public const string FileTooLarge = "approvals.file_too_large";
    public const string FileRequired = "approvals.file_required";
    public const string FileWrongType = "approvals.file_wrong_type";
    public const string DueDateInvalid = "approvals.due_date_invalid";
    public const string DueDatePast = "approvals.due_date_past";
    public const string UnknownCostItem = "approvals.unknown_cost_item";
    public const string UnknownDocumentKind = "approvals.unknown_document_kind";
}
