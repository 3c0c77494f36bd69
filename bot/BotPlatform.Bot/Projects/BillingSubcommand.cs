using BotPlatform.Bot.Routing;
using BotPlatform.Core.Billing.Nudges;
using BotPlatform.Core.People;
using BotPlatform.Core.Projects;

namespace BotPlatform.Bot.Projects;

/// <summary><c>/project NUMBER billing PERIOD [FROM]</c> and <c>/project NUMBER billing off</c>: the project's billing period for payment nudges.</summary>
public sealed class BillingSubcommand(PaymentNudges nudges, Organisation organisation)
{
    public static bool Matches(string[] args) => args is [_, var word, ..]
        && (word.Equals("billing", StringComparison.OrdinalIgnoreCase) || word.Equals("оплата", StringComparison.OrdinalIgnoreCase));

    public async Task HandleAsync(UpdateContext context, Project project, string[] args, CancellationToken ct)
    {
        if (context.Person is not { } person)
        {
            context.ReplyProblem(new(NudgeProblems.NotAllowed));
            return;
        }
        var result = await nudges.SetAsync(person, project, args[2..], ct);
        if (!result.IsOk)
        {
            context.ReplyProblem(result.Problem!);
            return;
        }
        var view = result.Value!;
        if (view.Project.Billing is not { } billing || view.NextNudgeAt is not { } at || view.PeriodEnd is not { } end)
        {
            context.Reply(NudgeTexts.Cleared, view.Project.Number);
            return;
        }
        var text = NudgeTexts.Set.In(context.Lang, view.Project.Number, billing.Describe(context.Lang), billing.Anchor.ToDateTime(TimeOnly.MinValue),
            end.ToDateTime(TimeOnly.MinValue), organisation.Calendar.ToLocal(at).DateTime);
        if (view.Project.GroupChatIds.Count == 0) text += "\n\n" + NudgeTexts.NoGroupWarning.In(context.Lang, view.Project.Number);
        context.Reply(text);
    }
}
