using BotPlatform.Core.Documents.Clients;

namespace BotPlatform.Core.Documents.Registry;

/// <summary>
/// What /doc and /docs offer as buttons when they are sent without arguments: the documents a person
/// touched lately (made, manages, or acted on), and the clients of the latest documents.
/// </summary>
public sealed class RecentDocuments(IDocumentStore documents, IClientStore clients)
{
    /// <summary>How far back among the newest documents the lists look.</summary>
    public const int Window = 300;

    public async Task<IReadOnlyList<Document>> TouchedByAsync(long personId, int limit, CancellationToken ct) =>
        (await documents.SearchAsync(new DocumentFilter(), Window, ct))
            .Where(d => d.CreatedBy == personId || d.ManagerId == personId || d.History.Any(h => h.ActorId == personId))
            .OrderByDescending(d => d.History.Where(h => h.ActorId == personId).Select(h => h.At).DefaultIfEmpty(d.CreatedAt).Max())
            .ThenByDescending(d => d.Id)
            .Take(limit)
            .ToList();

    public async Task<IReadOnlyList<Client>> RecentClientsAsync(int limit, CancellationToken ct)
    {
        var ids = (await documents.SearchAsync(new DocumentFilter(), Window, ct))
            .Where(d => d.ClientId is not null).Select(d => d.ClientId!.Value).Distinct().Take(limit).ToList();
        var found = new List<Client>();
        foreach (var id in ids)
            if (await clients.GetAsync(id, ct) is { } client) found.Add(client);
        return found;
    }
}
