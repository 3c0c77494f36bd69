using System.Globalization;
using BotPlatform.Bot.Approvals;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Common;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.Projects;

namespace BotPlatform.Bot.Projects;

/// <summary>
/// The executor's and the auditor's buttons, "tsk:{task}:{action}[:{item}]": Start, Pause, Done (asks for
/// the result), a checklist tick, Accept, Return (asks for the comment). The core re-checks the state and
/// the presser's right; a stale or forged button changes nothing.
/// </summary>
public sealed class TaskCallback(ProjectWork work, IConversationStore conversations, TimeProvider time) : ICallbackHandler
{
    public string Prefix => TaskCards.Prefix;

    public async Task HandleAsync(UpdateContext context, string[] data, CancellationToken ct)
    {
        if (context.Person is not { IsActive: true } person || context.From is not { } from || data.Length < 3
            || !long.TryParse(data[1], NumberStyles.None, CultureInfo.InvariantCulture, out var taskId))
        {
            await context.AnswerCallbackAsync(RoutingTexts.StaleButton.In(context.Lang), ct: ct);
            return;
        }
        var result = data[2] switch
        {
            TaskCards.Start => await work.StartAsync(taskId, person, context.Out, ct),
            TaskCards.Pause => await work.PauseAsync(taskId, person, context.Out, ct),
            TaskCards.Tick when data.Length == 4 && int.TryParse(data[3], NumberStyles.None, CultureInfo.InvariantCulture, out var item) =>
                await work.TickAsync(taskId, item, person, context.Out, ct),
            TaskCards.Accept => await work.AcceptAsync(taskId, person, context.Out, ct),
            TaskCards.Done => await AskAsync(context, from.UserId, await work.CanSubmitAsync(taskId, person, ct), TaskResultFlow.Name,
                t => TaskTexts.AskResult.In(context.Lang, t.Title), ct),
            TaskCards.Return => await AskAsync(context, from.UserId, await work.CanReturnAsync(taskId, person, ct), TaskReturnFlow.Name,
                t => TaskTexts.AskReturn.In(context.Lang, t.Title), ct),
            _ => Result<ProjectTask>.Fail(ProjectProblems.StaleTask),
        };
        await context.AnswerCallbackAsync(result.IsOk ? null : ProblemTexts.Render(result.Problem!, context.Lang), alert: !result.IsOk, ct: ct);
    }

    private async Task<Result<ProjectTask>> AskAsync(UpdateContext context, long userId, Result<ProjectTask> allowed, string flow,
        Func<ProjectTask, string> question, CancellationToken ct)
    {
        if (!allowed.IsOk) return allowed;
        await conversations.SaveAsync(new Conversation
        {
            ChatId = context.ChatId, UserId = userId, Flow = flow, Step = "answer", UpdatedAt = time.GetUtcNow(),
            Data = new Dictionary<string, string> { ["task"] = allowed.Value!.Id.ToString(CultureInfo.InvariantCulture) },
        }, ct);
        context.Out.Ask(context.ChatId, question(allowed.Value));
        return allowed;
    }
}

/// <summary>The executor's answer to Done: text, a link or a file; the task goes to its auditor.</summary>
public sealed class TaskResultFlow(ProjectWork work, IConversationStore conversations) : IConversationFlow
{
    public const string Name = "task-result";
    public string Flow => Name;

    public async Task HandleAsync(UpdateContext context, Conversation conversation, CancellationToken ct)
    {
        if (context.Person is not { } person || context.Update.Message is not { } message) return;
        var taskId = long.Parse(conversation.Data["task"], CultureInfo.InvariantCulture);
        var file = IncomingFiles.From(message, person.Id, default);
        var result = await work.SubmitAsync(taskId, person, message.Text ?? message.Caption, file?.FileId, file?.IsPhoto ?? false, context.Out, ct);
        if (result.Problem is { Code: TaskProblems.ResultRequired } problem)
        {
            context.ReplyProblem(problem);
            return;
        }
        await conversations.DeleteAsync(conversation.ChatId, conversation.UserId, ct);
        if (!result.IsOk) context.ReplyProblem(result.Problem!);
    }
}

/// <summary>The auditor's comment to Return (required); the task goes back to its executor.</summary>
public sealed class TaskReturnFlow(ProjectWork work, IConversationStore conversations) : IConversationFlow
{
    public const string Name = "task-return";
    public string Flow => Name;

