using BotPlatform.Bot.Routing;
using BotPlatform.Core.Billing;
using BotPlatform.Core.Billing.Invoicing;

namespace BotPlatform.Bot.Billing;

/// <summary>/paid INVOICE [DATE] [AMOUNT]: the accountant records a payment against an invoice. Private chat.</summary>
public sealed class PaidCommand(InvoicePaymentDesk desk) : ICommandHandler
{
    public string Command => "paid";

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (context.Person is not { } person || !context.IsPrivateChat) return;
        var recorded = await desk.RecordAsync(context.Args, person, context.Out, ct);
        if (!recorded.IsOk)
        {
            context.ReplyProblem(recorded.Problem!);
            return;
        }
        var r = recorded.Value!;
        var lang = context.Lang;
        var text = InvoicingTexts.PaymentRecorded.In(lang, r.Invoice.Number, ReportCard.Money(r.Payment.Amount, r.Currency, lang),
            r.Payment.PaidOn.ToDateTime(TimeOnly.MinValue), ReportCard.Money(r.PaidSoFar, r.Currency, lang), ReportCard.Money(r.Total, r.Currency, lang),
            ReportCard.Money(r.Outstanding, r.Currency, lang));
        if (r.Payment.Settled) text += "\n" + InvoicingTexts.PaidInFull.In(lang, r.Invoice.Number, ReportCard.Money(r.Total, r.Currency, lang));
        if (r.Report is { Status: ReportStatus.Paid } report) text += "\n" + InvoicingTexts.ReportPaidLine.In(lang, report.Number, report.Lines.Count);
        context.Reply(text);
    }
}

public static class InvoicingHandlers
{
    public static IServiceCollection AddInvoicingHandlers(this IServiceCollection services) => services
        .AddScoped<ICommandHandler, PaidCommand>();
}
