namespace BotPlatform.Core.Documents.Registry;

/// <summary>What /docs can ask for; every part is optional.</summary>
public sealed record DocumentFilter(
    DocumentStatus? Status = null,
    IReadOnlyList<long>? ClientIds = null,
    string? Kind = null,
    DateOnly? From = null,
    DateOnly? To = null);

public interface IDocumentStore
{
    Task<Document?> GetAsync(long id, CancellationToken ct);
    /// <summary>Case-insensitive.</summary>
    Task<Document?> FindByNumberAsync(string number, CancellationToken ct);
    Task<Document?> FindByCodeAsync(string code, CancellationToken ct);
    Task<Document?> FindByApprovalRequestAsync(long requestId, CancellationToken ct);
    Task<IReadOnlyList<Document>> ByDealAsync(long dealId, CancellationToken ct);
    Task<IReadOnlyList<Document>> ByClientAsync(long clientId, CancellationToken ct);
    /// <summary>A contract's appendices in appendix order.</summary>
    Task<IReadOnlyList<Document>> AppendicesAsync(long parentId, CancellationToken ct);
    /// <summary>Newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Document>> SearchAsync(DocumentFilter filter, int limit, CancellationToken ct);
    /// <summary>Sent documents whose unreturned-original reminder is due at or before <paramref name="instant"/>.</summary>
    Task<IReadOnlyList<Document>> PaperDueAsync(DateTimeOffset instant, int limit, CancellationToken ct);
    /// <summary>Assigns the id.</summary>
    Task InsertAsync(Document document, CancellationToken ct);
    /// <summary>Saves when the stored version equals document.Version, then increments it; false on a conflict.</summary>
    Task<bool> TryUpdateAsync(Document document, CancellationToken ct);
}
