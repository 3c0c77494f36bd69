using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Deals;
using BotPlatform.Core.Projects;

namespace BotPlatform.Core.Billing;

public enum ReportStatus
{
    Draft,
    Sent,
    Approved,
    Invoiced,
    Paid,
    /// <summary>Its tasks are free again for another report.</summary>
    Cancelled,
}

/// <summary>One task of a report as it was when the report was built (a snapshot: later changes to the task or the rates do not alter it).</summary>
public sealed class ReportLine
{
    public long TaskId { get; set; }
    public long ProjectId { get; set; }
    public string ProjectNumber { get; set; } = "";
    public int TaskNo { get; set; }
    public string Title { get; set; } = "";
    public string WorkType { get; set; } = "";
    public string WorkTypeName { get; set; } = "";
    public decimal Hours { get; set; }
    public bool Billable { get; set; }
    /// <summary>
    /// The rate in force on the entries' dates; when the entries span a rate change, the effective rate (Sum ÷ Hours, to
    /// the kopeck) and <see cref="RateParts"/> says which hours went at which rate. Null: none defined.
    /// </summary>
    public decimal? Rate { get; set; }
    /// <summary>Hours per rate, in the order the rates came into force; more than one only when a rate changed within the task's time.</summary>
    public List<RatePart> RateParts { get; set; } = [];
    /// <summary>Hours × rate of each entry, to the kopeck; zero when not billable.</summary>
    public decimal Sum { get; set; }
    /// <summary>Sum had the task been billable (shown for non-billable work, never charged).</summary>
    public decimal Value { get; set; }

    public string Reference => $"{ProjectNumber}#{TaskNo}";
    public bool LacksRate => Billable && Rate is null;
}

/// <summary>Hours of one task priced at one rate.</summary>
public sealed class RatePart
{
    public decimal Hours { get; set; }
    public decimal PerHour { get; set; }
}

public sealed record ReportTotals(decimal Hours, decimal BillableHours, decimal NonBillableHours, decimal Net, decimal Vat, decimal Total);

/// <summary>
/// An hourly report to a client for a period: the done tasks with time in it, priced by the rates in force.
/// Changes only through its methods; each records who did what in its history (and the desk audits it).
/// </summary>
public sealed class BillingReport : IVersioned
{
    public long Id { get; set; }
    public int Version { get; set; }
    /// <summary>"ОТЧ-2026-0001".</summary>
    public string Number { get; set; } = "";
    public long ClientId { get; set; }
    public string ClientName { get; set; } = "";
    public List<long> ProjectIds { get; set; } = [];
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public ReportStatus Status { get; set; }
    public string Currency { get; set; } = "RUB";
    public VatMode Vat { get; set; }
    public decimal VatRate { get; set; }
    public List<ReportLine> Lines { get; set; } = [];
    /// <summary>The work types the report was limited to (empty: all) and the task states it took (empty: done only); see <see cref="ReportFilter"/>.</summary>
    public List<string> WorkTypes { get; set; } = [];
    /// <summary>Their names as they were when the report was built.</summary>
    public List<string> WorkTypeNames { get; set; } = [];
    public List<ProjectTaskState> TaskStates { get; set; } = [];
    /// <summary>Who reviews it: the PM of its (first) project, else its author.</summary>
    public long PmId { get; set; }
    public long CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The outbox id of the PM's card (edited after each change) and its chat.</summary>
    public string? Card { get; set; }
    public long? CardChat { get; set; }
    public List<ProjectEvent> History { get; set; } = [];
    /// <summary>The page's token (256 random bits, base64url); set when the report is sent.</summary>
    public string? PageToken { get; set; }
    public bool PageRevoked { get; set; }
    public DateTimeOffset? PageExpiresAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    /// <summary>The outbox id of the message in the client's group (edited after the client's answer) and its chat.</summary>
    public string? GroupCard { get; set; }
    public long? GroupChat { get; set; }
    /// <summary>What the approved report was billed with (see <see cref="Invoicing.ReportInvoicing"/>).</summary>
    public ReportBilling? Billing { get; set; }
    /// <summary>
    /// While Approved: when the recovery sweep (<see cref="Invoicing.ReportInvoiceRecovery"/>) invoices it if the approval's
    /// own invoicing has not (a crash between the two, a failure to retry). Set with the approval, cleared with the invoice.
    /// </summary>
    public DateTimeOffset? InvoiceDueAt { get; set; }
    public DateTimeOffset? PaidAt { get; set; }

