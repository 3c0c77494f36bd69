using BotPlatform.Bot.Routing;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.Approvals;

/// <summary>/request НОМЕР: the request's card with its whole timeline, for those who may see it.</summary>
public sealed class RequestCommand(ApprovalQueries queries, ApprovalCards cards, IPeopleStore peopleStore, TimeProvider time) : ICommandHandler
{
    public string Command => "request";

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (!context.InPrivateChat() || context.Person is not { } me) return;
        var (_, number) = UpdateRouter.ParseCommand(context.Text);
        if (number.Length == 0)
        {
            context.Reply(ApprovalListTexts.RequestUsage);
            return;
        }
        var found = await queries.GetAsync(number, me, ct);
        if (found.Problem is { } problem)
        {
            context.ReplyProblem(problem);
            return;
        }
        if (found.Value is not { } request) return;
        var people = await PeopleDirectory.LoadAsync(peopleStore, time.GetUtcNow(), ct);
        context.Reply(cards.Card(request, people, context.Lang, timeline: true), [[Analytics.RouteCallback.ForRequest(request, context.Lang)]]);
    }
}
