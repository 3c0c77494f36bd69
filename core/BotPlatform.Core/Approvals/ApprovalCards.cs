using System.Text;
using BotPlatform.Core.Common;
using BotPlatform.Core.Localization;
using BotPlatform.Core.People;

namespace BotPlatform.Core.Approvals;

/// <summary>How a request reads in a chat: the card (fields, current step, timeline) in the reader's language.</summary>
public sealed class ApprovalCards(Organisation organisation)
{
    public string Title(ApprovalRequest r, Lang lang) =>
        (r.Kind == RequestKind.Payment ? ApprovalTexts.PaymentTitle : ApprovalTexts.ContractTitle).In(lang, r.Number);

    public string Card(ApprovalRequest r, PeopleDirectory people, Lang lang, string? header = null, bool timeline = true)
    {
        var text = new StringBuilder();
        if (header is not null) text.AppendLine(header).AppendLine();
        text.AppendLine("📄 " + Title(r, lang));
        text.AppendLine(ApprovalTexts.InitiatorLine.In(lang, people.Name(r.InitiatorId), organisation.DepartmentName(r.Department)));
        if (r.DocumentKind is { } kind) text.AppendLine(ApprovalTexts.DocumentKindLine.In(lang, DocumentKindName(kind)));
        text.AppendLine(ApprovalTexts.CounterpartyLine.In(lang, r.Counterparty));
        if (r.Amount is { } amount) text.AppendLine(ApprovalTexts.AmountLine.In(lang, new Money(amount, r.Currency ?? "RUB").Format(lang)));
        if (r.CostItem is { } item) text.AppendLine(ApprovalTexts.CostItemLine.In(lang, CostItemName(item)));
        if (r.DueDate is { } due) text.AppendLine(ApprovalTexts.DueLine.In(lang, due.ToDateTime(TimeOnly.MinValue)));
        if (!string.IsNullOrWhiteSpace(r.Comment)) text.AppendLine(ApprovalTexts.CommentLine.In(lang, r.Comment));
        if (r.Files.Count > 0) text.AppendLine(ApprovalTexts.FilesLine.In(lang, string.Join(", ", r.Files.Select(f => f.FileName))));
        text.AppendLine(ApprovalTexts.StatusLine.In(lang, Status(r, people, lang)));
        if (timeline && r.History.Count > 0)
        {
            var lines = r.History.Where(e => e.Action is not (ApprovalActions.Reminder or ApprovalActions.StrongReminder))
                .Select(e => "• " + HistoryLine(e, people, lang)).ToList();
            // A Telegram message holds 4096 characters: a long timeline keeps its latest entries.
            var room = MaxLength - text.Length - 40;
            var skipped = 0;
            while (lines.Count > 1 && lines.Sum(l => l.Length + 1) > room)
            {
                lines.RemoveAt(0);
                skipped++;
            }
            text.AppendLine().AppendLine(ApprovalTexts.HistoryHeader.In(lang));
            if (skipped > 0) text.AppendLine(ApprovalListTexts.EarlierHistoryOmitted.In(lang));
            foreach (var line in lines) text.AppendLine(line);
        }
        var card = text.ToString().TrimEnd();
        return ApprovalLists.Clip(card, MaxLength);
    }

    /// <summary>Leaves room for the outcome line added when the step is decided.</summary>
    private const int MaxLength = 3500;

    /// <summary>"On step «Финансовый менеджер»: Мария Финансова", "Frozen: reason", "Paid".</summary>
    public string Status(ApprovalRequest r, PeopleDirectory people, Lang lang) => r.Status switch
    {
        RequestStatus.InProgress when r.Current is { } step => ApprovalTexts.StatusOnStep.In(lang, step.Title, WhoIsOn(step, people)),
        RequestStatus.Frozen => ApprovalTexts.StatusFrozen.In(lang, r.Current?.Title ?? "", r.HoldReason ?? ""),
        RequestStatus.AwaitingDocuments => ApprovalTexts.StatusAwaitingDocuments.In(lang, r.HoldReason ?? ""),
        _ => StatusName(r.Status, lang),
    };