    /// <summary>How long the approval's own invoicing has before the recovery sweep takes the report over.</summary>
    public static readonly TimeSpan InvoiceGrace = TimeSpan.FromMinutes(2);

    public string Subject => "report:" + Number;
    public bool IsLive => Status is not ReportStatus.Cancelled;
    public IEnumerable<ReportLine> LinesLackingRate => Lines.Where(l => l.LacksRate);

    public ReportTotals Totals()
    {
        var billable = Lines.Where(l => l.Billable).ToList();
        var deal = DealTotals.Of(billable.Select(l => new DealLine { Quantity = 1, Price = l.Sum }).ToList(), Vat, VatRate);
        return new ReportTotals(Lines.Sum(l => l.Hours), billable.Sum(l => l.Hours), Lines.Where(l => !l.Billable).Sum(l => l.Hours),
            deal.Net, deal.Vat, deal.Total);
    }

    /// <summary>Takes a task out of a draft (its claim is released by the desk); false when it is not in it or the report is not a draft.</summary>
    public ReportLine? Drop(long taskId, long actor, DateTimeOffset now)
    {
        if (Status != ReportStatus.Draft || Lines.FirstOrDefault(l => l.TaskId == taskId) is not { } line) return null;
        Lines.Remove(line);
        Record(BillingActions.Dropped, now, actor, line.Reference);
        return line;
    }

    /// <summary>Flips a draft line between billed and not billed; the reason goes to the history.</summary>
    public ReportLine? ToggleBillable(long taskId, long actor, DateTimeOffset now)
    {
        if (Status != ReportStatus.Draft || Lines.FirstOrDefault(l => l.TaskId == taskId) is not { } line) return null;
        line.Billable = !line.Billable;
        line.Sum = line.Billable ? line.Value : 0m;
        Record(BillingActions.BillabilityChanged, now, actor, $"{line.Reference}: {(line.Billable ? "billable" : "not billable")}");
        return line;
    }

    public bool Send(string token, DateTimeOffset? expiresAt, long actor, DateTimeOffset now)
    {
        if (Status != ReportStatus.Draft || LinesLackingRate.Any() || Lines.Count == 0) return false;
        Status = ReportStatus.Sent;
        PageToken = token;
        PageRevoked = false;
        PageExpiresAt = expiresAt;
        SentAt = now;
        Record(BillingActions.Sent, now, actor);
        return true;
    }

    /// <param name="actor">A person's id, or null for a client's contact (named in <paramref name="who"/>).</param>
    public bool Approve(long? actor, string who, DateTimeOffset now)
    {
        if (Status != ReportStatus.Sent) return false;
        Status = ReportStatus.Approved;
        ApprovedAt = now;
        InvoiceDueAt = now + InvoiceGrace;
        Record(BillingActions.Approved, now, actor, who);
        return true;
    }

    public bool RevokePage(long actor, DateTimeOffset now)
    {
        if (PageToken is null || PageRevoked) return false;
        PageRevoked = true;
        Record(BillingActions.PageRevoked, now, actor);
        return true;
    }

