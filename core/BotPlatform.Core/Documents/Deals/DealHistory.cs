using BotPlatform.Core.Common;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Documents.Review;
using BotPlatform.Core.Mail;
using BotPlatform.Core.People;
using BotPlatform.Core.Printing;

namespace BotPlatform.Core.Documents.Deals;

public enum DealEventKind
{
    Created,
    Generated,
    Edited,
    Submitted,
    ApprovalSkipped,
    Approved,
    Rejected,
    Withdrawn,
    Printed,
    Sent,
    Returned,
    Archived,
    Annulled,
    Replaced,
    ReviewLink,
    ReviewRevoked,
    ReviewComment,
    Payment,
    PaperComplete,
}

/// <summary>The document an event is about, as the history names it.</summary>
public sealed record DealEventDocument(string Title, string Number);

/// <summary>A payment as the history tells it: this amount, and how much of the invoice is paid with it.</summary>
public sealed record DealEventPayment(decimal Amount, string Currency, DateOnly PaidOn, decimal PaidSoFar, decimal Total);

/// <summary>
/// One moment of a deal's life. Who: a person (<see cref="ActorId"/>), a printing agent or the client's reviewer
/// (<see cref="By"/>), or nobody (the bot). <see cref="Version"/> is the text's version for a generated or edited
/// document, <see cref="Mail"/> the register entry of a scan, <see cref="Count"/> the copies printed or documents back.
/// </summary>
public sealed record DealEvent(
    DateTimeOffset At,
    DealEventKind Kind,
    long? ActorId = null,
    string? By = null,
    DealEventDocument? Document = null,
    string? Reason = null,
    int? Version = null,
    MailEntry? Mail = null,
    DealEventPayment? Payment = null,
    int? Count = null);

/// <summary>A deal with its whole history, oldest first.</summary>
public sealed record DealTimeline(Deal Deal, IReadOnlyList<DealEvent> Events);

