using System.Globalization;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Clients;
using BotPlatform.Core.Documents.Deals;
using BotPlatform.Core.Documents.Generation;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Core.Timers;

namespace BotPlatform.Core.Billing.Invoicing;

/// <summary>
/// Nothing is lost between the client's approval and the invoice. The approval (one unit of work) sets the report's
/// <see cref="BillingReport.InvoiceDueAt"/> a short grace ahead; the approval's own invoicing (a second unit of work, since
/// generating two PDFs is slow) clears it. A crash between the two, or an invoicing that failed (the client's card lacks
/// requisites), leaves the report Approved with the timer set, and this sweep invoices it: deal, invoice, act, the move to
/// Invoiced and the PM's notice in one unit of work that re-reads the report, so two sweeps (two replicas) or a sweep racing
/// the approval's own invoicing make one deal and one invoice. A failure moves the timer to the next working morning and
/// tells the PM why, once per attempt.
/// </summary>
public sealed class ReportInvoiceRecovery(
    IBillingReportStore reports,
    ReportInvoicing invoicing,
    IPeopleStore people,
    IOutboxStore outbox,
    IUnitOfWork unitOfWork,
    Organisation organisation,
    TimeProvider time) : ITimerSource
{
    private static readonly IReadOnlyDictionary<string, Text> Problems = new[]
        {
            DocumentTexts.Problems, ClientProblems.Texts, DealProblems.Texts, BillingProblems.Texts, InvoicingProblems.Texts,
        }
        .SelectMany(catalogue => catalogue)
        .GroupBy(kv => kv.Key)
        .ToDictionary(g => g.Key, g => g.First().Value);

    public string Name => "report-invoicing";

    public async Task<int> FireDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var fired = 0;
        foreach (var due in await reports.InvoiceDueAsync(now, 50, ct))
        {
            var key = $"timer:report-invoice:{due.Id}:{(due.InvoiceDueAt ?? due.ApprovedAt ?? now).UtcTicks.ToString(CultureInfo.InvariantCulture)}";
            var invoiced = await invoicing.InvoiceAsync(due.Id, ct, async done =>
            {
                var outgoing = new Outgoing(key, time);
                await TellInvoicedAsync(done, outgoing, ct);
                await outbox.EnqueueAsync(outgoing.Messages, ct);
            });
            if (invoiced.IsOk)
            {
                fired++;
                continue;
            }
            if (invoiced.Problem!.Code == BillingProblems.Stale) continue; // invoiced meanwhile (another sweep, the approval itself) or no longer Approved
            fired += await unitOfWork.RunAsync(async () =>
            {
                var outgoing = new Outgoing(key, time);
                if (!await PostponeAsync(due.Id, invoiced.Problem!, outgoing, ct)) return 0;
                await outbox.EnqueueAsync(outgoing.Messages, ct);
                return 1;
            }, ct);
        }
        return fired;
    }

    /// <summary>
    /// The report could not be invoiced: the next try is at the next working morning, and the PM hears why (in
    /// <paramref name="outgoing"/>). False when the report has moved on meanwhile. Joins the caller's unit of work, if any.
    /// </summary>
    public async Task<bool> PostponeAsync(long reportId, Problem problem, Outgoing outgoing, CancellationToken ct)
    {
        if (await reports.GetAsync(reportId, ct) is not { Status: ReportStatus.Approved } report) return false;
        report.InvoiceDueAt = organisation.Calendar.NextWorkingDayStart(time.GetUtcNow());
        if (!await reports.TryUpdateAsync(report, ct)) return false;
        if (await people.GetAsync(report.PmId, ct) is { ChatId: { } pmChat } pm)
            outgoing.Send(pmChat, InvoicingTexts.NotInvoicedToPm.In(pm.Language, report.Number, Render(problem, pm.Language)) + "\n" + InvoicingTexts.RetryLater.In(pm.Language));
        return true;
    }

    /// <summary>The PM's notice of an invoiced report: the numbers, the invoice and act as PDFs, the card brought up to date.</summary>
    public async Task TellInvoicedAsync(ReportInvoice done, Outgoing outgoing, CancellationToken ct)
    {
        var (report, deal, invoice, act) = done;
        if (await people.GetAsync(report.PmId, ct) is not { ChatId: { } pmChat } pm) return;
        var total = DealTotals.Of(deal).Total;
        outgoing.Send(pmChat, InvoicingTexts.InvoicedToPm.In(pm.Language, report.Number, deal.Number, invoice.Number,
            ReportCard.Money(total, deal.Currency, pm.Language), act.Number));
        foreach (var doc in new[] { invoice, act })
            if (doc.PdfKey is { } pdf) outgoing.SendDocument(pmChat, pdf, DocumentRendering.FileName(doc), doc.Title + " " + doc.Number);
        if (report.Card is { } card && report.CardChat is { } cardChat) outgoing.Edit(cardChat, card, ReportCard.Text(report, pm.Language), ReportCard.Buttons(report, pm.Language));
    }

    private static string Render(Problem problem, Lang lang) =>
        Problems.TryGetValue(problem.Code, out var text) ? text.In(lang, problem.Args) : problem.Code;
}
