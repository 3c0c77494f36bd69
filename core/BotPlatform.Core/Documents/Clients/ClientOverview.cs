using System.Text;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents.Deals;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Documents.Clients;

/// <summary>A client with its deals and documents, newest first: what the client's card shows under the requisites.</summary>
public sealed record ClientOverview(Client Client, IReadOnlyList<Deal> Deals, IReadOnlyList<Document> Documents);

public sealed class ClientOverviews(IDealStore deals, IDocumentStore documents)
{
    public async Task<ClientOverview> LoadAsync(Client client, CancellationToken ct) => new(
        client,
        (await deals.ByClientAsync(client.Id, ct)).OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).ToList(),
        (await documents.ByClientAsync(client.Id, ct)).OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).ToList());
}

/// <summary>
/// The client's card: requisites, then each deal (number, date, total, the state of its documents) and each
/// document with its status. The longest lists are cut to the newest, saying how many more there are.
/// </summary>
public static class ClientOverviewCard
{
    public const int MaxDeals = 10;
    public const int MaxDocuments = 15;

    public static readonly Text DealsTitle = new("Сделки ({0}):", "Deals ({0}):");
    public static readonly Text NoDeals = new("Сделок пока нет.", "No deals yet.");
    public static readonly Text DocumentsTitle = new("Документы ({0}):", "Documents ({0}):");
    public static readonly Text NoDocuments = new("Документов пока нет.", "No documents yet.");
    public static readonly Text DealLine = new("{0} от {1:dd.MM.yyyy} · {2} · {3}", "{0} of {1:dd.MM.yyyy} · {2} · {3}");
    public static readonly Text DealWithoutDocuments = new("документы не сформированы", "no documents yet");
    public static readonly Text DocumentLine = new("{0} {1} — {2}", "{0} {1} — {2}");
    public static readonly Text More = new("… и ещё {0}", "… and {0} more");

    public static string Render(ClientOverview overview, Lang lang)
    {
        var text = new StringBuilder(ClientCard.Render(overview.Client, lang));
        text.Append("\n\n");
        if (overview.Deals.Count == 0) text.Append(NoDeals.In(lang));
        else
        {
            text.Append(DealsTitle.In(lang, overview.Deals.Count));
            foreach (var deal in overview.Deals.Take(MaxDeals))
            {
                var total = new Money(DealTotals.Of(deal).Total, deal.Currency).Format(lang);
                text.Append("\n• ").Append(DealLine.In(lang, deal.Number, deal.CreatedAt, total, DocumentsState(overview.Documents, deal.Id, lang)));
            }
            if (overview.Deals.Count > MaxDeals) text.Append('\n').Append(More.In(lang, overview.Deals.Count - MaxDeals));
        }
        text.Append("\n\n");
        if (overview.Documents.Count == 0) text.Append(NoDocuments.In(lang));
        else
        {
            text.Append(DocumentsTitle.In(lang, overview.Documents.Count));
            foreach (var document in overview.Documents.Take(MaxDocuments))
                text.Append("\n• ").Append(DocumentLine.In(lang, document.Title, document.Number, DocumentTexts.StatusName(document.Status).In(lang)));
            if (overview.Documents.Count > MaxDocuments) text.Append('\n').Append(More.In(lang, overview.Documents.Count - MaxDocuments));
        }
        return text.ToString();
    }

    public static readonly Text DealDocuments = new("документы: {0}", "documents: {0}");

    /// <summary>"документы: черновик — 1, согласован — 2": how many of the deal's documents stand in each status.</summary>
    private static string DocumentsState(IReadOnlyList<Document> documents, long dealId, Lang lang)
    {
        var ofDeal = documents.Where(d => d.DealId == dealId).ToList();
        if (ofDeal.Count == 0) return DealWithoutDocuments.In(lang);
        return DealDocuments.In(lang, string.Join(", ", ofDeal.GroupBy(d => d.Status).OrderBy(g => g.Key)
            .Select(g => $"{DocumentTexts.StatusName(g.Key).In(lang)} — {g.Count()}")));
    }
}
