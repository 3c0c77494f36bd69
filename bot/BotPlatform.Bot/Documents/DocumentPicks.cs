using BotPlatform.Bot.Routing;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Generation;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.Documents;

/// <summary>
/// /docs and /doc without arguments ask with buttons instead of syntax: "dpk:s:{status}", "dpk:k:{kind}",
/// "dpk:c:{client id}" list the registry by one filter; "dpk:d:{document id}" opens a document's card.
/// </summary>
public static class DocumentPicks
{
    public const string Prefix = "dpk";
    public const int MaxClients = 6;
    public const int MaxDocuments = 8;

    public static readonly Text Filters = new("📚 Реестр документов: выберите статус, вид или клиента (или напишите фильтр: /docs help).",
        "📚 Document registry: pick a status, a kind or a client (or type a filter: /docs help).");
    public static readonly Text Latest = new("Ваши последние документы:", "Your latest documents:");

    public static IEnumerable<IEnumerable<InlineButton>> FilterButtons(Organisation organisation, IReadOnlyList<Client> clients, Lang lang) =>
        Enum.GetValues<DocumentStatus>()
            .Select(s => new InlineButton(DocumentTexts.StatusName(s).In(lang), $"{Prefix}:s:{(int)s}")).Chunk(3)
            .Concat(organisation.Documents.Kinds.Select(k => new InlineButton("📄 " + k.Title, $"{Prefix}:k:{k.Kind}")).Chunk(2))
            .Concat(clients.Select(c => new InlineButton("🏢 " + c.LegalName, $"{Prefix}:c:{c.Id}")).Chunk(2))
            .Select(row => (IEnumerable<InlineButton>)row);

    public static IEnumerable<IEnumerable<InlineButton>> DocumentButtons(IReadOnlyList<Document> documents) =>
        documents.Select(d => new[] { new InlineButton($"{d.Title} {d.Number}", $"{Prefix}:d:{d.Id}") });
}

public sealed class DocumentPickCallback(
    IDocumentStore documents,
    DocumentWorkflow workflow,
    DocumentCards cards,
    IPeopleStore people,
    Organisation organisation,
    TimeProvider time,
    Review.ReviewHistory reviewHistory) : ICallbackHandler
{
    public string Prefix => DocumentPicks.Prefix;

    public async Task HandleAsync(UpdateContext context, string[] data, CancellationToken ct)
    {
        if (context.Person is not { IsActive: true } || data.Length != 3)
        {
            await context.AnswerCallbackAsync(RoutingTexts.StaleButton.In(context.Lang), ct: ct);
            return;
        }
        DocumentFilter? filter = data[1] switch
        {
            "s" when int.TryParse(data[2], out var s) && Enum.IsDefined((DocumentStatus)s) => new DocumentFilter(Status: (DocumentStatus)s),
            "k" when organisation.Documents.Kinds.Any(k => k.Kind == data[2]) => new DocumentFilter(Kind: data[2]),
            "c" when long.TryParse(data[2], out var client) => new DocumentFilter(ClientIds: [client]),
            _ => null,
        };
        if (filter is not null)
        {
            await context.AnswerCallbackAsync(ct: ct);
            await DocsCommand.ListAsync(context, filter, documents, cards, ct);
            return;
        }
        if (data[1] == "d" && long.TryParse(data[2], out var id) && await documents.GetAsync(id, ct) is { } doc)
        {
            await context.AnswerCallbackAsync(ct: ct);
            await DocCommand.ShowAsync(context, doc.Number, workflow, cards, people, time, ct, reviewHistory);
            return;
        }
        await context.AnswerCallbackAsync(RoutingTexts.StaleButton.In(context.Lang), ct: ct);
    }
}
