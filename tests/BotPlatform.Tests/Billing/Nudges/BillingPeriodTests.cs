using BotPlatform.Core.Billing.Nudges;

namespace BotPlatform.Tests.Billing.Nudges;

/// <summary>Billing periods: months added to the anchor (so the 31st survives short months), weeks, dates before the first period, and how periods are typed.</summary>
public sealed class BillingPeriodTests
{
    private static BillingPeriod Period(BillingUnit unit, int every, int year, int month, int day) =>
        new() { Unit = unit, Every = every, Anchor = new DateOnly(year, month, day) };

    [Theory]
    [InlineData(2026, 2, 27, 2026, 1, 31, 2026, 2, 28)]
    [InlineData(2026, 2, 28, 2026, 2, 28, 2026, 3, 31)]
    [InlineData(2026, 3, 31, 2026, 3, 31, 2026, 4, 30)]
    [InlineData(2025, 12, 1, 2026, 1, 31, 2026, 2, 28)]
    public void A_monthly_period_anchored_on_the_31st_keeps_the_months_last_day(int y, int m, int d, int sy, int sm, int sd, int ey, int em, int ed)
    {
        var period = Period(BillingUnit.Month, 1, 2026, 1, 31);

        Assert.Equal((new DateOnly(sy, sm, sd), new DateOnly(ey, em, ed)), period.Containing(new DateOnly(y, m, d)));
    }

    [Fact]
    public void Quarters_and_fortnights_follow_their_anchor()
    {
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2027, 1, 1)), Period(BillingUnit.Month, 3, 2026, 1, 1).Containing(new DateOnly(2026, 12, 31)));
        Assert.Equal((new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 14)), Period(BillingUnit.Week, 2, 2026, 11, 2).Containing(new DateOnly(2026, 12, 13)));
        Assert.Equal((new DateOnly(2026, 12, 14), new DateOnly(2026, 12, 28)), Period(BillingUnit.Week, 2, 2026, 11, 2).Containing(new DateOnly(2026, 12, 14)));
    }

    [Theory]
    [InlineData("monthly", BillingUnit.Month, 1)]
    [InlineData("Ежемесячно", BillingUnit.Month, 1)]
    [InlineData("quarterly", BillingUnit.Month, 3)]
    [InlineData("2m", BillingUnit.Month, 2)]
    [InlineData("12м", BillingUnit.Month, 12)]
    [InlineData("2w", BillingUnit.Week, 2)]
    [InlineData("26н", BillingUnit.Week, 26)]
    public void Periods_are_typed_in_english_or_russian(string text, BillingUnit unit, int every)
    {
        Assert.True(BillingPeriodSpec.TryParse(text, out var u, out var e));
        Assert.Equal((unit, every), (u, e));
    }

    [Theory]
    [InlineData("")]
    [InlineData("weekly")]
    [InlineData("0m")]
    [InlineData("13m")]
    [InlineData("1w")]
    [InlineData("27w")]
    [InlineData("-2m")]
    public void Odd_periods_are_refused(string text) => Assert.False(BillingPeriodSpec.TryParse(text, out _, out _));

    [Fact]
    public void Without_a_start_months_begin_on_the_1st_quarters_on_the_quarters_first_day_and_weeks_on_monday()
    {
        var friday = new DateOnly(2026, 11, 20);

        Assert.Equal(new DateOnly(2026, 11, 1), BillingPeriodSpec.DefaultAnchor(BillingUnit.Month, 1, friday));
        Assert.Equal(new DateOnly(2026, 10, 1), BillingPeriodSpec.DefaultAnchor(BillingUnit.Month, 3, friday));
        Assert.Equal(new DateOnly(2026, 11, 16), BillingPeriodSpec.DefaultAnchor(BillingUnit.Week, 2, friday));
    }
}
