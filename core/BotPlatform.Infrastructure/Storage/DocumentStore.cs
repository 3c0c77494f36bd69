using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Printing;
using LiteDB;

namespace BotPlatform.Infrastructure.Storage;

internal sealed class DocumentStore : IDocumentStore
{
    private const string Name = LiteDbCollections.Documents;
    private readonly LiteDbContext _db;
    private readonly ILiteCollection<Document> _documents;

    public DocumentStore(LiteDbContext db)
    {
        _db = db;
        _documents = db.Collection<Document>(Name);
        _documents.EnsureIndex(d => d.Number, unique: true);
        _documents.EnsureIndex(d => d.Code, unique: true);
        _documents.EnsureIndex(d => d.DealId);
        _documents.EnsureIndex(d => d.ClientId);
        _documents.EnsureIndex(d => d.Status);
        _documents.EnsureIndex(d => d.ParentId);
        _documents.EnsureIndex(d => d.ApprovalRequestId);
        _documents.EnsureIndex(d => d.PaperDueAt);
    }

    // Between, not LTE: documents without a timer have a null PaperDueAt, which sorts below every date.
    public Task<IReadOnlyList<Document>> PaperDueAsync(DateTimeOffset instant, int limit, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Document>>(_documents
            .Find(Query.Between("PaperDueAt", new BsonValue(DateTime.MinValue), new BsonValue(instant.UtcDateTime)), limit: limit)
            .ToList());

    public Task<Document?> GetAsync(long id, CancellationToken ct) => Task.FromResult<Document?>(_documents.FindById(id));

    // Numbers are stored as generated (upper case, Cyrillic prefixes); LiteDB compares strings ordinally.
    public Task<Document?> FindByNumberAsync(string number, CancellationToken ct) =>
        Task.FromResult<Document?>(_documents.FindOne(Query.EQ("Number", number.Trim().ToUpperInvariant())));

    public Task<Document?> FindByCodeAsync(string code, CancellationToken ct) =>
        Task.FromResult<Document?>(_documents.FindOne(Query.EQ("Code", code.Trim().ToUpperInvariant())));

    public Task<Document?> FindByApprovalRequestAsync(long requestId, CancellationToken ct) =>
        Task.FromResult<Document?>(_documents.FindOne(Query.EQ("ApprovalRequestId", requestId)));

    public Task<IReadOnlyList<Document>> ByDealAsync(long dealId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Document>>(_documents.Find(Query.EQ("DealId", dealId)).OrderBy(d => d.Id).ToList());

    public Task<IReadOnlyList<Document>> ByClientAsync(long clientId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Document>>(_documents.Find(Query.EQ("ClientId", clientId)).OrderBy(d => d.Id).ToList());

    public Task<IReadOnlyList<Document>> AppendicesAsync(long parentId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Document>>(_documents.Find(Query.EQ("ParentId", parentId)).OrderBy(d => d.AppendixNo).ThenBy(d => d.Id).ToList());

    public Task<IReadOnlyList<Document>> SearchAsync(DocumentFilter filter, int limit, CancellationToken ct)
    {
        // The most selective indexed part narrows the scan; the rest is checked in memory.
        IEnumerable<Document> found = filter.Status is { } status
            ? _documents.Find(Query.EQ("Status", status.ToString()))
            : _documents.FindAll();
        if (filter.ClientIds is { } ids) found = found.Where(d => d.ClientId is { } c && ids.Contains(c));
        if (filter.Kind is { } kind) found = found.Where(d => d.Kind == kind);
        if (filter.From is { } from) found = found.Where(d => d.Date >= from);
        if (filter.To is { } to) found = found.Where(d => d.Date <= to);
        return Task.FromResult<IReadOnlyList<Document>>(found.OrderByDescending(d => d.Id).Take(limit).ToList());
    }

    public Task InsertAsync(Document document, CancellationToken ct)
    {
        document.Version = 0;
        document.Number = document.Number.ToUpperInvariant();
        _documents.Insert(document);
        return Task.CompletedTask;
    }

    public Task<bool> TryUpdateAsync(Document document, CancellationToken ct) =>
        Task.FromResult(_db.TryUpdateVersioned(Name, document.Id, document));
}

internal sealed class PrintJobStore : IPrintJobStore
{
    private const string Name = LiteDbCollections.PrintJobs;
    private readonly LiteDbContext _db;
    private readonly ILiteCollection<PrintJob> _jobs;

    public PrintJobStore(LiteDbContext db)
    {
        _db = db;
        _jobs = db.Collection<PrintJob>(Name);
        _jobs.EnsureIndex(j => j.DocumentId);
        _jobs.EnsureIndex(j => j.State);
    }

    public Task<PrintJob?> GetAsync(long id, CancellationToken ct) => Task.FromResult<PrintJob?>(_jobs.FindById(id));

    public Task<IReadOnlyList<PrintJob>> ByDocumentAsync(long documentId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<PrintJob>>(_jobs.Find(Query.EQ("DocumentId", documentId)).OrderBy(j => j.Id).ToList());

    public Task<IReadOnlyList<PrintJob>> ClaimableAsync(string printer, DateTimeOffset now, int limit, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<PrintJob>>(_jobs
            .Find(Query.Or(Query.EQ("State", nameof(PrintJobState.Queued)), Query.EQ("State", nameof(PrintJobState.Claimed))))
            .Where(j => j.Printer == printer && j.IsClaimable(now))
            .OrderBy(j => j.Id)
            .Take(limit)
            .ToList());

    public Task<IReadOnlyList<PrintJob>> ByStateAsync(PrintJobState state, int limit, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<PrintJob>>(_jobs.Find(Query.EQ("State", state.ToString())).OrderBy(j => j.Id).Take(limit).ToList());

    public Task InsertAsync(PrintJob job, CancellationToken ct)
    {
        job.Version = 0;
        _jobs.Insert(job);
        return Task.CompletedTask;
    }

    public Task<bool> TryUpdateAsync(PrintJob job, CancellationToken ct) => Task.FromResult(_db.TryUpdateVersioned(Name, job.Id, job));
}
