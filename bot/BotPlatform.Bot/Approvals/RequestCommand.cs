using BotPlatform.Bot.Routing;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.Approvals;

/// <summary>
/// /request НОМЕР: the request's card with its whole timeline, for those who may see it. /request alone
/// offers my latest requests as buttons ("rqp:{id}").
/// </summary>
public sealed class RequestCommand(ApprovalQueries queries, ApprovalCards cards, IPeopleStore peopleStore, TimeProvider time) : ICommandHandler
{
    public const string Prefix = "rqp";
    public const int MaxButtons = 8;
    public static readonly Text Latest = new("Ваши последние заявки:", "Your latest requests:");

    public string Command => "request";

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (!context.InPrivateChat() || context.Person is not { } me) return;
        var (_, number) = UpdateRouter.ParseCommand(context.Text);
        if (number.Length == 0)
        {
            var mine = (await queries.MineAsync(me, ct)).Take(MaxButtons).ToList();
            if (mine.Count == 0) context.Reply(ApprovalListTexts.RequestUsage);
            else context.Reply(Latest.In(context.Lang) + "\n\n" + ApprovalListTexts.RequestUsage.In(context.Lang),
                mine.Select(r => new[] { new InlineButton(Caption(r), $"{Prefix}:{r.Id}") }));
            return;
        }
        await ShowAsync(context, number, me, queries, cards, peopleStore, time, ct);
    }

    private static string Caption(ApprovalRequest r) =>
        r.Amount is { } amount ? $"{r.Number} · {r.Counterparty} · {amount:N0} {r.Currency}" : $"{r.Number} · {r.Counterparty}";

    internal static async Task ShowAsync(UpdateContext context, string number, Person me, ApprovalQueries queries, ApprovalCards cards,
        IPeopleStore peopleStore, TimeProvider time, CancellationToken ct)
    {
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

/// <summary>"rqp:{id}": a request picked from /request's buttons; the same rights as /request НОМЕР.</summary>
public sealed class RequestPickCallback(ApprovalQueries queries, ApprovalCards cards, IApprovalStore store, IPeopleStore peopleStore, TimeProvider time)
    : ICallbackHandler
{
    public string Prefix => RequestCommand.Prefix;

    public async Task HandleAsync(UpdateContext context, string[] data, CancellationToken ct)
    {
        if (context.Person is not { IsActive: true } me || data.Length != 2 || !long.TryParse(data[1], out var id)
            || await store.GetAsync(id, ct) is not { } request)
        {
            await context.AnswerCallbackAsync(RoutingTexts.StaleButton.In(context.Lang), ct: ct);
            return;
        }
        await context.AnswerCallbackAsync(ct: ct);
        await RequestCommand.ShowAsync(context, request.Number, me, queries, cards, peopleStore, time, ct);
    }
}
