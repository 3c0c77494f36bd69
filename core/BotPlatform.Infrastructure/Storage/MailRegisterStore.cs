using BotPlatform.Core.Mail;
using LiteDB;

namespace BotPlatform.Infrastructure.Storage;

internal sealed class MailRegisterStore : IMailRegisterStore
{
    private readonly ILiteCollection<MailEntry> _entries;

    public MailRegisterStore(LiteDbContext db)
    {
        _entries = db.Collection<MailEntry>(LiteDbCollections.MailRegister);
        _entries.EnsureIndex(e => e.Date);
        _entries.EnsureIndex(e => e.ScanId);
        _entries.EnsureIndex(e => e.DocumentId);
    }

    public Task InsertAsync(MailEntry entry, CancellationToken ct)
    {
        entry.Version = 0;
        _entries.Insert(entry);
        return Task.CompletedTask;
    }

    public Task<MailEntry?> FindByScanIdAsync(string scanId, CancellationToken ct) =>
        Task.FromResult<MailEntry?>(_entries.FindOne(Query.EQ("ScanId", scanId)));

    public Task<IReadOnlyList<MailEntry>> ListAsync(DateOnly from, DateOnly to, MailDirection? direction, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<MailEntry>>(_entries
            .Find(Query.And(Query.GTE("Date", from.ToString("yyyy-MM-dd")), Query.LTE("Date", to.ToString("yyyy-MM-dd"))))
            .Where(e => direction is null || e.Direction == direction)
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .ToList());

    public Task<IReadOnlyList<MailEntry>> ByDocumentsAsync(IReadOnlyCollection<long> documentIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<MailEntry>>(documentIds.Count == 0
            ? []
            : _entries.Find(Query.In("DocumentId", documentIds.Distinct().Select(id => new BsonValue(id)))).OrderBy(e => e.At).ThenBy(e => e.Id).ToList());
}
