using BotPlatform.Bot.Routing;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.Approvals;

/// <summary>/find ТЕКСТ: the requests I may see whose number or counterparty contains the text, newest first.</summary>
public sealed class FindCommand(ApprovalQueries queries, ApprovalCards cards, IPeopleStore peopleStore, TimeProvider time) : ICommandHandler
{
    public string Command => "find";

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (!context.InPrivateChat() || context.Person is not { } me) return;
        var (_, text) = UpdateRouter.ParseCommand(context.Text);
        if (text.Length == 0)
        {
            context.Reply(ApprovalListTexts.FindUsage);
            return;
        }
        var lang = context.Lang;
        var searched = ApprovalLists.Clip(text);
        var found = await queries.FindAsync(text, me, ct);
        if (found.Count == 0)
        {
            context.Reply(ApprovalListTexts.FindNothing, searched);
            return;
        }
        var people = await PeopleDirectory.LoadAsync(peopleStore, time.GetUtcNow(), ct);
        // FindAsync stops at a page; a full page means there may be more matches.
        var footer = found.Count >= ApprovalLists.MaxLines ? ApprovalListTexts.FindFirstOnly.In(lang, found.Count) : null;
        var list = ApprovalLists.Requests(ApprovalListTexts.FindHeader.In(lang, searched), found, cards, people, lang, footer);
        context.Reply(list.Text, list.Buttons);
    }
}
