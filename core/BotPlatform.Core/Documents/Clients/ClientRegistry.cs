using BotPlatform.Core.Common;
using BotPlatform.Core.People;

namespace BotPlatform.Core.Documents.Clients;

/// <summary>One row of an import file: its line in the file and its values keyed as in <see cref="ClientFields"/>.</summary>
public sealed record ClientRecord(int Line, IReadOnlyDictionary<string, string> Values);

/// <summary>What was wrong with one row of an import file.</summary>
public sealed record RowProblems(int Line, IReadOnlyList<Problem> Problems);

/// <summary>An import's outcome: the clients stored, or (and then nothing is stored) every bad row.</summary>
public sealed record ClientImportResult(IReadOnlyList<Client> Created, IReadOnlyList<RowProblems> BadRows)
{
    public bool IsOk => BadRows.Count == 0;
}

/// <summary>
/// Creating clients, one in the dialog or many from a file. Any active person may create a client (a
/// manager is whoever sells); importing a list is for <see cref="ImportRoles"/>. A client is unique by
/// its tax id (ИНН or УНП). An import is all or nothing: one bad row stores none, so a corrected file can
/// simply be sent again.
/// </summary>
public sealed class ClientRegistry(IClientStore clients, IUnitOfWork unitOfWork, TimeProvider time)
{
    public static IReadOnlyList<Role> ImportRoles { get; } = [Role.Admin, Role.Director, Role.OpsManager, Role.ProjectManager];

    public static bool MayImport(Person person) => person.IsActive && ImportRoles.Any(person.Has);

    /// <summary>The requisites' problems, in the order a person should fix them; empty when the client can be stored.</summary>
    public static IReadOnlyList<Problem> Check(Client draft) => ClientRequisites.Check(draft);

    public async Task<Result<Client>> CreateAsync(Client draft, Person creator, CancellationToken ct)
    {
        if (ClientRequisites.Check(draft) is [var first, ..]) return first;
        return await unitOfWork.RunAsync(async () =>
        {
            if (await clients.FindByTaxIdAsync(draft.TaxId, ct) is { } existing)
                return Result<Client>.Fail(ClientProblems.Duplicate, draft.TaxId, existing.LegalName);
            Stamp(draft, creator);
            await clients.InsertAsync(draft, ct);
            return Result<Client>.Ok(draft);
        }, ct);
    }

    public async Task<Result<ClientImportResult>> ImportAsync(IReadOnlyList<ClientRecord> records, Person importer, CancellationToken ct)
    {
        if (!MayImport(importer)) return Result<ClientImportResult>.Fail(ClientProblems.ImportNotAllowed);
        if (records.Count == 0) return Result<ClientImportResult>.Fail(ClientProblems.ImportEmpty);
        var drafts = records.Select(r => (r.Line, Client: ClientFields.ToClient(r.Values))).ToList();
        var problems = drafts.ToDictionary(d => d.Line, d => ClientRequisites.Check(d.Client).ToList());
        var result = await unitOfWork.RunAsync(async () =>
        {
            var lineByTaxId = new Dictionary<string, int>();
            foreach (var (line, client) in drafts.Where(d => problems[d.Line].Count == 0))
            {
                if (!lineByTaxId.TryAdd(client.TaxId, line))
                    problems[line].Add(new Problem(ClientProblems.DuplicateInFile, client.TaxId, lineByTaxId[client.TaxId]));
                else if (await clients.FindByTaxIdAsync(client.TaxId, ct) is { } existing)
                    problems[line].Add(new Problem(ClientProblems.Duplicate, client.TaxId, existing.LegalName));
            }
            var bad = problems.Where(p => p.Value.Count > 0).OrderBy(p => p.Key).Select(p => new RowProblems(p.Key, p.Value)).ToList();
            if (bad.Count > 0) return new ClientImportResult([], bad);
            foreach (var (_, client) in drafts)
            {
                Stamp(client, importer);
                await clients.InsertAsync(client, ct);
            }
            return new ClientImportResult([.. drafts.Select(d => d.Client)], []);
        }, ct);
        return Result<ClientImportResult>.Ok(result);
    }

    public Task<Client?> FindByTaxIdAsync(string taxId, CancellationToken ct) => clients.FindByTaxIdAsync(taxId, ct);

    public Task<Client?> GetAsync(long id, CancellationToken ct) => clients.GetAsync(id, ct);

    /// <summary>By exact tax id first, else the clients whose name or tax id contains the text.</summary>
    public async Task<IReadOnlyList<Client>> FindAsync(string text, int limit, CancellationToken ct)
    {
        var needle = text.Trim();
        if (needle.Length == 0) return [];
        if (await clients.FindByTaxIdAsync(needle, ct) is { } exact) return [exact];
        return await clients.SearchAsync(needle, limit, ct);
    }

    private void Stamp(Client client, Person creator)
    {
        client.CreatedBy = creator.Id;
        client.CreatedAt = time.GetUtcNow();
    }
}
