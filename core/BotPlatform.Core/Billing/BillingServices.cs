using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Core.Billing;

public static class BillingServices
{
    public static IServiceCollection AddBilling(this IServiceCollection services) => services
        .AddSingleton<ReportDesk>()
        .AddSingleton<TaskBillability>()
        .AddSingleton<ReportSharing>()
        .AddSingleton<Invoicing.ReportInvoicing>()
        .AddSingleton<Invoicing.ReportInvoiceRecovery>()
        .AddSingleton<Timers.ITimerSource>(sp => sp.GetRequiredService<Invoicing.ReportInvoiceRecovery>())
        .AddSingleton<Invoicing.ReportApproval>()
        .AddSingleton<Invoicing.ReportWithdrawal>()
        .AddSingleton<Invoicing.ReportSettlement>()
        .AddSingleton<Invoicing.InvoicePaymentDesk>()
        .AddSingleton<ReportHistory>();
}
