using BotPlatform.Core.Audit;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Finance;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Core.Projects;

namespace BotPlatform.Core.Billing.Invoicing;

/// <summary>
/// The billing side of a payment, called by <see cref="InvoicePaymentDesk"/> inside the payment's unit of work (a direct
/// call rather than an <see cref="IInvoicePaymentHandler"/>, because it also tells people and needs the update's outbox):
/// when the payments cover the invoice, its report becomes Paid and every task in it is marked paid - all or nothing,
/// a conflict throws and rolls the payment back. The PM hears of every payment; the office managers of the settled one.
/// </summary>
public sealed class ReportSettlement(
    IBillingReportStore reports,
    IProjectTaskStore tasks,
    IPeopleStore people,
    IAuditLog audit,
    TimeProvider time)
{
    /// <summary>The report this invoice was made for, if any.</summary>
    public async Task<BillingReport?> ReportOfAsync(Document invoice, CancellationToken ct) =>
        invoice.ClientId is { } clientId
            ? (await reports.ByClientAsync(clientId, ct)).FirstOrDefault(r => r.Billing?.InvoiceId == invoice.Id)
            : null;

    public async Task<BillingReport?> SettleAsync(BillingReport? report, InvoicePayment payment, decimal outstanding, Outgoing outgoing, CancellationToken ct)
    {
        if (report is null) return null;
        var pm = await people.GetAsync(report.PmId, ct);
        var money = (decimal amount, Localization.Lang lang) => ReportCard.Money(amount, payment.Currency, lang);
        if (!payment.Settled)
        {
            if (pm is { ChatId: { } chat })
                outgoing.Send(chat, InvoicingTexts.PartialToPm.In(pm.Language, payment.InvoiceNumber, report.Number, money(payment.Amount, pm.Language), money(outstanding, pm.Language)));
            return report;
        }
        var now = time.GetUtcNow();
        var before = report.History.Count;
        if (!report.MarkPaid(payment.RecordedBy, now)) return report;
        foreach (var line in report.Lines)
        {
            if (await tasks.GetAsync(line.TaskId, ct) is not { } task) continue;
            task.PaidAt = now;
            task.PaidInReportId = report.Id;
            var entry = task.Record(InvoicingActions.TaskPaid, now, payment.RecordedBy, $"{report.Number}; {payment.InvoiceNumber}");
            if (!await tasks.TryUpdateAsync(task, ct)) throw new InvalidOperationException($"Task {task.Id} changed while report {report.Number} was settled");
            await audit.AppendAsync(new AuditEntry { Subject = $"task:{task.Id}", Action = entry.Action, ActorId = payment.RecordedBy, At = now, Reason = entry.Reason }, ct);
        }
        if (!await reports.TryUpdateAsync(report, ct)) throw new InvalidOperationException($"Report {report.Number} changed while it was settled");
        foreach (var e in report.History.Skip(before))
            await audit.AppendAsync(new AuditEntry { Subject = report.Subject, Action = e.Action, ActorId = e.ActorId, At = e.At, Reason = e.Reason }, ct);

        var total = report.Totals().Total;
        if (pm is { ChatId: { } pmChat })
        {
            outgoing.Send(pmChat, InvoicingTexts.PaidToPm.In(pm.Language, report.Number, payment.InvoiceNumber, money(total, pm.Language)));
            if (report.Card is { } card && report.CardChat is { } cardChat) outgoing.Edit(cardChat, card, ReportCard.Text(report, pm.Language), ReportCard.Buttons(report, pm.Language));
        }
        foreach (var office in await people.WithRoleAsync(Role.OfficeManager, ct))
        {
            if (office is { IsActive: true, ChatId: { } officeChat })
                outgoing.Send(officeChat, InvoicingTexts.PaidToOffice.In(office.Language, payment.InvoiceNumber, report.Number, report.ClientName, report.Billing?.ActNumber ?? "—"));
        }
        return report;
    }
}
