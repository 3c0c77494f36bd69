using System.Globalization;
using System.Text.RegularExpressions;
using BotPlatform.Core.Audit;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Deals;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Finance;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;

namespace BotPlatform.Core.Billing.Invoicing;

/// <summary>What /paid recorded: the invoice, the payment, and the report it settled (if any).</summary>
public sealed record PaymentRecorded(Document Invoice, InvoicePayment Payment, decimal Total, decimal PaidSoFar, string Currency, BillingReport? Report)
{
    public decimal Outstanding => Total - PaidSoFar;
}

/// <summary>
/// /paid INVOICE [DATE] [AMOUNT]: the accountant records a payment against an invoice in the registry. Partial payments
/// are kept on the invoice; an amount above the balance, an annulled or unknown invoice, a date in the future are refused
/// and change nothing. Inside one unit of work: the payment, the report's move to Paid with every task in it marked paid
/// (<see cref="ReportSettlement"/>, called directly), and every registered <see cref="IInvoicePaymentHandler"/>.
/// The update's key is stored with the payment, so a replayed update records nothing twice.
/// </summary>
public sealed partial class InvoicePaymentDesk(
    IDocumentStore documents,
    IDealStore deals,
    ReportSettlement settlement,
    IEnumerable<IInvoicePaymentHandler> handlers,
    IUnitOfWork unitOfWork,
    IAuditLog audit,
    Organisation organisation,
    TimeProvider time)
{
    public static readonly IReadOnlyList<Role> Accountants = [Role.ChiefAccountant, Role.Accountant];

    public static bool MayRecord(Person person) => person.IsActive && Accountants.Any(person.Has);

    private sealed class Refused(Problem problem) : Exception(problem.ToString())
    {
        public Problem Problem { get; } = problem;
    }

    /// <param name="args">The words after /paid: the invoice's number, then optionally a date, then optionally an amount (which may hold spaces).</param>
    public async Task<Result<PaymentRecorded>> RecordAsync(IReadOnlyList<string> args, Person actor, Outgoing outgoing, CancellationToken ct)
    {
        if (!MayRecord(actor)) return Result<PaymentRecorded>.Fail(InvoicingProblems.NotAllowed);
        if (args.Count == 0) return Result<PaymentRecorded>.Fail(InvoicingProblems.Usage);
        var today = organisation.Calendar.LocalDate(time.GetUtcNow());
        var rest = args.Skip(1).ToList();
        var paidOn = today;
        if (rest.Count > 0 && TryPaymentDate(rest[0], today, out var typed))
        {
            paidOn = typed;
            rest.RemoveAt(0);
        }
        else if (rest.Count > 0 && FullDateShape().IsMatch(rest[0]))
        {
            return Result<PaymentRecorded>.Fail(InvoicingProblems.Date, rest[0]);
        }
        if (paidOn > today) return Result<PaymentRecorded>.Fail(InvoicingProblems.FutureDate, paidOn.ToDateTime(TimeOnly.MinValue));
        var amountText = rest.Count > 0 ? string.Join(' ', rest) : null;
        try
        {
            return await unitOfWork.RunAsync(() => RecordInsideAsync(args[0].Trim(), paidOn, amountText, actor, outgoing, ct), ct);
        }
        catch (Refused refused)
        {
            return Result<PaymentRecorded>.Fail(refused.Problem);
        }
    }

    private async Task<Result<PaymentRecorded>> RecordInsideAsync(string number, DateOnly paidOn, string? amountText, Person actor, Outgoing outgoing, CancellationToken ct)
    {
        if (await documents.FindByNumberAsync(number, ct) is not { Kind: DocumentsDefinition.Invoice } invoice || invoice.DealId is not { } dealId
            || await deals.GetAsync(dealId, ct) is not { } deal)
            return Result<PaymentRecorded>.Fail(InvoicingProblems.UnknownInvoice, number);
        if (!invoice.IsLive) return Result<PaymentRecorded>.Fail(InvoicingProblems.Annulled, invoice.Number);
        var total = DealTotals.Of(deal).Total;
        var paid = invoice.Payments.Sum(p => p.Amount);
        if (invoice.Payments.FirstOrDefault(p => p.Key == outgoing.Key) is { } replayed)
            return Result<PaymentRecorded>.Ok(await FinishAsync(invoice, deal, replayed, total, paid, settle: false, outgoing, ct));
        if (paid >= total) return Result<PaymentRecorded>.Fail(InvoicingProblems.AlreadyPaid, invoice.Number);

        decimal amount = total - paid;
        if (amountText is not null)
        {
            var read = AmountInput.Parse(amountText, deal.Currency);
            if (!read.IsOk) return Result<PaymentRecorded>.Fail(read.Problem!);
            if (read.Value.Currency != Money.IsoCode(deal.Currency)) return Result<PaymentRecorded>.Fail(InvoicingProblems.Currency, deal.Currency, read.Value.Currency);
            amount = read.Value.Amount;
        }
        if (amount <= 0m) return Result<PaymentRecorded>.Fail(InvoicingProblems.Positive);
        if (amount > total - paid)
            return Result<PaymentRecorded>.Fail(InvoicingProblems.Overpayment, Format(amount, deal), invoice.Number, Format(total - paid, deal));

        var now = time.GetUtcNow();
        var payment = new DocumentPayment { Amount = amount, Currency = deal.Currency, PaidOn = paidOn, RecordedBy = actor.Id, RecordedAt = now, Key = outgoing.Key };
        invoice.Payments.Add(payment);
        var entry = invoice.Record(InvoicingActions.PaymentRecorded, now, actor.Id, $"{amount:0.00} {deal.Currency} {paidOn:dd.MM.yyyy}");
        if (!await documents.TryUpdateAsync(invoice, ct)) throw new Refused(new Problem(BillingProblems.Stale));
        await audit.AppendAsync(new AuditEntry { Subject = invoice.Subject, Action = entry.Action, ActorId = actor.Id, At = now, Reason = entry.Reason }, ct);
        return Result<PaymentRecorded>.Ok(await FinishAsync(invoice, deal, payment, total, paid + amount, settle: true, outgoing, ct));
    }

    private async Task<PaymentRecorded> FinishAsync(Document invoice, Deal deal, DocumentPayment payment, decimal total, decimal paidSoFar, bool settle,
        Outgoing outgoing, CancellationToken ct)
    {
        var report = await settlement.ReportOfAsync(invoice, ct);
        var recorded = new InvoicePayment(invoice.Id, invoice.Number, invoice.ClientId, deal.Id, report?.ProjectIds.FirstOrDefault(), payment.Amount,
            payment.Currency, payment.PaidOn, payment.RecordedBy, paidSoFar >= total);
        if (settle)
        {
            report = await settlement.SettleAsync(report, recorded, total - paidSoFar, outgoing, ct);
            foreach (var handler in handlers) await handler.OnPaidAsync(recorded, ct);
        }
        return new PaymentRecorded(invoice, recorded, total, paidSoFar, deal.Currency, report);
    }

    /// <summary>
    /// A payment's date as accountants type it: "05.12.2026", "05.12" (this year, last year if that is still ahead),
    /// "2026-12-05", «сегодня», «вчера». A word shaped like a date that is no real date ("10.50") is left to the amount.
    /// </summary>
    public static bool TryPaymentDate(string word, DateOnly today, out DateOnly date)
    {
        date = default;
        switch (word.Trim().ToLowerInvariant())
        {
            case "сегодня" or "today":
                date = today;
                return true;
            case "вчера" or "yesterday":
                date = today.AddDays(-1);
                return true;
            case "позавчера":
                date = today.AddDays(-2);
                return true;
        }
        if (DateShape().IsMatch(word) && DateOnly.TryParseExact(word + "." + today.Year, "d.M.yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            if (date > today) date = date.AddYears(-1);
            return true;
        }
        return FullDateShape().IsMatch(word) && DateInput.TryParse(word, today, out date);
    }

    [GeneratedRegex(@"^\d{1,2}\.\d{1,2}$")]
    private static partial Regex DateShape();

    [GeneratedRegex(@"^(\d{1,2}\.\d{1,2}\.(\d{2}|\d{4})|\d{4}-\d{1,2}-\d{1,2})$")]
    private static partial Regex FullDateShape();

    private string Format(decimal amount, Deal deal) => ReportCard.Money(amount, deal.Currency, organisation.DefaultLanguage);
}