    public async Task HandleAsync(UpdateContext context, Conversation conversation, CancellationToken ct)
    {
        if (context.Person is not { } person) return;
        var taskId = long.Parse(conversation.Data["task"], CultureInfo.InvariantCulture);
        var result = await work.ReturnAsync(taskId, person, context.Update.Message?.Text, context.Out, ct);
        if (result.Problem is { Code: TaskProblems.CommentRequired } problem)
        {
            context.ReplyProblem(problem);
            return;
        }
        await conversations.DeleteAsync(conversation.ChatId, conversation.UserId, ct);
        if (!result.IsOk) context.ReplyProblem(result.Problem!);
    }
}

/// <summary>
/// The client's buttons in the group, "tcl:{task}:{round}:{ok|edit}": only the client's contacts and the PM
/// may press them; others are told the buttons are not theirs. Changes asks what to change (ForceReply).
/// </summary>
public sealed class ClientDecisionCallback(ProjectWork work, IConversationStore conversations, TimeProvider time) : ICallbackHandler
{
    public string Prefix => TaskCards.ClientPrefix;

    public async Task HandleAsync(UpdateContext context, string[] data, CancellationToken ct)
    {
        if (context.From is not { } from || data is not [_, var idText, var roundText, var action]
            || !long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var taskId)
            || !int.TryParse(roundText, NumberStyles.None, CultureInfo.InvariantCulture, out var round))
        {
            await context.AnswerCallbackAsync(RoutingTexts.StaleButton.In(context.Lang), ct: ct);
            return;
        }
        var actor = new GroupActor(from.UserId, from.DisplayName, context.Person);
        var result = action switch
        {
            TaskCards.Approve => await work.ClientApproveAsync(taskId, round, actor, context.Out, ct),
            TaskCards.Revise => await AskRevisionAsync(context, actor, await work.CanDecideForClientAsync(taskId, round, actor, ct), round, ct),
            _ => Result<ProjectTask>.Fail(ProjectProblems.StaleTask),
        };
        await context.AnswerCallbackAsync(result.IsOk ? null : ProblemTexts.Render(result.Problem!, context.Lang), alert: !result.IsOk, ct: ct);
    }

    private async Task<Result<ProjectTask>> AskRevisionAsync(UpdateContext context, GroupActor actor, Result<ProjectTask> allowed, int round,
        CancellationToken ct)
    {
        if (!allowed.IsOk) return allowed;
        await conversations.SaveAsync(new Conversation
        {
            ChatId = context.ChatId, UserId = actor.TelegramUserId, Flow = RevisionFlow.Name, Step = "answer", UpdatedAt = time.GetUtcNow(),
            Data = new Dictionary<string, string>
            {
                ["task"] = allowed.Value!.Id.ToString(CultureInfo.InvariantCulture), ["round"] = round.ToString(CultureInfo.InvariantCulture),
            },
        }, ct);
        context.Out.Ask(context.ChatId, TaskTexts.AskRevision.In(context.Lang, actor.Name, allowed.Value.Title));
        return allowed;
    }
}

/// <summary>What the client wants changed, answered in the group; an empty answer is refused and asked again.</summary>
public sealed class RevisionFlow(ProjectWork work, IConversationStore conversations) : IConversationFlow
{
    public const string Name = "task-revision";
    public string Flow => Name;

    public async Task HandleAsync(UpdateContext context, Conversation conversation, CancellationToken ct)
    {
        if (context.From is not { } from) return;
        var taskId = long.Parse(conversation.Data["task"], CultureInfo.InvariantCulture);
        var round = int.Parse(conversation.Data["round"], CultureInfo.InvariantCulture);
        var actor = new GroupActor(from.UserId, from.DisplayName, context.Person);
        var text = context.Update.Message?.Text ?? context.Update.Message?.Caption;
        var result = await work.ClientReviseAsync(taskId, round, actor, text, context.Out, ct);
        if (result.Problem is { Code: TaskProblems.RevisionRequired } problem)
        {
            context.Out.Ask(context.ChatId, ProblemTexts.Render(problem, context.Lang));
            return;
        }
        await conversations.DeleteAsync(conversation.ChatId, conversation.UserId, ct);
        if (!result.IsOk) context.ReplyProblem(result.Problem!);
    }
}
