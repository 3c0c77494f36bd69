using BotPlatform.Core.Approvals;
using BotPlatform.Core.Messaging;
using LiteDB;

namespace BotPlatform.Infrastructure.Storage;

internal sealed class ApprovalStore : IApprovalStore
{
    private const string Name = LiteDbCollections.Approvals;
    private readonly LiteDbContext _db;
    private readonly ILiteCollection<ApprovalRequest> _requests;

    public ApprovalStore(LiteDbContext db)
    {
        _db = db;
        _requests = db.Collection<ApprovalRequest>(Name);
        _requests.EnsureIndex(r => r.Number, unique: true);
        _requests.EnsureIndex(r => r.NextTimerAt);
        _requests.EnsureIndex(r => r.InitiatorId);
        _requests.EnsureIndex("Waiting", "$.Waiting[*]");
        _requests.EnsureIndex(r => r.PaymentDue);
    }

    public Task<ApprovalRequest?> GetAsync(long id, CancellationToken ct) => Task.FromResult<ApprovalRequest?>(_requests.FindById(id));

    public Task<ApprovalRequest?> FindByNumberAsync(string number, CancellationToken ct) =>
        Task.FromResult<ApprovalRequest?>(_requests.FindOne(Query.EQ("Number", number.Trim().ToUpperInvariant())));

    public Task InsertAsync(ApprovalRequest request, CancellationToken ct)
    {
        request.Version = 0;
        _requests.Insert(request);
        return Task.CompletedTask;
    }

    public Task<bool> TryUpdateAsync(ApprovalRequest request, CancellationToken ct) =>
        Task.FromResult(_db.TryUpdateVersioned(Name, request.Id, request));

    public Task<IReadOnlyList<ApprovalRequest>> DueAsync(DateTimeOffset instant, int limit, CancellationToken ct) =>
        // Between, not LTE: requests without a timer have a null NextTimerAt, which sorts below every date.
        Task.FromResult<IReadOnlyList<ApprovalRequest>>(_requests
            .Find(Query.Between("NextTimerAt", new BsonValue(DateTime.MinValue), new BsonValue(instant.UtcDateTime)), limit: limit)
            .ToList());

    public Task<IReadOnlyList<ApprovalRequest>> WaitingForAsync(long personId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ApprovalRequest>>(_requests
            .Find(Query.EQ("Waiting[*] ANY", personId))
            .OrderBy(r => r.Current?.StartedAt)
            .ToList());

    // Few requests are on hold at a time and a leaver is rare: a scan by status, not an index.
    public Task<IReadOnlyList<ApprovalRequest>> HeldAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ApprovalRequest>>(_requests
            .Find(Query.In("Status", nameof(RequestStatus.Frozen), nameof(RequestStatus.AwaitingDocuments)))
            .OrderBy(r => r.Id)
            .ToList());

    public Task<IReadOnlyList<ApprovalRequest>> AwaitingPaymentAsync(DateOnly through, CancellationToken ct) =>
        // Dates are stored as "yyyy-MM-dd" strings, so they sort as dates; a null PaymentDue sorts below every string.
        Task.FromResult<IReadOnlyList<ApprovalRequest>>(_requests
            .Find(Query.Between("PaymentDue", new BsonValue(""), new BsonValue(through.ToString("yyyy-MM-dd"))))
            .ToList());

    public Task<IReadOnlyList<ApprovalRequest>> ByInitiatorAsync(long personId, int limit, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ApprovalRequest>>(_requests
            .Find(Query.EQ("InitiatorId", personId))
            .OrderByDescending(r => r.Id)
            .Take(limit)
            .ToList());

    public Task<IReadOnlyList<ApprovalRequest>> SearchAsync(string text, int limit, CancellationToken ct)
    {
        var needle = text.Trim();
        return Task.FromResult<IReadOnlyList<ApprovalRequest>>(_requests.Query()
            .OrderByDescending(r => r.Id)
            .ToEnumerable()
            .Where(r => r.Number.Contains(needle, StringComparison.OrdinalIgnoreCase)
                || r.Counterparty.Contains(needle, StringComparison.OrdinalIgnoreCase))
            .Take(limit)
            .ToList());
    }
}

/// <summary>The approval cards (step cards, the initiator's card, hold notices) sent by the bot, which later edits show the outcome on.</summary>
internal sealed class ApprovalOutboxReferences(LiteDbContext db) : IOutboxReferences
{
    public Task<IReadOnlyCollection<string>> OutboxIdsInUseAsync(CancellationToken ct) =>
        Task.FromResult(CardOutboxIds(db.Collection<ApprovalRequest>(LiteDbCollections.Approvals).FindAll()));

    /// <summary>The outbox ids of the current step's cards, the initiator's card and the hold notices (cards known by a Telegram id need none).</summary>
    public static IReadOnlyCollection<string> CardOutboxIds(IEnumerable<ApprovalRequest> requests)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var request in requests)
        {
            var cards = (request.Current?.Cards ?? []).Concat(request.HoldCards);
            if (request.InitiatorCard is { } initiator) cards = cards.Append(initiator);
            foreach (var card in cards)
                if (card.MessageId is null && card.OutboxId is { } id) ids.Add(id);
        }
        return ids;
    }
}
