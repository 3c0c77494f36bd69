namespace BotPlatform.Core.Documents.Deals;

/// <summary>
/// A deal's sums in its currency, rounded to kopecks (half away from zero, as Russian accounting rounds):
/// each line's sum, the net amount, the VAT and the total to pay. With VAT on top the VAT is the rate
/// of the net sum; with VAT included it is total × rate / (100 + rate); without VAT it is zero.
/// </summary>
public sealed record DealTotals(IReadOnlyList<decimal> LineSums, decimal Net, decimal Vat, decimal Total, VatMode Mode, decimal Rate)
{
    public static DealTotals Of(Deal deal) => Of(deal.Lines, deal.Vat, deal.VatRate);

    public static DealTotals Of(IReadOnlyList<DealLine> lines, VatMode mode, decimal rate)
    {
        var sums = lines.Select(l => Kopecks(l.Quantity * l.Price)).ToList();
        var sum = sums.Sum();
        return mode switch
        {
            VatMode.OnTop => new DealTotals(sums, sum, Kopecks(sum * rate / 100m), sum + Kopecks(sum * rate / 100m), mode, rate),
            VatMode.Included => new DealTotals(sums, sum - Kopecks(sum * rate / (100m + rate)), Kopecks(sum * rate / (100m + rate)), sum, mode, rate),
            _ => new DealTotals(sums, sum, 0m, sum, VatMode.None, 0m),
        };
    }

    public static decimal Kopecks(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