/// <summary>
/// A deal's history, composed when it is read from the records each step already keeps in its own unit of work:
/// the deal itself (made, by whom), every document's history (generated, edited with its text version, sent for
/// approval, approved, rejected with the reason, printed, sent, returned, annulled...), the mail register's entries
/// of the scans, the print jobs (which agent printed), the client's review comments and the invoices' payments.
/// The moment the paper is complete is worked out from the documents' histories: the return after which every live
/// document of the deal is back. Nothing is stored twice, so the history is the same on both engines, survives a
/// restart and covers deals made before it existed. Deal lines never change after creation (no use case edits them).
/// </summary>
public sealed class DealHistory(
    IDealStore deals,
    IDocumentStore documents,
    IMailRegisterStore register,
    IPrintJobStore printJobs,
    IDocumentReviewStore reviews)
{
    /// <summary>Who sees deals: the deal's manager or maker, management, accounting and the office manager (who handles its paper).</summary>
    public static readonly IReadOnlyList<Role> Viewers =
        [Role.Admin, Role.OpsManager, Role.Director, Role.FinanceManager, Role.ChiefAccountant, Role.Accountant, Role.OfficeManager];

    public static bool MayView(Deal deal, Person? person) =>
        person is { IsActive: true } p && (deal.ManagerId == p.Id || deal.CreatedBy == p.Id || Viewers.Any(p.Has));

    /// <summary>The deal by its number with its history, when the person may see it.</summary>
    public async Task<Result<DealTimeline>> ForAsync(string number, Person? viewer, CancellationToken ct)
    {
        var typed = number.Trim();
        if (await deals.FindByNumberAsync(typed, ct) is not { } deal) return Result<DealTimeline>.Fail(DealProblems.NotFound, typed);
        return await ForAsync(deal, viewer, ct);
    }

    public async Task<Result<DealTimeline>> ForAsync(long dealId, Person? viewer, CancellationToken ct)
    {
        if (await deals.GetAsync(dealId, ct) is not { } deal) return Result<DealTimeline>.Fail(DealProblems.NotFound, dealId);
        return await ForAsync(deal, viewer, ct);
    }

    private async Task<Result<DealTimeline>> ForAsync(Deal deal, Person? viewer, CancellationToken ct)
    {
        if (!MayView(deal, viewer)) return Result<DealTimeline>.Fail(DealProblems.NotAllowed, deal.Number);
        return Result<DealTimeline>.Ok(new DealTimeline(deal, await EventsAsync(deal, ct)));
    }

    public async Task<IReadOnlyList<DealEvent>> EventsAsync(Deal deal, CancellationToken ct)
    {
        var docs = (await documents.ByDealAsync(deal.Id, ct)).OrderBy(d => d.Id).ToList();
        var mail = (await register.ByDocumentsAsync(docs.Select(d => d.Id).ToList(), ct)).ToLookup(e => e.DocumentId);
        var events = new List<DealEvent>
        {
            new(deal.CreatedAt, DealEventKind.Created, deal.CreatedBy ?? (deal.Source is null ? deal.ManagerId : null), Reason: deal.Source),
        };
        var total = DealTotals.Of(deal).Total;
        foreach (var doc in docs)
        {
            var named = new DealEventDocument(doc.Title, doc.Number);
            var jobs = doc.History.Any(h => h.Action == DocumentActions.Printed) ? await printJobs.ByDocumentAsync(doc.Id, ct) : [];
            var version = 1;
            foreach (var h in doc.History)
            {
                DealEvent? e = h.Action switch
                {
                    DocumentActions.Generated => new(h.At, DealEventKind.Generated, h.ActorId, Document: named, Version: 1),
                    DocumentActions.Edited => new(h.At, DealEventKind.Edited, h.ActorId, Document: named, Reason: h.Reason, Version: ++version),
                    DocumentActions.Submitted => new(h.At, DealEventKind.Submitted, h.ActorId, Document: named),
                    DocumentActions.ApprovalSkipped => new(h.At, DealEventKind.ApprovalSkipped, h.ActorId, Document: named),
                    DocumentActions.Approved => new(h.At, DealEventKind.Approved, h.ActorId, Document: named),
                    DocumentActions.Rejected => new(h.At, DealEventKind.Rejected, h.ActorId, Document: named, Reason: h.Reason),
                    DocumentActions.Withdrawn => new(h.At, DealEventKind.Withdrawn, h.ActorId, Document: named),
                    DocumentActions.Printed => Printed(h, named, jobs),
                    DocumentActions.Sent => Mailed(h, DealEventKind.Sent, MailDirection.Out, named, mail[doc.Id]),
                    DocumentActions.Returned => Mailed(h, DealEventKind.Returned, MailDirection.In, named, mail[doc.Id]),
                    DocumentActions.Archived => new(h.At, DealEventKind.Archived, h.ActorId, Document: named),
                    DocumentActions.Annulled => new(h.At, DealEventKind.Annulled, h.ActorId, Document: named, Reason: h.Reason),
                    DocumentActions.Replaced => new(h.At, DealEventKind.Replaced, h.ActorId, Document: named, Reason: h.Reason),
                    DocumentActions.ReviewLink => new(h.At, DealEventKind.ReviewLink, h.ActorId, Document: named),
                    DocumentActions.ReviewRevoked => new(h.At, DealEventKind.ReviewRevoked, h.ActorId, Document: named),
                    // Payments are told from the invoice's payment list below, with their amounts.
                    _ => null,
                };
                if (e is not null) events.Add(e);
            }
            var paid = 0m;
            foreach (var p in doc.Payments.OrderBy(p => p.RecordedAt))
            {
                paid += p.Amount;
                events.Add(new DealEvent(p.RecordedAt, DealEventKind.Payment, p.RecordedBy, Document: named,
                    Payment: new DealEventPayment(p.Amount, p.Currency, p.PaidOn, paid, total)));
            }
            if (doc.History.Any(h => h.Action == DocumentActions.ReviewLink) && await reviews.ByDocumentAsync(doc.Id, ct) is { } review)
                foreach (var c in review.Comments)
                    events.Add(new DealEvent(c.At, DealEventKind.ReviewComment, By: c.Author, Document: named, Reason: c.Clause));
        }
        // By time; steps of one instant (a set generated, sent on or scanned at once) in the order of a document's life, then of the documents.
        var ordered = events.OrderBy(e => e.At).ThenBy(e => e.Kind).ToList();
        return PaperComplete(ordered);
    }

    /// <summary>Adds a «paper complete» moment after each return that leaves every live document of the deal back.</summary>
    private static List<DealEvent> PaperComplete(List<DealEvent> ordered)
    {
        var result = new List<DealEvent>(ordered.Count + 1);
        var back = new Dictionary<string, bool>();
        var complete = false;
        foreach (var e in ordered)
        {
            result.Add(e);
            if (e.Document is not { } doc) continue;
            switch (e.Kind)
            {
                case DealEventKind.Generated:
                    back[doc.Number] = false;
                    complete = false;
                    break;
                case DealEventKind.Returned or DealEventKind.Archived:
                    back[doc.Number] = true;
                    break;
                case DealEventKind.Annulled:
                    back.Remove(doc.Number);
                    break;
            }
            if (e.Kind != DealEventKind.Returned || complete || back.Count == 0 || back.Values.Any(b => !b)) continue;
            complete = true;
            result.Add(new DealEvent(e.At, DealEventKind.PaperComplete, Count: back.Count));
        }
        return result;
    }

    private static DealEvent Printed(DocumentHistoryEntry h, DealEventDocument doc, IReadOnlyList<PrintJob> jobs)
    {
        var job = jobs.Where(j => j.PrintedAt is not null).OrderBy(j => (j.PrintedAt!.Value - h.At).Duration()).FirstOrDefault();
        return new DealEvent(h.At, DealEventKind.Printed, h.ActorId, job?.ClaimedBy, doc, Count: job?.Copies);
    }

    /// <summary>A scan's register entry is made in the same unit of work as the move, at the same instant.</summary>
    private static DealEvent Mailed(DocumentHistoryEntry h, DealEventKind kind, MailDirection direction, DealEventDocument doc, IEnumerable<MailEntry> entries)
    {
        var entry = entries.Where(m => m.Direction == direction && (m.At - h.At).Duration() < TimeSpan.FromSeconds(1))
            .OrderBy(m => (m.At - h.At).Duration()).FirstOrDefault();
        var agent = entry?.Source is { } source && source.StartsWith("agent:", StringComparison.Ordinal) ? source["agent:".Length..] : null;
        return new DealEvent(h.At, kind, h.ActorId is 0 ? null : h.ActorId, agent, doc, Mail: entry);
    }
}
