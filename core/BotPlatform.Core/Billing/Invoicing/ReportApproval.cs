using BotPlatform.Core.Common;
using BotPlatform.Core.Documents.Generation;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Core.Projects;

namespace BotPlatform.Core.Billing.Invoicing;

/// <summary>
/// The client approves a sent report (<see cref="ReportSharing.ApproveAsync"/>), then the report is invoiced at once
/// (<see cref="ReportInvoicing"/>) and its PM gets the invoice and the act. When invoicing fails (the client's card lacks
/// requisites, a template is broken) the approval stands, the report stays Approved and the PM is told why.
/// </summary>
public sealed class ReportApproval(ReportSharing sharing, ReportInvoicing invoicing, IPeopleStore people)
{
    /// <param name="render">Renders a problem in a language for the PM (the bot's problem catalogue).</param>
    public async Task<Result<BillingReport>> ApproveAsync(long reportId, GroupActor actor, Outgoing outgoing, Func<Problem, Localization.Lang, string> render,
        CancellationToken ct)
    {
        var approved = await sharing.ApproveAsync(reportId, actor, outgoing, ct);
        if (!approved.IsOk) return approved;
        var invoiced = await invoicing.InvoiceAsync(reportId, ct);
        var report = invoiced.IsOk ? invoiced.Value!.Report : approved.Value!;
        if (await people.GetAsync(report.PmId, ct) is not { ChatId: { } pmChat } pm) return Result<BillingReport>.Ok(report);
        if (!invoiced.IsOk)
        {
            outgoing.Send(pmChat, InvoicingTexts.NotInvoicedToPm.In(pm.Language, report.Number, render(invoiced.Problem!, pm.Language)));
            return Result<BillingReport>.Ok(report);
        }
        var (_, deal, invoice, act) = invoiced.Value!;
        var total = Documents.Deals.DealTotals.Of(deal).Total;
        outgoing.Send(pmChat, InvoicingTexts.InvoicedToPm.In(pm.Language, report.Number, deal.Number, invoice.Number,
            ReportCard.Money(total, deal.Currency, pm.Language), act.Number));
        foreach (var doc in new[] { invoice, act })
            if (doc.PdfKey is { } key) outgoing.SendDocument(pmChat, key, DocumentRendering.FileName(doc), doc.Title + " " + doc.Number);
        if (report.Card is { } card && report.CardChat is { } cardChat) outgoing.Edit(cardChat, card, ReportCard.Text(report, pm.Language), ReportCard.Buttons(report, pm.Language));
        return Result<BillingReport>.Ok(report);
    }
}

/// <summary>
/// The PM cancels a report (<see cref="ReportDesk.CancelAsync"/>: its tasks are free again); when it was already in the
/// client's group, that message loses its buttons and says, for the client, that the report was withdrawn.
/// </summary>
public sealed class ReportWithdrawal(ReportDesk desk, Organisation organisation)
{
    public async Task<Result<BillingReport>> CancelAsync(long reportId, Person actor, Outgoing outgoing, CancellationToken ct)
    {
        var cancelled = await desk.CancelAsync(reportId, actor, ct);
        if (cancelled.IsOk && cancelled.Value is { GroupCard: { } card, GroupChat: { } chat } report)
        {
            var lang = organisation.DefaultLanguage;
            outgoing.Edit(chat, card, ReportSharing.ClientText(report, lang) + "\n\n" + InvoicingTexts.Withdrawn.In(lang));
        }
        return cancelled;
    }
}
