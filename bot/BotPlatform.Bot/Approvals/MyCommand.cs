using BotPlatform.Bot.Routing;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.Approvals;

/// <summary>/my: my own requests, newest first, with where each one stands.</summary>
public sealed class MyCommand(ApprovalQueries queries, ApprovalCards cards, IPeopleStore peopleStore, TimeProvider time) : ICommandHandler
{
    public string Command => "my";

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (!context.InPrivateChat() || context.Person is not { } me) return;
        var mine = await queries.MineAsync(me, ct);
        if (mine.Count == 0)
        {
            context.Reply(ApprovalListTexts.MineEmpty);
            return;
        }
        var lang = context.Lang;
        var people = await PeopleDirectory.LoadAsync(peopleStore, time.GetUtcNow(), ct);
        // MineAsync returns the latest ones only; a full page means there may be older requests.
        var footer = mine.Count >= ApprovalLists.MaxLines ? ApprovalListTexts.MineLatestOnly.In(lang, mine.Count) : null;
        var list = ApprovalLists.Requests(ApprovalListTexts.MineHeader.In(lang), mine, cards, people, lang, footer);
        context.Reply(list.Text, list.Buttons);
    }
}