    /// <summary>Whether the token opens the page now (compared in constant time).</summary>
    public bool PageOpen(string token, DateTimeOffset now) =>
        PageToken is { } own && !PageRevoked && Status is not (ReportStatus.Draft or ReportStatus.Cancelled) && (PageExpiresAt is not { } until || now < until)
        && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(own), System.Text.Encoding.ASCII.GetBytes(token));

    public bool Cancel(long actor, DateTimeOffset now)
    {
        if (Status is not (ReportStatus.Draft or ReportStatus.Sent)) return false;
        Status = ReportStatus.Cancelled;
        Record(BillingActions.Cancelled, now, actor);
        return true;
    }

    public ProjectEvent Record(string action, DateTimeOffset at, long? actor = null, string? reason = null)
    {
        var entry = new ProjectEvent { At = at, Action = action, ActorId = actor, Reason = reason };
        History.Add(entry);
        return entry;
    }
}

public static class BillingActions
{
    public const string Built = "report_built";
    public const string Dropped = "report_task_dropped";
    public const string BillabilityChanged = "report_billability";
    public const string Cancelled = "report_cancelled";
    public const string TaskBillability = "task_billability";
    public const string Sent = "report_sent";
    public const string Approved = "report_approved";
    public const string PageRevoked = "report_page_revoked";
    public const string ClientQuestion = "report_client_question";
}

/// <summary>A report as a PDF (the page's download).</summary>
public interface IReportPdf
{
    byte[] Render(BillingReport report, string agency, Localization.Lang lang);
}

/// <summary>Reports, found by number and by client; changed only with a matching version.</summary>
public interface IBillingReportStore
{
    Task<BillingReport?> GetAsync(long id, CancellationToken ct);
    /// <summary>Case-insensitive.</summary>
    Task<BillingReport?> FindByNumberAsync(string number, CancellationToken ct);
    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<BillingReport>> ByClientAsync(long clientId, CancellationToken ct);
    /// <summary>Every report, newest first.</summary>
    Task<IReadOnlyList<BillingReport>> AllAsync(CancellationToken ct);
    /// <summary>
    /// One page of the /reports history: the reports the query takes (filtered by the store, not in memory), newest
    /// (highest id) first, <paramref name="skip"/> of them left out, at most <paramref name="take"/>; and how many it takes in all.
    /// </summary>
    Task<(IReadOnlyList<BillingReport> Reports, int Total)> QueryAsync(ReportsQuery query, int skip, int take, CancellationToken ct);
    /// <summary>Approved reports whose invoicing is due at or before <paramref name="now"/> (or has no due time: approved before it was kept), oldest first.</summary>
    Task<IReadOnlyList<BillingReport>> InvoiceDueAsync(DateTimeOffset now, int limit, CancellationToken ct);
    /// <summary>The report whose page has this token (whether it still opens is the report's to say).</summary>
    Task<BillingReport?> FindByTokenAsync(string token, CancellationToken ct);
    Task InsertAsync(BillingReport report, CancellationToken ct);
    Task<bool> TryUpdateAsync(BillingReport report, CancellationToken ct);
}

/// <summary>
/// Which report holds each task: at most one live or paid report per task, enforced by the store's unique
/// key on the task (LiteDB's _id, PostgreSQL's primary key), so two reports built at the same moment never share one.
/// </summary>
public interface IReportClaimStore
{
    /// <summary>Claims every free task for the report; returns those claimed (a task held by another report is left out).</summary>
    Task<IReadOnlyList<long>> ClaimAsync(long reportId, IReadOnlyCollection<long> taskIds, CancellationToken ct);
    /// <summary>The tasks among these already held by some report.</summary>
    Task<IReadOnlySet<long>> ClaimedAsync(IReadOnlyCollection<long> taskIds, CancellationToken ct);
    /// <summary>Frees the tasks this report holds (a dropped task, a cancelled report); others' claims are untouched.</summary>
    Task ReleaseAsync(long reportId, IReadOnlyCollection<long> taskIds, CancellationToken ct);
    Task<long?> HolderAsync(long taskId, CancellationToken ct);
}
