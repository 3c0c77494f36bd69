using BotPlatform.Bot.Routing;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Clients;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Documents.Deals;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.Documents;

/// <summary>
/// /deal new (the dialog), /deal NUMBER (the card with its lines, totals, documents and latest history) and
/// /deal NUMBER history [PAGE] (the whole history in pages). Private chat only; a deal is shown to whoever
/// <see cref="DealHistory.MayView"/> allows.
/// </summary>
public sealed class DealCommand(DealDialog dialog, DealHistory history, DealDesk desk, IPeopleStore people, IDealDocuments documents,
    Organisation organisation, TimeProvider time) : NewOrNumberCommand
{
    public override string Command => "deal";

    protected override Core.Localization.Text PrivateOnly => ClientDialogTexts.PrivateOnly;

    protected override Task BareAsync(UpdateContext context, CancellationToken ct)
    {
        context.Reply(DealDialogTexts.Usage);
        return Task.CompletedTask;
    }

    protected override Task StartNewAsync(UpdateContext context, CancellationToken ct) => dialog.StartAsync(context, ct);

    protected override async Task OpenAsync(UpdateContext context, string[] args, CancellationToken ct)
    {
        var words = args.ToList();
        int? page = null;
        if (words.Count >= 3 && IsHistory(words[^2]) && int.TryParse(words[^1], out var typed))
        {
            page = typed;
            words.RemoveRange(words.Count - 2, 2);
        }
        else if (words.Count >= 2 && IsHistory(words[^1]))
        {
            page = 1;
            words.RemoveAt(words.Count - 1);
        }
        var found = await history.ForAsync(string.Join(' ', words), context.Person, ct);
        if (!found.IsOk)
        {
            context.ReplyProblem(found.Problem!);
            return;
        }
        var timeline = found.Value!;
        var directory = await PeopleDirectory.LoadAsync(people, time.GetUtcNow(), ct);
        if (page is { } p)
        {
            var shown = DealHistoryView.Page(timeline, p, directory, organisation.Calendar, context.Lang);
            context.Reply(shown.Text, DealHistoryCallback.Buttons(timeline.Deal, shown, context.Lang));
            return;
        }
        var deal = timeline.Deal;
        var client = await desk.ClientAsync(deal.ClientId, ct);
        var lines = await documents.ForDealAsync(deal.Id, ct);
        var card = DealCard.Render(deal, client, directory.Name(deal.ManagerId), lines, context.Lang) + "\n\n"
            + DealHistoryView.CardTail(timeline.Events, directory, organisation.Calendar, context.Lang);
        context.Reply(card, timeline.Events.Count > DealHistoryView.CardLatest ? DealHistoryCallback.AllButton(deal, timeline.Events.Count, context.Lang) : null);
    }

    private static bool IsHistory(string word) => word.ToLowerInvariant() is "history" or "история" or "log";
}

/// <summary>
/// "dh:{dealId}:{page}": the deal's whole history, the first press answering with page 1 as a new message, the
/// arrows moving through the pages in place. The presser's right to see the deal is checked again on every press.
/// </summary>
public sealed class DealHistoryCallback(DealHistory history, IPeopleStore people, Organisation organisation, TimeProvider time) : ICallbackHandler
{
    public const string Prefix = "dh";
    private const string Open = "open";

    string ICallbackHandler.Prefix => Prefix;

    public static IEnumerable<IEnumerable<InlineButton>> AllButton(Deal deal, int count, Core.Localization.Lang lang) =>
        [[new InlineButton(DealHistoryView.AllButton.In(lang, count), $"{Prefix}:{deal.Id}:{Open}")]];

    public static IEnumerable<IEnumerable<InlineButton>>? Buttons(Deal deal, DealHistoryPage page, Core.Localization.Lang lang)
    {
        var row = new List<InlineButton>();
        if (page.Page > 1) row.Add(new InlineButton(DealHistoryView.Back.In(lang), $"{Prefix}:{deal.Id}:{page.Page - 1}"));
        if (page.Page < page.Pages) row.Add(new InlineButton(DealHistoryView.Next.In(lang), $"{Prefix}:{deal.Id}:{page.Page + 1}"));
        return row.Count == 0 ? null : [row];
    }

    public async Task HandleAsync(UpdateContext context, string[] data, CancellationToken ct)
    {
        if (data is not [_, var idText, var pageText] || !long.TryParse(idText, out var dealId)
            || (pageText != Open && !int.TryParse(pageText, out _)))
        {
            await context.AnswerCallbackAsync(RoutingTexts.StaleButton.In(context.Lang), alert: true, ct: ct);
            return;
        }
        var found = await history.ForAsync(dealId, context.Person, ct);
        if (!found.IsOk)
        {
            await context.AnswerCallbackAsync(found.Problem!.Code == DealProblems.NotFound
                ? RoutingTexts.StaleButton.In(context.Lang)
                : ProblemTexts.Render(found.Problem, context.Lang), alert: true, ct: ct);
            return;
        }
        await context.AnswerCallbackAsync(ct: ct);
        var timeline = found.Value!;
        var directory = await PeopleDirectory.LoadAsync(people, time.GetUtcNow(), ct);
        var page = DealHistoryView.Page(timeline, pageText == Open ? 1 : int.Parse(pageText, System.Globalization.CultureInfo.InvariantCulture),
            directory, organisation.Calendar, context.Lang);
        var buttons = Buttons(timeline.Deal, page, context.Lang);
        if (pageText != Open && context.Update.CallbackQuery?.Message is { } message)
            context.Out.Edit(context.ChatId, message.Id, page.Text, buttons);
        else
            context.Reply(page.Text, buttons);
    }
}

public sealed class DealFlow(DealDialog dialog) : IConversationFlow
{
    public string Flow => DealDialog.Flow;

    public Task HandleAsync(UpdateContext context, Conversation conversation, CancellationToken ct) => dialog.AnswerAsync(context, conversation, ct);
}

public sealed class DealDialogCallback(DealDialog dialog) : ICallbackHandler
{
    public string Prefix => DealDialog.Prefix;

    public Task HandleAsync(UpdateContext context, string[] data, CancellationToken ct) => dialog.PressAsync(context, data, ct);
}

public static class DocumentsHandlers
{
    public static IServiceCollection AddDocumentsHandlers(this IServiceCollection services) => services
        .AddScoped<ClientDialog>()
        .AddScoped<ClientImport>()
        .AddScoped<DealDialog>()
        .AddScoped<ICommandHandler, ClientCommand>()
        .AddScoped<IConversationFlow, ClientFlow>()
        .AddScoped<IConversationFlow>(s => s.GetRequiredService<ClientImport>())
        .AddScoped<ICallbackHandler, ClientDialogCallback>()
        .AddScoped<ICallbackHandler, ClientCardCallback>()
        .AddScoped<ICommandHandler, DealCommand>()
        .AddScoped<IConversationFlow, DealFlow>()
        .AddScoped<ICallbackHandler, DealDialogCallback>()
        .AddScoped<ICallbackHandler, DealHistoryCallback>();
}
