using BotPlatform.Bot.Routing;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.Approvals;

/// <summary>/inbox: the steps and tasks waiting for me and for those I stand in for, oldest first.</summary>
public sealed class InboxCommand(ApprovalQueries queries, IPeopleStore peopleStore, TimeProvider time) : ICommandHandler
{
    public string Command => "inbox";

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (!context.InPrivateChat() || context.Person is not { } me) return;
        var items = await queries.InboxAsync(me, ct);
        if (items.Count == 0)
        {
            context.Reply(ApprovalListTexts.InboxEmpty);
            return;
        }
        var people = await PeopleDirectory.LoadAsync(peopleStore, time.GetUtcNow(), ct);
        var list = ApprovalLists.Inbox(items, people, context.Lang);
        context.Reply(list.Text, list.Buttons);
    }
}
