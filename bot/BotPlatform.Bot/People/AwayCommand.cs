using BotPlatform.Bot.Routing;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.People;

/// <summary>/away DATE @substitute, or /away alone for a two-step dialog that survives restarts.</summary>
public sealed class AwayCommand(Delegation delegation, IPeopleStore people, IConversationStore conversations, TimeProvider time) : ICommandHandler
{
    public const string Flow = "away";

    public string Command => "away";

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (context.Args.Length >= 2)
        {
            await AwayFlow.CompleteAsync(context, delegation, people, context.Args[0], context.Args[1], ct);
            return;
        }
        if (context.Args.Length == 1)
        {
            context.Reply(PeopleTexts.AwayUsage);
            return;
        }
        await conversations.SaveAsync(new Conversation
        {
            ChatId = context.ChatId, UserId = context.From!.UserId, Flow = Flow, Step = AwayFlow.DateStep, UpdatedAt = time.GetUtcNow(),
        }, ct);
        context.Out.Ask(context.ChatId, PeopleTexts.AwayAskDate.In(context.Lang), "25.12");
    }
}

public sealed class AwayFlow(Delegation delegation, IPeopleStore people, IConversationStore conversations, TimeProvider time) : IConversationFlow
{
    public const string DateStep = "date";
    public const string SubstituteStep = "substitute";

    public string Flow => AwayCommand.Flow;

    public async Task HandleAsync(UpdateContext context, Conversation conversation, CancellationToken ct)
    {
        var answer = context.Text.Trim();
        if (conversation.Step == DateStep)
        {
            var until = delegation.ParseUntil(answer);
            if (!until.IsOk)
            {
                context.ReplyProblem(until.Problem!);
                return;
            }
            conversation.Data["until"] = answer;
            conversation.Step = SubstituteStep;
            conversation.UpdatedAt = time.GetUtcNow();
            await conversations.SaveAsync(conversation, ct);
            context.Out.Ask(context.ChatId, PeopleTexts.AwayAskSubstitute.In(context.Lang), "@username");
            return;
        }
        if (await CompleteAsync(context, delegation, people, conversation.Data.GetValueOrDefault("until", ""), answer, ct))
            await conversations.DeleteAsync(context.ChatId, conversation.UserId, ct);
    }

    public static async Task<bool> CompleteAsync(UpdateContext context, Delegation delegation, IPeopleStore people, string until,
        string substitute, CancellationToken ct)
    {
        var result = await delegation.GoAwayAsync(context.Person!, until, substitute, context.Out, ct);
        if (!result.IsOk)
        {
            context.ReplyProblem(result.Problem!);
            return false;
        }
        var absence = result.Value!;
        var substituteName = (await people.GetAsync(absence.SubstituteId, ct))?.Name ?? substitute;
        context.Reply(PeopleTexts.AwaySet, absence.Until.ToDateTime(TimeOnly.MinValue), substituteName,
            absence.Until.AddDays(1).ToDateTime(TimeOnly.MinValue));
        return true;
    }
}
