using BotPlatform.Bot.Approvals;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Generation;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.Documents;

/// <summary>The /docs list.</summary>
public sealed class DocsCommand(IDocumentStore documents, IClientStore clients, DocumentCards cards, Organisation organisation, TimeProvider time,
    RecentDocuments recent) : ICommandHandler
{
    public const int MaxLines = 30;

    public string Command => "docs";

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (!context.InPrivateChat() || context.Person is null) return;
        var (_, args) = UpdateRouter.ParseCommand(context.Text);
        var lang = context.Lang;
        if (args.Length == 0)
        {
            context.Reply(DocumentPicks.Filters.In(lang), DocumentPicks.FilterButtons(organisation, await recent.RecentClientsAsync(DocumentPicks.MaxClients, ct), lang));
            return;
        }
        if (args is "help" or "?" or "помощь")
        {
            context.Reply(DocumentTexts.DocsUsage);
            return;
        }
        var today = organisation.Calendar.LocalDate(time.GetUtcNow());
        if (!DocumentFilterInput.TryParse(args, today, out var parsed, out var bad))
        {
            context.Reply(DocumentTexts.DocsBadFilter.In(lang, bad) + "\n\n" + DocumentTexts.DocsUsage.In(lang));
            return;
        }
        IReadOnlyList<long>? clientIds = null;
        if (parsed.Client is { } clientText) clientIds = (await clients.SearchAsync(clientText, 50, ct)).Select(c => c.Id).ToList();
        if (clientIds is { Count: 0 })
        {
            context.Reply(DocumentTexts.DocsNothing);
            return;
        }
        await ListAsync(context, new DocumentFilter(parsed.Status, clientIds, parsed.Kind, parsed.From, parsed.To), documents, cards, ct);
    }

    internal static async Task ListAsync(UpdateContext context, DocumentFilter filter, IDocumentStore documents, DocumentCards cards, CancellationToken ct)
    {
        var lang = context.Lang;
        var found = await documents.SearchAsync(filter, MaxLines, ct);
        if (found.Count == 0)
        {
            context.Reply(DocumentTexts.DocsNothing);
            return;
        }
        var text = DocumentTexts.DocsHeader.In(lang, found.Count) + "\n" + string.Join("\n", found.Select(d => cards.Line(d, lang)));
        if (found.Count >= MaxLines) text += "\n\n" + DocumentTexts.DocsMore.In(lang, MaxLines);
        context.Reply(text);
    }
}
