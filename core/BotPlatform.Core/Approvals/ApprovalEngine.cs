using BotPlatform.Core.Audit;
using BotPlatform.Core.Common;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;

namespace BotPlatform.Core.Approvals;

/// <summary>What an initiator filed: the fields of a payment request or a contract approval.</summary>
public sealed record RequestDraft(
    RequestKind Kind,
    string Counterparty,
    decimal? Amount,
    string? Currency,
    string? CostItem,
    DateOnly? DueDate,
    string? Comment,
    string? DocumentKind,
    IReadOnlyList<AttachedFile> Files,
    long? DocumentId = null,
    long? ProjectId = null);

/// <summary>
/// Told when a request reaches its end (Approved, Rejected, Withdrawn, Paid), inside the same unit of
/// work as the decision: whatever it stores and sends is committed with it, or not at all.
/// </summary>
public interface IApprovalOutcomeObserver
{
    Task OnClosedAsync(ApprovalRequest request, Outgoing outgoing, CancellationToken ct);
}

public enum StepDecision
{
    Approve,
    Reject,
    Freeze,
    RequestDocuments,
}

/// <summary>
/// The approvals use cases. Each one is a single atomic step: the request's change, its audit
/// entries and the messages it causes are stored together, so two simultaneous presses produce one
/// decision and a crash loses or doubles nothing.
/// </summary>
public sealed class ApprovalEngine(
    IApprovalStore store,
    IPeopleStore peopleStore,
    IUnitOfWork unitOfWork,
    ISequenceStore sequences,
    IOutboxStore outbox,
    IAuditLog audit,
    IConversationStore conversations,
    Organisation organisation,
    StepRouter router,
    ApprovalCards cards,
    TimeProvider time,
    IEnumerable<IApprovalOutcomeObserver> observers)
{
    public const string AttachFlow = "ap-attach";

    public async Task<Result<ApprovalRequest>> SubmitAsync(RequestDraft draft, Person initiator, Outgoing outgoing, int? submissionCard,
        CancellationToken ct) => await unitOfWork.RunAsync(async () =>
    {
        var people = await PeopleDirectory.LoadAsync(peopleStore, time.GetUtcNow(), ct);
        var now = people.Now;
        var year = organisation.Calendar.LocalDate(now).Year;
        var format = organisation.Approvals.Numbering.GetValueOrDefault(draft.Kind)
            ?? (draft.Kind == RequestKind.Payment ? ApprovalsDefinition.DefaultPaymentNumbering : ApprovalsDefinition.DefaultContractNumbering);
        var seq = await sequences.NextAsync($"{draft.Kind}:{year}", ct);
        var r = new ApprovalRequest
        {
            Number = NumberFormat.Apply(format, year, seq).ToUpperInvariant(), Kind = draft.Kind, InitiatorId = initiator.Id,
            Department = initiator.Department, CreatedAt = now, Counterparty = draft.Counterparty.Trim(), Amount = draft.Amount,
            Currency = draft.Currency, CostItem = draft.CostItem, DueDate = draft.DueDate, Comment = draft.Comment,
            DocumentKind = draft.DocumentKind, Files = [.. draft.Files], DocumentId = draft.DocumentId, ProjectId = draft.ProjectId,
        };
        r.Record(ApprovalActions.Submitted, now, initiator.Id);
        await store.InsertAsync(r, ct);
        router.EnterNext(r, -1, people, outgoing, submissionCard);
        var selfApproves = r.Current?.Cards.Any(c => c.MessageId == submissionCard && submissionCard is not null) == true;
        if (!selfApproves && initiator.ChatId is { } chat)
        {
            var lang = initiator.Language;
            var text = ApprovalTexts.Submitted.In(lang, r.Number) + "\n\n" + cards.Card(r, people, lang, timeline: false);
            r.InitiatorCard = submissionCard is { } messageId
                ? new CardRef { ChatId = chat, MessageId = messageId, PersonId = initiator.Id }
                : new CardRef { ChatId = chat, OutboxId = outgoing.Send(chat, text, ApprovalButtons.ForInitiator(r, lang)), PersonId = initiator.Id };
            if (submissionCard is not null) StepRouter.EditCard(r.InitiatorCard, text, ApprovalButtons.ForInitiator(r, lang), outgoing);
        }
        // A route with no applicable step closes at once.
        if (r.IsClosed) await NotifyClosedAsync(r, outgoing, ct);
        await SaveAsync(r, 0, outgoing, ct);
        return Result<ApprovalRequest>.Ok(r);
    }, ct);

    /// <summary>Whether the person may decide the step now (checked before asking them for a reason).</summary>
    public async Task<Result<ApprovalRequest>> CheckCanDecideAsync(long requestId, int seq, Person actor, CancellationToken ct)
    {
        var people = await PeopleDirectory.LoadAsync(peopleStore, time.GetUtcNow(), ct);
        if (await store.GetAsync(requestId, ct) is not { } r) return Result<ApprovalRequest>.Fail(ApprovalProblems.NotFound);
        var problem = CheckDecision(r, seq, actor, people, out _);
        return problem is null ? Result<ApprovalRequest>.Ok(r) : Result<ApprovalRequest>.Fail(problem);
    }

    public async Task<Result<ApprovalRequest>> DecideAsync(long requestId, int seq, StepDecision decision, Person actor, string? reason,
        Outgoing outgoing, CancellationToken ct)
    {
        Conversation? attach = null;
        // The initiator's "attach the file" dialog is stored in the same unit of work as the request.
        return await ChangeAsync(requestId, outgoing, (r, people) => Decide(r, people, seq, decision, actor, reason, outgoing, out attach), ct,
            alsoStore: () => attach is null ? Task.CompletedTask : conversations.SaveAsync(attach, ct));
    }

    private Result<ApprovalRequest> Decide(ApprovalRequest r, PeopleDirectory people, int seq, StepDecision decision, Person actor,
        string? reason, Outgoing outgoing, out Conversation? attach)
    {
        attach = null;
        if (CheckDecision(r, seq, actor, people, out var onBehalfOf) is { } problem) return problem;
        reason = reason?.Trim();
        if (decision != StepDecision.Approve && string.IsNullOrEmpty(reason)) return new Problem(ApprovalProblems.ReasonRequired);
        var now = people.Now;
        var step = r.Current!;
        var assignment = step.Assignments[0];
        assignment.Done = true;
        assignment.DoneBy = actor.Id;
        assignment.DoneOnBehalfOf = onBehalfOf;
        assignment.DoneAt = now;
        var action = decision switch
        {
            StepDecision.Approve => ApprovalActions.Approved,
            StepDecision.Reject => ApprovalActions.Rejected,
            StepDecision.Freeze => ApprovalActions.Frozen,
            _ => ApprovalActions.DocumentsRequested,
        };
        var outcome = r.Record(action, now, actor.Id, onBehalfOf, reason);
        router.CloseCards(r, step, outcome, people, outgoing);
        switch (decision)
        {
            case StepDecision.Approve:
                var next = router.EnterNext(r, step.Index, people, outgoing);
                TellInitiator(r, people, outgoing, next is null
                    ? (r.Status == RequestStatus.Paid ? ApprovalTexts.InitiatorPaid : ApprovalTexts.InitiatorApprovedFinal)
                    : ApprovalTexts.InitiatorStepApproved, outcome);
                break;
            case StepDecision.Reject:
                r.Close(RequestStatus.Rejected, now);
                TellInitiator(r, people, outgoing, ApprovalTexts.InitiatorRejected, outcome);
                break;
            case StepDecision.Freeze:
                r.Hold(RequestStatus.Frozen, reason!, actor.Id);
                TellInitiator(r, people, outgoing, ApprovalTexts.InitiatorFrozen, outcome);
                foreach (var manager in people.WithRole(Role.OpsManager).Concat(people.WithRole(Role.FinanceManager)).DistinctBy(p => p.Id))
                {
                    if (manager.ChatId is not { } chat) continue;
                    var lang = manager.Language;
                    var id = outgoing.Send(chat, cards.Card(r, people, lang, ApprovalTexts.FrozenNotice.In(lang, people.Name(actor.Id), reason!)),
                        ApprovalButtons.ForFrozen(r, lang));
                    r.HoldCards.Add(new CardRef { ChatId = chat, OutboxId = id, PersonId = manager.Id });
                }
                break;
            case StepDecision.RequestDocuments:
                r.Hold(RequestStatus.AwaitingDocuments, reason!, actor.Id);
                TellInitiator(r, people, outgoing, ApprovalTexts.InitiatorDocumentsRequested, outcome);
                attach = AskInitiatorToAttach(r, people, outgoing);
                break;
        }
        return Result<ApprovalRequest>.Ok(r);
    }

    public Task<Result<ApprovalRequest>> CompleteTaskAsync(long requestId, int seq, int taskNo, Person actor, AttachedFile? file,
        Outgoing outgoing, CancellationToken ct) => ChangeAsync(requestId, outgoing, (r, people) =>
    {
        if (CheckStep(r, seq, people) is { } stale) return stale;
        if (r.Current is not { Kind: StepKind.Tasks } step || step.Assignments.FirstOrDefault(a => a.No == taskNo) is not { } task)
            return new Problem(ApprovalProblems.StepPassed, r.Number);
        if (task.Done)
            return new Problem(ApprovalProblems.TaskDone, task.Title, people.Name(task.DoneBy));
        if (!people.MayAct(task, actor, out var onBehalfOf)) return new Problem(ApprovalProblems.NotYours, r.Number);
        if (task.CompletedBy == TaskCompletion.File && file is null) return new Problem(ApprovalProblems.TaskNeedsFile, task.Title);
        var now = people.Now;
        task.Done = true;
        task.DoneBy = actor.Id;
        task.DoneOnBehalfOf = onBehalfOf;
        task.DoneAt = now;
        if (file is not null)
        {
            file.Purpose = FilePurpose.PaymentOrder;
            r.Files.Add(file);
        }
        var outcome = r.Record(ApprovalActions.TaskDone, now, actor.Id, onBehalfOf, task.Title);
        router.CloseCards(r, step, outcome, people, outgoing, task.No);
        if (step.IsOpen)
        {
            r.Refresh();
            return Result<ApprovalRequest>.Ok(r);
        }
        if (router.EnterNext(r, step.Index, people, outgoing) is null)
            TellInitiator(r, people, outgoing, r.Status == RequestStatus.Paid ? ApprovalTexts.InitiatorPaid : ApprovalTexts.InitiatorApprovedFinal,
                outcome);
        return Result<ApprovalRequest>.Ok(r);
    }, ct);

    /// <summary>The ops manager or the finance manager resumes a frozen request at the step it left, with the same people.</summary>
    public Task<Result<ApprovalRequest>> UnfreezeAsync(long requestId, Person actor, Outgoing outgoing, CancellationToken ct) =>
        ChangeAsync(requestId, outgoing, (r, people) =>
        {
            if (r.Status != RequestStatus.Frozen) return new Problem(ApprovalProblems.NotFrozen, r.Number);
            if (!actor.Has(Role.OpsManager) && !actor.Has(Role.FinanceManager)) return new Problem(ApprovalProblems.CannotUnfreeze);
            var entry = r.Record(ApprovalActions.Unfrozen, people.Now, actor.Id);
            foreach (var card in r.HoldCards)
            {
                var lang = people.LangOf(card.PersonId);
                StepRouter.EditCard(card, cards.Card(r, people, lang, timeline: false) + cards.Outcome(entry, people, lang), null, outgoing);
            }
            r.HoldCards.Clear();
            Resume(r, people, outgoing);
            TellInitiator(r, people, outgoing, ApprovalTexts.InitiatorUnfrozen, entry);
            return Result<ApprovalRequest>.Ok(r);
        }, ct);

    /// <summary>The initiator sends what the approver asked for; the request returns to the same step and person.</summary>
    public Task<Result<ApprovalRequest>> AttachDocumentsAsync(long requestId, Person actor, AttachedFile file, Outgoing outgoing,
        CancellationToken ct) => ChangeAsync(requestId, outgoing, (r, people) =>
    {
        if (r.Status != RequestStatus.AwaitingDocuments) return new Problem(ApprovalProblems.NotAwaitingDocuments, r.Number);
        if (r.InitiatorId != actor.Id) return new Problem(ApprovalProblems.NotInitiator, r.Number);
        file.Purpose = FilePurpose.Requested;
        r.Files.Add(file);
        r.Record(ApprovalActions.DocumentsAttached, people.Now, actor.Id, reason: file.FileName);
        Resume(r, people, outgoing);
        if (actor.ChatId is { } chat) outgoing.Send(chat, ApprovalTexts.DocumentsSentBack.In(actor.Language, r.Number, r.Current!.Title));
        return Result<ApprovalRequest>.Ok(r);
    }, ct);

    /// <param name="forInitiator">
    /// The subject was cancelled by someone entitled to it (a document annulled by an admin): they withdraw the
    /// request on behalf of its initiator, and the audit keeps both names.
    /// </param>
    public Task<Result<ApprovalRequest>> WithdrawAsync(long requestId, Person actor, Outgoing outgoing, CancellationToken ct,
        bool forInitiator = false) =>
        ChangeAsync(requestId, outgoing, (r, people) =>
        {
            if (r.InitiatorId != actor.Id && !forInitiator) return new Problem(ApprovalProblems.NotInitiator, r.Number);
            if (r.IsClosed) return new Problem(ApprovalProblems.Closed, r.Number);
            if (r.Current is { Kind: StepKind.Tasks }) return new Problem(ApprovalProblems.CannotWithdraw, r.Number);
            var entry = r.Record(ApprovalActions.Withdrawn, people.Now, actor.Id, r.InitiatorId == actor.Id ? null : r.InitiatorId);
            if (r.Current is { } step) router.CloseCards(r, step, entry, people, outgoing);
            foreach (var card in r.HoldCards)
            {
                var lang = people.LangOf(card.PersonId);
                StepRouter.EditCard(card, cards.Card(r, people, lang, timeline: false) + cards.Outcome(entry, people, lang), null, outgoing);
            }
            r.HoldCards.Clear();
            r.Close(RequestStatus.Withdrawn, people.Now);
            TellInitiator(r, people, outgoing, null, entry);
            return Result<ApprovalRequest>.Ok(r);
        }, ct);

    private void Resume(ApprovalRequest r, PeopleDirectory people, Outgoing outgoing)
    {
        var left = r.Current!;
        var same = left.Assignments.SelectMany(a => a.AssigneeIds).Distinct().ToList();
        router.Enter(r, left.Index, router.Definition(r), people, outgoing, sameAssignees: left.Kind == StepKind.Approval ? same : null);
    }

    /// <summary>The initiator's next file in their chat goes to this request; the dialog survives restarts.</summary>
    internal static Conversation? AskInitiatorToAttach(ApprovalRequest r, PeopleDirectory people, Outgoing outgoing)
    {
        if (people[r.InitiatorId] is not { ChatId: { } chat } initiator) return null;
        outgoing.Ask(chat, ApprovalTexts.AttachAsk.In(initiator.Language, r.Number, r.HoldReason ?? ""));
        return new Conversation
        {
            ChatId = chat, UserId = initiator.TelegramUserId ?? chat, Flow = AttachFlow, Step = "file",
            Data = new Dictionary<string, string> { ["request"] = r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            UpdatedAt = people.Now,
        };
    }

    /// <summary>Tells the initiator the step's outcome and what comes next, and refreshes their status card.</summary>
    private void TellInitiator(ApprovalRequest r, PeopleDirectory people, Outgoing outgoing, Localization.Text? message, HistoryEntry outcome)
    {
        if (people[r.InitiatorId] is not { ChatId: { } chat } initiator) return;
        var lang = initiator.Language;
        if (r.InitiatorCard is { } card)
            StepRouter.EditCard(card, ApprovalTexts.Submitted.In(lang, r.Number) + "\n\n" + cards.Card(r, people, lang, timeline: false),
                ApprovalButtons.ForInitiator(r, lang), outgoing);
        if (message is null) return;
        var next = r.Status == RequestStatus.InProgress && r.Current is { } step
            ? ApprovalTexts.NextStep.In(lang, step.Title, ApprovalCards.WhoIsOn(step, people))
            : "";
        outgoing.Send(chat, message.In(lang, r.Number, cards.HistoryLine(outcome, people, lang), next).TrimEnd());
    }

    private Problem? CheckDecision(ApprovalRequest r, int seq, Person actor, PeopleDirectory people, out long? onBehalfOf)
    {
        onBehalfOf = null;
        if (CheckStep(r, seq, people) is { } stale) return stale;
        if (r.Status != RequestStatus.InProgress || r.Current is not { Kind: StepKind.Approval } step)
            return new Problem(ApprovalProblems.StepPassed, r.Number);
        return people.MayAct(step.Assignments[0], actor, out onBehalfOf) ? null : new Problem(ApprovalProblems.NotYours, r.Number);
    }

    /// <summary>A stale button: says who decided the step it belonged to, when that is known.</summary>
    private static Problem? CheckStep(ApprovalRequest r, int seq, PeopleDirectory people)
    {
        if (r.Current is { } step && step.Seq == seq && !r.IsClosed) return null;
        var decided = r.History.LastOrDefault(e => e.Seq == seq && e.ActorId is not null && e.Action is not ApprovalActions.Submitted);
        return decided is null
            ? new Problem(r.IsClosed ? ApprovalProblems.Closed : ApprovalProblems.StepPassed, r.Number)
            : new Problem(ApprovalProblems.DecidedBy, r.Number, people.Name(decided.ActorId), decided.Action);
    }

    private Task<Result<ApprovalRequest>> ChangeAsync(long requestId, Outgoing outgoing,
        Func<ApprovalRequest, PeopleDirectory, Result<ApprovalRequest>> change, CancellationToken ct, Func<Task>? alsoStore = null) =>
        unitOfWork.RunAsync(async () =>
        {
            if (await store.GetAsync(requestId, ct) is not { } r) return Result<ApprovalRequest>.Fail(ApprovalProblems.NotFound);
            var people = await PeopleDirectory.LoadAsync(peopleStore, time.GetUtcNow(), ct);
            var before = r.History.Count;
            var wasClosed = r.IsClosed;
            var result = change(r, people);
            if (!result.IsOk) return result;
            if (!wasClosed && r.IsClosed) await NotifyClosedAsync(r, outgoing, ct);
            await SaveAsync(r, before, outgoing, ct);
            if (alsoStore is not null) await alsoStore();
            return result;
        }, ct);

    private async Task NotifyClosedAsync(ApprovalRequest r, Outgoing outgoing, CancellationToken ct)
    {
        foreach (var observer in observers) await observer.OnClosedAsync(r, outgoing, ct);
    }

    /// <summary>Stores the request, the audit entries of its new history and the messages, inside the caller's unit of work.</summary>
    internal async Task SaveAsync(ApprovalRequest r, int historyBefore, Outgoing? outgoing, CancellationToken ct)
    {
        if (!await store.TryUpdateAsync(r, ct)) throw new InvalidOperationException($"{r.Number} changed inside a unit of work");
        foreach (var e in r.History.Skip(historyBefore))
        {
            await audit.AppendAsync(new AuditEntry
            {
                Subject = r.Subject, Action = e.Action, ActorId = e.ActorId, OnBehalfOfId = e.OnBehalfOfId, At = e.At, Reason = e.Reason,
                Step = e.Step,
            }, ct);
        }
        if (outgoing is not null) await outbox.EnqueueAsync(outgoing.Messages, ct);
    }
}

/// <summary>
/// "ЗО-{yyyy}-{seq:0000}" with the year and the sequence number filled in; for appendices also
/// {contract} (the contract's number) and {n} (the appendix's number within it): "{contract}/П-{n}".
/// A format without {seq} or {n} gets the sequence number appended, so two numbers never collide.
/// </summary>
public static class NumberFormat
{
    public static string Apply(string format, int year, long seq, string? contract = null, int? n = null)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var result = format.Replace("{yyyy}", year.ToString("0000", inv));
        if (contract is not null) result = result.Replace("{contract}", contract);
        var hasN = n is not null && result.Contains("{n}", StringComparison.Ordinal);
        if (hasN) result = result.Replace("{n}", n!.Value.ToString(inv));
        var match = System.Text.RegularExpressions.Regex.Match(result, @"\{seq(?::([0#]+))?\}");
        if (match.Success) return result.Replace(match.Value, seq.ToString(match.Groups[1].Success ? match.Groups[1].Value : "0", inv));
        return hasN ? result : result + seq;
    }
}
