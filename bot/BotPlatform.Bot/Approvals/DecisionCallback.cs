using BotPlatform.Bot.Routing;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Common;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.Approvals;

/// <summary>
/// The buttons on approval cards ("ap:{id}:{seq}:{action}"). Approve, Done, Unfreeze, Withdraw act at
/// once; Reject, Freeze and Request documents first ask for the reason (a dialog that survives restarts).
/// The engine re-checks the state and the presser's right to act; forged data is refused here.
/// </summary>
public sealed class DecisionCallback(
    ApprovalEngine engine,
    ApprovalQueries queries,
    IApprovalStore store,
    IPeopleStore people,
    IConversationStore conversations,
    ApprovalCards cards,
    Organisation organisation,
    TimeProvider time) : ICallbackHandler
{
    public string Prefix => ApprovalButtons.Prefix;

    public async Task HandleAsync(UpdateContext context, string[] data, CancellationToken ct)
    {
        if (context.Person is not { IsActive: true } person || !ApprovalButtons.TryParse(data, out var pressed))
        {
            await context.AnswerCallbackAsync(RoutingTexts.StaleButton.In(context.Lang), alert: true, ct: ct);
            return;
        }
        var result = pressed.Action switch
        {
            ApprovalButtons.Approve => await engine.DecideAsync(pressed.RequestId, pressed.Seq, StepDecision.Approve, person, null, context.Out, ct),
            ApprovalButtons.Reject or ApprovalButtons.Freeze or ApprovalButtons.RequestDocuments => await AskReasonAsync(context, person, pressed, ct),
            ApprovalButtons.QuickReason => await QuickReasonAsync(context, person, pressed, ct),
            ApprovalButtons.TaskDone => await TaskAsync(context, person, pressed, ct),
            ApprovalButtons.Unfreeze => await engine.UnfreezeAsync(pressed.RequestId, person, context.Out, ct),
            ApprovalButtons.Withdraw => await engine.WithdrawAsync(pressed.RequestId, person, context.Out, ct),
            _ => await ShowAsync(context, person, pressed, ct),
        };
        if (!result.IsOk)
        {
            await context.AnswerCallbackAsync(ProblemTexts.Render(result.Problem!, context.Lang), alert: true, ct: ct);
            return;
        }
        if (pressed.Action == ApprovalButtons.Approve
            && await conversations.GetAsync(context.ChatId, context.From!.UserId, ct) is { Flow: ReasonFlow.Flow } pending)
        {
            // Pressed Reject, then changed their mind: the reason question no longer applies.
            await conversations.DeleteAsync(context.ChatId, pending.UserId, ct);
        }
        await context.AnswerCallbackAsync(Answer(pressed.Action).In(context.Lang, result.Value!.Number), ct: ct);
        if (pressed.Action == ApprovalButtons.Withdraw) context.Reply(ApprovalTexts.Withdrawn, result.Value!.Number);
    }

    private static Text Answer(string action) => action switch
    {
        ApprovalButtons.Approve => DecisionTexts.Approved,
        ApprovalButtons.QuickReason => DecisionTexts.Rejected,
        ApprovalButtons.Unfreeze => DecisionTexts.Unfrozen,
        ApprovalButtons.Withdraw => DecisionTexts.WithdrawnAnswer,
        ApprovalButtons.TaskDone => DecisionTexts.Noted,
        ApprovalButtons.Reject => DecisionTexts.WriteRejectReason,
        ApprovalButtons.Freeze => DecisionTexts.WriteFreezeReason,
        ApprovalButtons.RequestDocuments => DecisionTexts.WriteWhatIsMissing,
        _ => DecisionTexts.Noted,
    };

    private async Task<Result<ApprovalRequest>> AskReasonAsync(UpdateContext context, Person person, ApprovalButtons.Parsed pressed,
        CancellationToken ct)
    {
        var check = await engine.CheckCanDecideAsync(pressed.RequestId, pressed.Seq, person, ct);
        if (!check.IsOk) return check;
        var r = check.Value!;
        await conversations.SaveAsync(new Conversation
        {
            ChatId = context.ChatId, UserId = context.From!.UserId, Flow = ReasonFlow.Flow, Step = pressed.Action, UpdatedAt = time.GetUtcNow(),
            Data = new() { ["request"] = pressed.RequestId.ToString(), ["seq"] = pressed.Seq.ToString() },
        }, ct);
        var question = pressed.Action switch
        {
            ApprovalButtons.Reject => ApprovalTexts.AskRejectReason,
            ApprovalButtons.Freeze => ApprovalTexts.AskFreezeReason,
            _ => ApprovalTexts.AskWhatIsMissing,
        };
        context.Out.Ask(context.ChatId, question.In(context.Lang, r.Number));
        var reasons = organisation.Approvals.RejectReasons;
        if (pressed.Action == ApprovalButtons.Reject && reasons.Count > 0)
            context.Reply(DecisionTexts.QuickReasons.In(context.Lang), ApprovalButtons.QuickReasons(r, reasons));
        return check;
    }

    private async Task<Result<ApprovalRequest>> QuickReasonAsync(UpdateContext context, Person person, ApprovalButtons.Parsed pressed,
        CancellationToken ct)
    {
        var reasons = organisation.Approvals.RejectReasons;
        if (pressed.Argument is not { } i || i >= reasons.Count) return Result<ApprovalRequest>.Fail(ApprovalProblems.StepPassed, "—");
        var result = await engine.DecideAsync(pressed.RequestId, pressed.Seq, StepDecision.Reject, person, reasons[i], context.Out, ct);
        if (result.IsOk)
        {
            await conversations.DeleteAsync(context.ChatId, context.From!.UserId, ct);
            if (context.Update.CallbackQuery?.Message is { Id: var id })
                context.Out.Edit(context.ChatId, id, DecisionTexts.ReasonChosen.In(context.Lang, reasons[i]));
        }
        return result;
    }

    private async Task<Result<ApprovalRequest>> TaskAsync(UpdateContext context, Person person, ApprovalButtons.Parsed pressed, CancellationToken ct)
    {
        if (await store.GetAsync(pressed.RequestId, ct) is not { } r) return Result<ApprovalRequest>.Fail(ApprovalProblems.NotFound);
        var task = r.Current?.Seq == pressed.Seq ? r.Current.Assignments.FirstOrDefault(a => a.No == pressed.Argument) : null;
        if (task is not { CompletedBy: TaskCompletion.File, Done: false })
            return await engine.CompleteTaskAsync(pressed.RequestId, pressed.Seq, pressed.Argument ?? 0, person, null, context.Out, ct);
        var directory = await PeopleDirectory.LoadAsync(people, time.GetUtcNow(), ct);
        if (!directory.MayAct(task, person, out _)) return Result<ApprovalRequest>.Fail(ApprovalProblems.NotYours, r.Number);
        await conversations.SaveAsync(new Conversation
        {
            ChatId = context.ChatId, UserId = context.From!.UserId, Flow = TaskFileFlow.Flow, Step = "file", UpdatedAt = time.GetUtcNow(),
            Data = new() { ["request"] = r.Id.ToString(), ["seq"] = pressed.Seq.ToString(), ["task"] = task.No.ToString() },
        }, ct);
        context.Out.Ask(context.ChatId, ApprovalTexts.AskPaymentOrder.In(context.Lang, r.Number));
        return Result<ApprovalRequest>.Ok(r);
    }

    /// <summary>Re-sends the card: with the step's buttons to someone who may act on it, read-only to other viewers.</summary>
    private async Task<Result<ApprovalRequest>> ShowAsync(UpdateContext context, Person person, ApprovalButtons.Parsed pressed, CancellationToken ct)
    {
        if (await store.GetAsync(pressed.RequestId, ct) is not { } r) return Result<ApprovalRequest>.Fail(ApprovalProblems.NotFound);
        var visible = await queries.GetAsync(r.Number, person, ct);
        if (!visible.IsOk) return visible;
        var directory = await PeopleDirectory.LoadAsync(people, time.GetUtcNow(), ct);
        context.Reply(cards.Card(r, directory, context.Lang), ApprovalButtons.ForViewer(r, person, directory, context.Lang));
        return visible;
    }
}

public static class DecisionTexts
{
    public static readonly Text Approved = new("Согласовано: {0}", "Approved: {0}");
    public static readonly Text Rejected = new("Отклонено: {0}", "Rejected: {0}");
    public static readonly Text Unfrozen = new("Разморожено: {0}", "Unfrozen: {0}");
    public static readonly Text WithdrawnAnswer = new("Отозвано: {0}", "Withdrawn: {0}");
    public static readonly Text Noted = new("Принято: {0}", "Noted: {0}");
    public static readonly Text WriteRejectReason = new("Напишите причину отказа: {0}", "Write the reason for rejecting: {0}");
    public static readonly Text WriteFreezeReason = new("Напишите причину заморозки: {0}", "Write the reason for freezing: {0}");
    public static readonly Text WriteWhatIsMissing = new("Напишите, каких документов не хватает: {0}", "Write which documents are missing: {0}");
    public static readonly Text QuickReasons = new("Или выберите причину:", "Or pick a reason:");
    public static readonly Text ReasonChosen = new("Причина: {0}", "Reason: {0}");
}
