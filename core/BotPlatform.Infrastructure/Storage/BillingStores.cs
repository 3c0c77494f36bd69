using BotPlatform.Core.Billing;
using LiteDB;

namespace BotPlatform.Infrastructure.Storage;

/// <summary>Hourly reports, unique by number, indexed by client.</summary>
internal sealed class BillingReportStore : IBillingReportStore
{
    private const string Name = LiteDbCollections.BillingReports;
    private readonly LiteDbContext _db;
    private readonly ILiteCollection<BillingReport> _reports;

    public BillingReportStore(LiteDbContext db)
    {
        _db = db;
        _reports = db.Collection<BillingReport>(Name);
        _reports.EnsureIndex(r => r.Number, unique: true);
        _reports.EnsureIndex(r => r.ClientId);
        _reports.EnsureIndex(r => r.PageToken);
        _reports.EnsureIndex(r => r.Status);
    }

    public Task<(IReadOnlyList<BillingReport> Reports, int Total)> QueryAsync(ReportsQuery query, int skip, int take, CancellationToken ct)
    {
        var conditions = new List<string>();
        var args = new BsonDocument();
        if (query.ClientId is { } client)
        {
            conditions.Add("$.ClientId = @client");
            args["client"] = client;
        }
        if (query.Status is { } status)
        {
            conditions.Add("$.Status = @status");
            args["status"] = status.ToString();
        }
        // DateOnly is kept as "yyyy-MM-dd": compared as text, it orders as the dates do.
        if (query.From is { } from)
        {
            conditions.Add("$.To >= @from");
            args["from"] = from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }
        if (query.To is { } to)
        {
            conditions.Add("$.From <= @to");
            args["to"] = to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }
        ILiteQueryable<BillingReport> Filtered() =>
            conditions.Count == 0 ? _reports.Query() : _reports.Query().Where(BsonExpression.Create(string.Join(" AND ", conditions), args));
        var total = Filtered().Count();
        var page = Filtered().OrderByDescending("_id").Skip(skip).Limit(take).ToList();
        return Task.FromResult<(IReadOnlyList<BillingReport>, int)>((page, total));
    }

    public Task<IReadOnlyList<BillingReport>> InvoiceDueAsync(DateTimeOffset now, int limit, CancellationToken ct)
    {
        var due = BsonExpression.Create("$.Status = @status AND ($.InvoiceDueAt = null OR $.InvoiceDueAt <= @now)",
            new BsonDocument { ["status"] = nameof(ReportStatus.Approved), ["now"] = now.UtcDateTime });
        return Task.FromResult<IReadOnlyList<BillingReport>>(_reports.Query().Where(due).OrderBy("_id").Limit(limit).ToList());
    }

    public Task<BillingReport?> FindByTokenAsync(string token, CancellationToken ct) =>
        Task.FromResult<BillingReport?>(_reports.FindOne(Query.EQ(nameof(BillingReport.PageToken), token)));

    public Task<BillingReport?> GetAsync(long id, CancellationToken ct) => Task.FromResult<BillingReport?>(_reports.FindById(id));

    public Task<BillingReport?> FindByNumberAsync(string number, CancellationToken ct) =>
        Task.FromResult<BillingReport?>(_reports.FindOne(Query.EQ(nameof(BillingReport.Number), number.Trim().ToUpperInvariant())));

    public Task<IReadOnlyList<BillingReport>> ByClientAsync(long clientId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<BillingReport>>(_reports.Find(Query.EQ(nameof(BillingReport.ClientId), clientId)).OrderByDescending(r => r.Id).ToList());

    public Task<IReadOnlyList<BillingReport>> AllAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<BillingReport>>(_reports.Find(Query.All(Query.Descending)).ToList());

    public Task InsertAsync(BillingReport report, CancellationToken ct)
    {
        report.Version = 0;
        report.Number = report.Number.ToUpperInvariant();
        _reports.Insert(report);
        return Task.CompletedTask;
    }

    public Task<bool> TryUpdateAsync(BillingReport report, CancellationToken ct) => Task.FromResult(_db.TryUpdateVersioned(Name, report.Id, report));
}

/// <summary>One document per claimed task, its _id the task's id: LiteDB's primary key makes a second claim of a task impossible.</summary>
internal sealed class ReportClaimStore(LiteDbContext db) : IReportClaimStore
{
    private readonly ILiteCollection<BsonDocument> _claims = db.Collection(LiteDbCollections.ReportClaims);

    public Task<IReadOnlyList<long>> ClaimAsync(long reportId, IReadOnlyCollection<long> taskIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<long>>(db.Exclusive(() =>
        {
            var claimed = new List<long>();
            foreach (var taskId in taskIds.Distinct())
            {
                try
                {
                    _claims.Insert(new BsonDocument { ["_id"] = taskId, ["ReportId"] = reportId });
                    claimed.Add(taskId);
                }
                catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
                {
                    // Held by another report: left out of this one.
                }
            }
            return claimed;
        }));

    public Task<IReadOnlySet<long>> ClaimedAsync(IReadOnlyCollection<long> taskIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlySet<long>>(taskIds.Where(id => _claims.FindById(id) is not null).ToHashSet());

    public Task ReleaseAsync(long reportId, IReadOnlyCollection<long> taskIds, CancellationToken ct)
    {
        db.Exclusive(() =>
        {
            foreach (var taskId in taskIds)
                if (_claims.FindById(taskId) is { } claim && claim["ReportId"].AsInt64 == reportId) _claims.Delete(taskId);
            return true;
        });
        return Task.CompletedTask;
    }

    public Task<long?> HolderAsync(long taskId, CancellationToken ct) =>
        Task.FromResult(_claims.FindById(taskId) is { } claim ? claim["ReportId"].AsInt64 : (long?)null);
}

/// <summary>The report cards later edits change (the PM's card, the client's group message) while the report can still move.</summary>
internal sealed class ReportOutboxReferences(LiteDbContext db) : BotPlatform.Core.Messaging.IOutboxReferences
{
    public Task<IReadOnlyCollection<string>> OutboxIdsInUseAsync(CancellationToken ct) =>
        Task.FromResult(CardOutboxIds(db.Collection<BillingReport>(LiteDbCollections.BillingReports).FindAll()));

    public static IReadOnlyCollection<string> CardOutboxIds(IEnumerable<BillingReport> reports) => reports
        .Where(r => r.Status is not (ReportStatus.Paid or ReportStatus.Cancelled))
        .SelectMany(r => new[] { r.Card, r.GroupCard })
        .OfType<string>()
        .ToHashSet(StringComparer.Ordinal);
}
