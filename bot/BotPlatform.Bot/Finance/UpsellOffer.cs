using System.Globalization;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Finance.Ledger;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Core.Projects;

namespace BotPlatform.Bot.Finance;

/// <summary>
/// A deal just made for a client with active projects: «Привязать к PRJ-0001» buttons for the projects the person may
/// change, so an upsell is linked where it is sold. Buttons carry "ups:PROJECT:DEAL"; a press goes through the same
/// checks as /project NUMBER upsell.
/// </summary>
public sealed class UpsellOffer(IProjectStore projects)
{
    public const string Prefix = "ups";
    private const int MaxProjects = 5;

    public async Task OfferAsync(UpdateContext context, Deal deal, Person person, CancellationToken ct)
    {
        var open = (await projects.ByClientAsync(deal.ClientId, ct))
            .Where(p => p.Status == ProjectStatus.Active && p.DealId != deal.Id && ProjectSales.MayChange(person, p))
            .TakeLast(MaxProjects).ToList();
        if (open.Count == 0) return;
        var lang = context.Lang;
        context.Reply(LedgerTexts.OfferUpsell.In(lang, deal.Number), open.Select(p => new[]
        {
            new InlineButton(LedgerTexts.LinkToProjectButton.In(lang, p.Number, p.Title),
                string.Join(':', Prefix, p.Id.ToString(CultureInfo.InvariantCulture), deal.Id.ToString(CultureInfo.InvariantCulture))),
        }));
    }
}

public sealed class UpsellOfferCallback(ProjectSales sales, IProjectStore projects, IDealStore deals) : ICallbackHandler
{
    public string Prefix => UpsellOffer.Prefix;

    public async Task HandleAsync(UpdateContext context, string[] data, CancellationToken ct)
    {
        if (context is not { Person: { IsActive: true } person, Update.CallbackQuery.Message.Id: var pressed } || data is not [_, var projectText, var dealText]
            || !long.TryParse(projectText, NumberStyles.None, CultureInfo.InvariantCulture, out var projectId)
            || !long.TryParse(dealText, NumberStyles.None, CultureInfo.InvariantCulture, out var dealId)
            || await projects.GetAsync(projectId, ct) is not { } project || await deals.GetAsync(dealId, ct) is not { } deal)
        {
            await context.AnswerCallbackAsync(RoutingTexts.StaleButton.In(context.Lang), ct: ct);
            return;
        }
        var result = await sales.UpsellAsync(person, project, deal.Number, unlink: false, ct);
        if (result.Value is not { } change)
        {
            await context.AnswerCallbackAsync(ProblemTexts.Render(result.Problem!, context.Lang), ct: ct);
            return;
        }
        var text = change.Kind == SaleChangeKind.UpsellLinked ? LedgerTexts.UpsellLinked : LedgerTexts.UpsellAlreadyLinked;
        await context.AnswerCallbackAsync(ct: ct);
        context.Out.Edit(context.ChatId, pressed, text.In(context.Lang, change.Project.Number, deal.Number));
    }
}
