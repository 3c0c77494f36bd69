using BotPlatform.Bot.Routing;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Messaging;

namespace BotPlatform.Bot.Approvals;

/// <summary>The reason after Reject / Freeze / Request documents: typed text; an empty answer is refused.</summary>
public sealed class ReasonFlow(ApprovalEngine engine, IConversationStore conversations) : IConversationFlow
{
    public const string Flow = "ap-reason";

    string IConversationFlow.Flow => Flow;

    public async Task HandleAsync(UpdateContext context, Conversation conversation, CancellationToken ct)
    {
        var reason = context.Update.Message?.Text?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            context.ReplyProblem(new(ApprovalProblems.ReasonRequired));
            return;
        }
        var decision = conversation.Step switch
        {
            ApprovalButtons.Reject => StepDecision.Reject,
            ApprovalButtons.Freeze => StepDecision.Freeze,
            _ => StepDecision.RequestDocuments,
        };
        var result = await engine.DecideAsync(long.Parse(conversation.Data["request"]), int.Parse(conversation.Data["seq"]), decision,
            context.Person!, reason, context.Out, ct);
        if (!result.IsOk && result.Problem!.Code == ApprovalProblems.ReasonRequired)
        {
            context.ReplyProblem(result.Problem);
            return;
        }
        await conversations.DeleteAsync(context.ChatId, conversation.UserId, ct);
        if (!result.IsOk) context.ReplyProblem(result.Problem!);
        else context.Reply(ApprovalTexts.Decided, result.Value!.Number);
    }
}

/// <summary>A task done only by a file (the payment order): the next document or photo completes it.</summary>
public sealed class TaskFileFlow(ApprovalEngine engine, IConversationStore conversations, TimeProvider time) : IConversationFlow
{
    public const string Flow = "ap-file";

    string IConversationFlow.Flow => Flow;

    public async Task HandleAsync(UpdateContext context, Conversation conversation, CancellationToken ct)
    {
        if (FileCheck.Refuse(context, IncomingFiles.From(context.Update.Message, context.Person!.Id, time.GetUtcNow())) is not { } file) return;
        var result = await engine.CompleteTaskAsync(long.Parse(conversation.Data["request"]), int.Parse(conversation.Data["seq"]),
            int.Parse(conversation.Data["task"]), context.Person!, file, context.Out, ct);
        await conversations.DeleteAsync(context.ChatId, conversation.UserId, ct);
        if (!result.IsOk) context.ReplyProblem(result.Problem!);
        else context.Reply(ApprovalTexts.Decided, result.Value!.Number);
    }
}

/// <summary>The initiator's answer to "documents requested": the next document or photo goes to the request.</summary>
public sealed class AttachFlow(ApprovalEngine engine, IConversationStore conversations, TimeProvider time) : IConversationFlow
{
    string IConversationFlow.Flow => ApprovalEngine.AttachFlow;

    public async Task HandleAsync(UpdateContext context, Conversation conversation, CancellationToken ct)
    {
        if (FileCheck.Refuse(context, IncomingFiles.From(context.Update.Message, context.Person!.Id, time.GetUtcNow())) is not { } file) return;
        var result = await engine.AttachDocumentsAsync(long.Parse(conversation.Data["request"]), context.Person!, file, context.Out, ct);
        await conversations.DeleteAsync(context.ChatId, conversation.UserId, ct);
        if (!result.IsOk) context.ReplyProblem(result.Problem!);
    }
}

public static class FileCheck
{
    public const long MaxBytes = 20L * 1024 * 1024;

    /// <summary>The file, or null after telling the person what is wrong (no file, or too large).</summary>
    public static AttachedFile? Refuse(UpdateContext context, AttachedFile? file)
    {
        if (file is null)
        {
            context.ReplyProblem(new(ApprovalProblems.FileRequired));
            return null;
        }
        if (file.Size > MaxBytes)
        {
            context.ReplyProblem(new(ApprovalProblems.FileTooLarge, file.Size / 1024.0 / 1024.0));
            return null;
        }
        return file;
    }
}
