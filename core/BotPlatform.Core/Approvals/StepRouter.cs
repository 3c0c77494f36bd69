using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;

namespace BotPlatform.Core.Approvals;

/// <summary>
/// Moves a request onto its next applicable step: who is assigned (through /away substitutes), the
/// step's timers, and the cards with buttons; closes the request when the route has no more steps.
/// </summary>
public sealed class StepRouter(Organisation organisation, ApprovalCards cards)
{
    public StepDefinition Definition(ApprovalRequest r) => organisation.Approvals.Route(r.Kind).Steps[r.Current!.Index];

    /// <summary>The first step after <paramref name="fromIndex"/> whose condition holds, or null when the route is done.</summary>
    public (int Index, StepDefinition Step)? NextStep(ApprovalRequest r, int fromIndex)
    {
        var steps = organisation.Approvals.Route(r.Kind).Steps;
        for (var i = fromIndex + 1; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.When is { } when && !when.Values.Contains(r.Field(when.Field) ?? "", StringComparer.OrdinalIgnoreCase)) continue;
            return (i, step);
        }
        return null;
    }

    public List<Person> Resolve(Assignee assignee, ApprovalRequest r, PeopleDirectory people) => assignee.Kind switch
    {
        AssigneeKind.DepartmentHead => r.Department is { } d && organisation.Departments.TryGetValue(d, out var department)
            && people.FindRef(department.Head) is { IsActive: true } head ? [head] : [],
        AssigneeKind.Role => [.. people.WithRole(assignee.Role!.Value)],
        _ => people.FindRef(assignee.Username) is { IsActive: true } named ? [named] : [],
    };

    /// <summary>
    /// Advances to the next applicable step and sends its cards, or closes the request (Paid for a
    /// payment, Approved otherwise). <paramref name="submissionCard"/> is the initiator's submission
    /// message: when the initiator is the first approver, it becomes the card with the buttons.
    /// </summary>
    public StepState? EnterNext(ApprovalRequest r, int fromIndex, PeopleDirectory people, Outgoing outgoing,
        int? submissionCard = null, IReadOnlyList<long>? sameAssignees = null)
    {
        if (NextStep(r, fromIndex) is not var (index, step))
        {
            var paid = r.Kind == RequestKind.Payment;
            r.Close(paid ? RequestStatus.Paid : RequestStatus.Approved, people.Now);
            r.Record(paid ? ApprovalActions.Paid : ApprovalActions.Completed, people.Now);
            return null;
        }
        return Enter(r, index, step, people, outgoing, submissionCard, sameAssignees);
    }

    /// <summary>Enters (or re-enters, after a freeze or a documents request) the step at <paramref name="index"/>.</summary>
    public StepState Enter(ApprovalRequest r, int index, StepDefinition step, PeopleDirectory people, Outgoing outgoing,
        int? submissionCard = null, IReadOnlyList<long>? sameAssignees = null)
    {
        var now = people.Now;
        var assignments = step.Kind == StepKind.Approval
            ? [Assign(1, null, step.Title, sameAssignees?.ToList() ?? Ids(step.Assignee!, r, people), TaskCompletion.Button, null)]
            : step.Tasks.Select((task, i) => Assign(i + 1, task.Name, task.Title, Ids(task.Assignee, r, people), task.CompletedBy,
                task.Due == TaskDue.PaymentDay ? r.DueDate ?? NextPaymentDay(now) : null)).ToList();
        var state = r.Enter(index, step, assignments, now);
        foreach (var a in assignments) ScheduleFirst(a, step, now);
        r.Refresh();
        SendCards(r, state, people, outgoing, submissionCard);
        return state;
    }

    private List<long> Ids(Assignee assignee, ApprovalRequest r, PeopleDirectory people)
    {
        var ids = Resolve(assignee, r, people).Select(p => p.Id).ToList();
        // Nobody to give it to (a department without a head, a role nobody holds any more): the ops
        // manager holds the step rather than letting it wait unseen.
        return ids.Count > 0 ? ids : [.. people.WithRole(Role.OpsManager).Select(p => p.Id)];
    }

    private static Assignment Assign(int no, string? task, string title, List<long> ids, TaskCompletion completedBy, DateOnly? due) =>
        new() { No = no, Task = task, Title = title, AssigneeIds = ids, CompletedBy = completedBy, Due = due };

    private void ScheduleFirst(Assignment a, StepDefinition step, DateTimeOffset now)
    {
        if (a.Task is null)
        {
            var fire = ReminderSchedule.Next(step.Reminders, organisation.Calendar, now, now);
            a.NextTimerAt = fire?.At;
            a.NextTimer = fire?.Kind ?? TimerKind.None;
            return;
        }
        if (a.Due is not { } due) return;
        var (morning, end) = DueDay(due);
        (a.NextTimerAt, a.NextTimer) = morning > now ? (morning, TimerKind.DueMorning) : (end > now ? end : now, TimerKind.Overdue);
    }

    /// <summary>The opening and the close of the working day a task is due (the next working day if the date is not one).</summary>
    public (DateTimeOffset Morning, DateTimeOffset End) DueDay(DateOnly due)
    {
        var calendar = organisation.Calendar;
        var morning = calendar.NextWorkingMoment(calendar.StartOfLocalDay(due));
        return (morning, calendar.StartOfLocalDay(calendar.LocalDate(morning)) + organisation.Definition.DayEnd.ToTimeSpan());
    }

    /// <summary>The first payment day after the day of approval (payment days from the file, working days only).</summary>
    public DateOnly NextPaymentDay(DateTimeOffset now)
    {
        var calendar = organisation.Calendar;
        var day = calendar.LocalDate(now).AddDays(1);
        var paymentDays = organisation.Approvals.PaymentDays;
        for (var i = 0; i < 366; i++, day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day) && (paymentDays.Count == 0 || paymentDays.Contains(day.DayOfWeek))) return day;
        }
        return day;
    }

    /// <summary>Cards for everyone on the step (or their substitutes), with the request's files re-sent before them.</summary>
    public void SendCards(ApprovalRequest r, StepState step, PeopleDirectory people, Outgoing outgoing, int? submissionCard = null,
        long? onlyFor = null)
    {
        foreach (var a in step.Assignments.Where(a => !a.Done))
        {
            foreach (var id in a.AssigneeIds.Where(id => onlyFor is null || id == onlyFor))
            {
                if (people[id] is not { } assignee) continue;
                var acting = people.ActingFor(assignee);
                var forPerson = acting.Id == assignee.Id ? (long?)null : assignee.Id;
                if (acting.ChatId is not { } chat) continue;
                if (step.Cards.Any(c => c.PersonId == acting.Id && c.AssignmentNo == (a.Task is null ? null : a.No))) continue;
                var lang = acting.Language;
                if (submissionCard is { } messageId && acting.Id == r.InitiatorId && a.Task is null)
                {
                    // The initiator approves their own first step right on the submission card.
                    outgoing.Edit(chat, messageId, cards.Card(r, people, lang, ApprovalTexts.YouApproveFirst.In(lang)),
                        ApprovalButtons.ForApproval(r, lang, full: false));
                    step.Cards.Add(new CardRef { ChatId = chat, MessageId = messageId, PersonId = acting.Id });
                    continue;
                }
                SendCard(r, a, acting, forPerson is null ? null : assignee, people, outgoing, Header(r, a, assignee, acting, lang));
            }
        }
    }

    /// <summary>Sends one card (files first) and remembers it so it is edited when the step is decided.</summary>
    public void SendCard(ApprovalRequest r, Assignment a, Person to, Person? forPerson, PeopleDirectory people, Outgoing outgoing,
        string header, bool withFiles = true)
    {
        if (to.ChatId is not { } chat) return;
        var lang = to.Language;
        if (withFiles)
            foreach (var file in r.Files)
            {
                if (file.FileKey is { } key) outgoing.SendDocument(chat, key, file.FileName, file.FileName);
                else outgoing.SendTelegramFile(chat, file.FileId, file.IsPhoto, file.FileName);
            }
        var buttons = a.Task is null ? ApprovalButtons.ForApproval(r, lang) : ApprovalButtons.ForTask(r, a, lang);
        var id = outgoing.Send(chat, cards.Card(r, people, lang, header), buttons);
        r.Current!.Cards.Add(new CardRef
        {
            ChatId = chat, OutboxId = id, PersonId = to.Id, ForPersonId = forPerson?.Id, AssignmentNo = a.Task is null ? null : a.No,
        });
    }

    private string Header(ApprovalRequest r, Assignment a, Person assignee, Person acting, Lang lang)
    {
        var header = a.Task is null
            ? ApprovalTexts.DecisionNeeded.In(lang, r.Current!.Title)
            : ApprovalTexts.TaskNeeded.In(lang, a.Title, a.Due?.ToDateTime(TimeOnly.MinValue).ToString("dd.MM.yyyy") ?? "—");
        return acting.Id == assignee.Id ? header : ApprovalTexts.ForAbsent.In(lang, assignee.Name) + "\n" + header;
    }

    /// <summary>Edits every card of the step (or of one task): buttons removed, the outcome shown.</summary>
    public void CloseCards(ApprovalRequest r, StepState step, HistoryEntry outcome, PeopleDirectory people, Outgoing outgoing,
        int? assignmentNo = null)
    {
        foreach (var card in step.Cards.Where(c => assignmentNo is null || c.AssignmentNo == assignmentNo))
        {
            var lang = people.LangOf(card.PersonId);
            var text = cards.Card(r, people, lang, timeline: false) + cards.Outcome(outcome, people, lang);
            EditCard(card, text, null, outgoing);
        }
    }

    public static void EditCard(CardRef card, string text, IEnumerable<IEnumerable<InlineButton>>? buttons, Outgoing outgoing)
    {
        if (card.MessageId is { } messageId) outgoing.Edit(card.ChatId, messageId, text, buttons);
        else if (card.OutboxId is { } outboxId) outgoing.Edit(card.ChatId, outboxId, text, buttons);
    }
}
