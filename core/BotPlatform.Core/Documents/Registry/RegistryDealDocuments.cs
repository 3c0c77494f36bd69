using BotPlatform.Core.Documents.Deals;

namespace BotPlatform.Core.Documents.Registry;

/// <summary>A deal's documents from the registry, for the deal's card (annulled ones included: the card shows what happened).</summary>
public sealed class RegistryDealDocuments(IDocumentStore documents) : IDealDocuments
{
    public async Task<IReadOnlyList<DealDocumentLine>> ForDealAsync(long dealId, CancellationToken ct) =>
        (await documents.ByDealAsync(dealId, ct)).Select(d => new DealDocumentLine(d.Title, d.Number, DocumentTexts.StatusName(d.Status))).ToList();
}
