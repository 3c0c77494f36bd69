using BotPlatform.Core.Approvals;
using BotPlatform.Core.Finance.Ledger;
using BotPlatform.Core.Finance.Registers;
using BotPlatform.Core.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Core.Finance;

public static class FinanceServices
{
    public static IServiceCollection AddFinance(this IServiceCollection services) => services
        .AddSingleton<PaymentRegisters>()
        .AddSingleton<ITimerSource>(sp => sp.GetRequiredService<PaymentRegisters>())
        .AddSingleton<LedgerBook>()
        .AddSingleton<ProfitAndLoss>()
        .AddSingleton<ProjectSales>()
        .AddSingleton<IApprovalOutcomeObserver, PaidRequestExpenses>()
        .AddSingleton<IInvoicePaymentHandler, InvoiceIncome>();
}