    public static string StatusName(RequestStatus status, Lang lang) => (status switch
    {
        RequestStatus.InProgress => ApprovalTexts.StatusInProgress,
        RequestStatus.Frozen => ApprovalTexts.StatusFrozenShort,
        RequestStatus.AwaitingDocuments => ApprovalTexts.StatusAwaitingShort,
        RequestStatus.Rejected => ApprovalTexts.StatusRejected,
        RequestStatus.Withdrawn => ApprovalTexts.StatusWithdrawn,
        RequestStatus.Approved => ApprovalTexts.StatusApproved,
        _ => ApprovalTexts.StatusPaid,
    }).In(lang);

    public static string WhoIsOn(StepState step, PeopleDirectory people) =>
        string.Join("; ", step.Assignments.Where(a => !a.Done).Select(a =>
            (a.Task is null ? "" : a.Title + ": ") + string.Join(", ", a.AssigneeIds.Select(id => Acting(id, people)))));

    private static string Acting(long id, PeopleDirectory people)
    {
        if (people[id] is not { } person) return "—";
        var acting = people.ActingFor(person);
        return acting.Id == person.Id ? person.Name : $"{acting.Name} (→ {person.Name})";
    }

    public string HistoryLine(HistoryEntry e, PeopleDirectory people, Lang lang)
    {
        var when = organisation.Calendar.ToLocal(e.At).ToString("dd.MM HH:mm");
        var who = e.ActorId is { } actor ? people.Name(actor) : ApprovalTexts.TheBot.In(lang);
        if (e.OnBehalfOfId is { } behalf) who += ApprovalTexts.OnBehalfOf.In(lang, people.Name(behalf));
        var line = $"{when} {who}: {ApprovalActions.Describe(e.Action, lang)}";
        if (e.Step is { } step && e.Action is not ApprovalActions.Submitted) line += $" [{step}]";
        if (!string.IsNullOrWhiteSpace(e.Reason)) line += " — " + e.Reason;
        return line;
    }

    /// <summary>The line added to a card once its step is decided: outcome, who, on behalf of whom, when, why.</summary>
    public string Outcome(HistoryEntry e, PeopleDirectory people, Lang lang) => "\n\n" + ApprovalActions.Mark(e.Action) + " " + HistoryLine(e, people, lang);

    public string CostItemName(string code) =>
        organisation.Approvals.CostItems.FirstOrDefault(c => c.Code == code)?.Name ?? code;

    public string DocumentKindName(string code) =>
        organisation.Approvals.DocumentKinds.FirstOrDefault(c => c.Code == code)?.Name ?? code;
}

/// <summary>The names of timeline entries (also the audit's action names).</summary>
public static class ApprovalActions
{
    public const string Submitted = "submitted";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Frozen = "frozen";
    public const string Unfrozen = "unfrozen";
    public const string DocumentsRequested = "documents_requested";
    public const string DocumentsAttached = "documents_attached";
    public const string Withdrawn = "withdrawn";
    public const string TaskDone = "task_done";
    public const string Paid = "paid";
    public const string Completed = "completed";
    public const string Reminder = "reminder";
    public const string StrongReminder = "strong_reminder";
    public const string Escalated = "escalated";
    public const string Overdue = "overdue";
    /// <summary>An assignee left the organisation; their part of the step went to a substitute.</summary>
    public const string Reassigned = "reassigned";

    public static string Describe(string action, Lang lang) => (action switch
    {
        Submitted => ApprovalTexts.ActSubmitted,
        Approved => ApprovalTexts.ActApproved,
        Rejected => ApprovalTexts.ActRejected,
        Frozen => ApprovalTexts.ActFrozen,
        Unfrozen => ApprovalTexts.ActUnfrozen,
        DocumentsRequested => ApprovalTexts.ActDocumentsRequested,
        DocumentsAttached => ApprovalTexts.ActDocumentsAttached,
        Withdrawn => ApprovalTexts.ActWithdrawn,
        TaskDone => ApprovalTexts.ActTaskDone,
        Paid => ApprovalTexts.ActPaid,
        Completed => ApprovalTexts.ActCompleted,
        Escalated => ApprovalTexts.ActEscalated,
        Overdue => ApprovalTexts.ActOverdue,
        StrongReminder => ApprovalTexts.ActStrongReminder,
        Reassigned => new Text("переназначено", "reassigned"),
        _ => ApprovalTexts.ActReminder,
    }).In(lang);

    public static string Mark(string action) => action switch
    {
        Approved or TaskDone or Paid or Completed => "✅",
        Rejected or Withdrawn => "❌",
        Frozen => "❄️",
        DocumentsRequested => "📎",
        _ => "•",
    };
}
