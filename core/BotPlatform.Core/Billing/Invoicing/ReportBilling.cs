namespace BotPlatform.Core.Billing;

/// <summary>The deal, invoice and act an approved report was billed with.</summary>
public sealed class ReportBilling
{
    public long DealId { get; set; }
    public string DealNumber { get; set; } = "";
    public long InvoiceId { get; set; }
    public string InvoiceNumber { get; set; } = "";
    public long ActId { get; set; }
    public string ActNumber { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

public static class InvoicingActions
{
    public const string Invoiced = "report_invoiced";
    public const string Paid = "report_paid";
    public const string TaskPaid = "task_paid";
    public const string Withdrawn = "report_withdrawn";
    public const string PaymentRecorded = "payment_recorded";
}

/// <summary>The report's own transitions beyond approval (kept beside <see cref="BillingReport"/> so its file stays small).</summary>
public static class ReportTransitions
{
    public static bool MarkInvoiced(this BillingReport report, ReportBilling billing, long actor, DateTimeOffset now)
    {
        if (report.Status != ReportStatus.Approved) return false;
        report.Status = ReportStatus.Invoiced;
        report.Billing = billing;
        report.InvoiceDueAt = null;
        report.Record(InvoicingActions.Invoiced, now, actor, $"{billing.DealNumber}; {billing.InvoiceNumber}; {billing.ActNumber}");
        return true;
    }

    public static bool MarkPaid(this BillingReport report, long actor, DateTimeOffset now)
    {
        if (report.Status != ReportStatus.Invoiced) return false;
        report.Status = ReportStatus.Paid;
        report.PaidAt = now;
        report.Record(InvoicingActions.Paid, now, actor, report.Billing?.InvoiceNumber);
        return true;
    }
}

