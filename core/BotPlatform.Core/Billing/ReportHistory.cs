using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.People;

namespace BotPlatform.Core.Billing;

/// <summary>What /reports shows: a client (its id, or none: every client), a period the reports overlap, a status.</summary>
public sealed record ReportsQuery(long? ClientId, DateOnly? From, DateOnly? To, ReportStatus? Status)
{
    public static ReportsQuery All { get; } = new(null, null, null, null);

    public bool Takes(BillingReport report) =>
        (ClientId is not { } client || report.ClientId == client)
        && (From is not { } from || report.To >= from) && (To is not { } to || report.From <= to)
        && (Status is not { } status || report.Status == status);
}

/// <summary>One page of the history, newest first.</summary>
public sealed record ReportsPage(IReadOnlyList<BillingReport> Reports, int Page, int Pages, int Total);

/// <summary>
/// Every report ever made, newest first, filtered by client, period and status in the store (one page read at a time). A report is a snapshot
/// (its lines, rates and sums are copied when it is built), so the history shows each as it was made.
/// </summary>
public sealed class ReportHistory(IBillingReportStore reports, IClientStore clients)
{
    public const int PageSize = 10;

    private static readonly Dictionary<string, ReportStatus> Statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["черновик"] = ReportStatus.Draft, ["черновики"] = ReportStatus.Draft, ["draft"] = ReportStatus.Draft, ["drafts"] = ReportStatus.Draft,
        ["отправлен"] = ReportStatus.Sent, ["отправленные"] = ReportStatus.Sent, ["sent"] = ReportStatus.Sent,
        ["согласован"] = ReportStatus.Approved, ["согласованные"] = ReportStatus.Approved, ["approved"] = ReportStatus.Approved,
        ["счёт"] = ReportStatus.Invoiced, ["счет"] = ReportStatus.Invoiced, ["invoiced"] = ReportStatus.Invoiced,
        ["оплачен"] = ReportStatus.Paid, ["оплаченные"] = ReportStatus.Paid, ["paid"] = ReportStatus.Paid,
        ["отменён"] = ReportStatus.Cancelled, ["отменен"] = ReportStatus.Cancelled, ["отменённые"] = ReportStatus.Cancelled, ["cancelled"] = ReportStatus.Cancelled,
    };

    /// <summary>
    /// Reads "[client] [period] [status]" in any order: a status word, a period as /report takes it, and the rest
    /// as the client (its tax id, or part of its name matching one client).
    /// </summary>
    public async Task<Result<ReportsQuery>> ParseAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        ReportStatus? status = null;
        (DateOnly From, DateOnly To)? period = null;
        var rest = new List<string>();
        foreach (var arg in args)
        {
            if (status is null && Statuses.TryGetValue(arg, out var s)) status = s;
            else if (period is null && LooksLikePeriod(arg))
            {
                if (ReportPeriod.Parse(arg) is not { } parsed) return new Problem(BillingProblems.Period, arg);
                period = parsed;
            }
            else rest.Add(arg);
        }
        long? clientId = null;
        if (rest.Count > 0)
        {
            var text = string.Join(' ', rest);
            var found = await clients.FindByTaxIdAsync(text, ct) is { } byTaxId ? [byTaxId] : await clients.SearchAsync(text, 5, ct);
            if (found.Count == 0) return new Problem(ReportDialogProblems.ClientNotFound, text);
            if (found.Count > 1) return new Problem(ReportDialogProblems.SeveralClients, text, string.Join("; ", found.Select(c => c.LegalName)));
            clientId = found[0].Id;
        }
        return Result<ReportsQuery>.Ok(new ReportsQuery(clientId, period?.From, period?.To, status));
    }

    public async Task<Result<ReportsPage>> PageAsync(ReportsQuery query, int page, Person actor, CancellationToken ct)
    {
        if (!ReportDesk.MayMake(actor)) return Result<ReportsPage>.Fail(BillingProblems.NotAllowed);
        var current = Math.Max(1, page);
        var (found, total) = await reports.QueryAsync(query, (current - 1) * PageSize, PageSize, ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (current > pages)
        {
            current = pages;
            (found, total) = await reports.QueryAsync(query, (current - 1) * PageSize, PageSize, ct);
        }
        return Result<ReportsPage>.Ok(new ReportsPage(found, current, pages, total));
    }

    /// <summary>A report to open from the list: anyone who may make reports may read one.</summary>
    public async Task<Result<BillingReport>> OpenAsync(long reportId, Person actor, CancellationToken ct)
    {
        if (!ReportDesk.MayMake(actor)) return Result<BillingReport>.Fail(BillingProblems.NotAllowed);
        return await reports.GetAsync(reportId, ct) is { } report ? Result<BillingReport>.Ok(report) : Result<BillingReport>.Fail(BillingProblems.Stale);
    }

    private static bool LooksLikePeriod(string arg) => arg.Length >= 6 && arg.Any(char.IsAsciiDigit) && (arg.Contains('.') || arg.Contains('-'));
}
