using BotPlatform.Core.Common;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Core.Projects;

namespace BotPlatform.Core.Billing.Invoicing;

/// <summary>
/// The client approves a sent report (<see cref="ReportSharing.ApproveAsync"/>), then the report is invoiced at once
/// (<see cref="ReportInvoicing"/>) and its PM gets the invoice and the act. When invoicing fails (the client's card lacks
/// requisites, a template is broken) the approval stands, the report stays Approved, the PM is told why and
/// <see cref="ReportInvoiceRecovery"/> tries again the next working morning; it also finishes the job when the host
/// stopped between the approval and the invoice.
/// </summary>
public sealed class ReportApproval(ReportSharing sharing, ReportInvoicing invoicing, ReportInvoiceRecovery recovery, IBillingReportStore reports)
{
    public async Task<Result<BillingReport>> ApproveAsync(long reportId, GroupActor actor, Outgoing outgoing, CancellationToken ct)
    {
        var approved = await sharing.ApproveAsync(reportId, actor, outgoing, ct);
        if (!approved.IsOk) return approved;
        var invoiced = await invoicing.InvoiceAsync(reportId, ct);
        if (invoiced.IsOk)
        {
            await recovery.TellInvoicedAsync(invoiced.Value!, outgoing, ct);
            return Result<BillingReport>.Ok(invoiced.Value!.Report);
        }
        // Stale: the recovery sweep got there first and told the PM itself.
        if (invoiced.Problem!.Code != BillingProblems.Stale) await recovery.PostponeAsync(reportId, invoiced.Problem, outgoing, ct);
        return Result<BillingReport>.Ok(await reports.GetAsync(reportId, ct) ?? approved.Value!);
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
