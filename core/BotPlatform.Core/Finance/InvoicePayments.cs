namespace BotPlatform.Core.Finance;

/// <summary>
/// One payment recorded against an invoice in the registry (a partial payment is one of several).
/// <see cref="Settled"/> is true when the payments so far cover the invoice's total.
/// </summary>
public sealed record InvoicePayment(
    long DocumentId,
    string InvoiceNumber,
    long? ClientId,
    long? DealId,
    long? ProjectId,
    decimal Amount,
    string Currency,
    DateOnly PaidOn,
    long RecordedBy,
    bool Settled);

/// <summary>
/// Told of every payment recorded against an invoice, inside the same unit of work as the payment
/// itself (so, e.g., the income entry and the report turning Paid commit together or not at all).
/// Register any number of handlers; they run in registration order.
/// </summary>
public interface IInvoicePaymentHandler
{
    Task OnPaidAsync(InvoicePayment payment, CancellationToken cancellationToken);
}
