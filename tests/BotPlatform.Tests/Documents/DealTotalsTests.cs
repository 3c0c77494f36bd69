using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Deals;

namespace BotPlatform.Tests.Documents;

public sealed class DealTotalsTests
{
    private static readonly DealLine[] Lines =
    [
        new() { Quantity = 2, Price = 120_000m },
        new() { Quantity = 1.5m, Price = 3_333.33m },
    ];

    [Fact]
    public void Vat_on_top_is_the_rate_of_the_net_sum_rounded_to_kopecks()
    {
        var totals = DealTotals.Of(Lines, VatMode.OnTop, 22m);

        Assert.Equal([240_000.00m, 5_000.00m], totals.LineSums); // 4 999.995 rounds half away from zero
        Assert.Equal((245_000.00m, 53_900.00m, 298_900.00m), (totals.Net, totals.Vat, totals.Total));
    }

    [Fact]
    public void Vat_included_is_extracted_from_the_total()
    {
        var totals = DealTotals.Of([new DealLine { Quantity = 1, Price = 120_000m }], VatMode.Included, 20m);

        Assert.Equal((100_000.00m, 20_000.00m, 120_000.00m), (totals.Net, totals.Vat, totals.Total));
    }

    [Fact]
    public void Vat_included_at_22_percent_rounds_the_vat_and_keeps_net_plus_vat_equal_to_the_total()
    {
        var totals = DealTotals.Of([new DealLine { Quantity = 3, Price = 1_000m }], VatMode.Included, 22m);

        Assert.Equal((2_459.02m, 540.98m, 3_000m), (totals.Net, totals.Vat, totals.Total));
    }

    [Fact]
    public void Without_vat_the_total_is_the_sum_and_the_rate_is_zero()
    {
        var totals = DealTotals.Of(Lines, VatMode.None, 22m);

        Assert.Equal((245_000.00m, 0m, 245_000.00m, 0m), (totals.Net, totals.Vat, totals.Total, totals.Rate));
    }
}
