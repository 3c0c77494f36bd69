using System.Globalization;
using BotPlatform.Core.Common;
using BotPlatform.Core.Localization;

namespace BotPlatform.Tests.Common;

public sealed class MoneyTests
{
    // In the expected texts below an ordinary space stands for the no-break space Money writes.
    private static string Nbsp(string text) => text.Replace(' ', '\u00A0');

    [Theory]
    [InlineData("0.5", "RUB", "0,50 ₽")]
    [InlineData("1000", "RUB", "1 000,00 ₽")]
    [InlineData("1250000", "RUB", "1 250 000,00 ₽")]
    [InlineData("1250000", "USD", "1 250 000,00 $")]
    [InlineData("1000", "EUR", "1 000,00 €")]
    [InlineData("0.5", "BYN", "0,50 Br")]
    [InlineData("1250000", "KZT", "1 250 000,00 ₸")]
    [InlineData("1000", "GBP", "1 000,00 £")]
    [InlineData("1250", "CNY", "1 250,00 CNY")]
    [InlineData("999.999", "RUB", "1 000,00 ₽")]
    public void Russian_puts_the_symbol_after_a_comma_decimal_number(string amount, string currency, string expected)
    {
        Assert.Equal(Nbsp(expected), new Money(decimal.Parse(amount, CultureInfo.InvariantCulture), currency).Format(Lang.Ru));
    }

    [Theory]
    [InlineData("0.5", "RUB", "₽0.50")]
    [InlineData("1000", "RUB", "₽1,000.00")]
    [InlineData("1250000", "RUB", "₽1,250,000.00")]
    [InlineData("0.5", "USD", "$0.50")]
    [InlineData("1250000", "EUR", "€1,250,000.00")]
    [InlineData("1000", "BYN", "Br 1,000.00")]
    [InlineData("1000", "KZT", "₸1,000.00")]
    [InlineData("1250000", "GBP", "£1,250,000.00")]
    [InlineData("1250", "CNY", "CNY 1,250.00")]
    public void English_puts_the_symbol_before_a_point_decimal_number(string amount, string currency, string expected)
    {
        Assert.Equal(Nbsp(expected), new Money(decimal.Parse(amount, CultureInfo.InvariantCulture), currency).Format(Lang.En));
    }

    [Fact]
    public void Russian_groups_with_no_break_spaces_only()
    {
        Assert.Equal("1\u00A0250\u00A0000,00\u00A0₽", new Money(1_250_000m, "RUB").Format(Lang.Ru));
    }

    [Theory]
    [InlineData(Lang.Ru, "-1 000,50 ₽")]
    [InlineData(Lang.En, "-₽1,000.50")]
    public void A_negative_amount_is_written_with_a_leading_minus(Lang lang, string expected)
    {
        Assert.Equal(Nbsp(expected), new Money(-1000.5m, "RUB").Format(lang));
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("ru-RU")]
    [InlineData("de-CH")]
    [InlineData("")]
    public void The_machine_culture_does_not_change_the_output(string culture)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Equal(Nbsp("1 250 000,50 ₽"), new Money(1_250_000.5m, "RUB").Format(Lang.Ru));
            Assert.Equal("$1,250,000.50", new Money(1_250_000.5m, "USD").Format(Lang.En));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void The_currency_code_is_kept_in_upper_case()
    {
        var money = new Money(10m, " usd ");

        Assert.Equal("USD", money.Currency);
        Assert.Equal("EUR", (money with { Currency = "eur" }).Currency);
        Assert.Equal(new Money(10m, "USD"), money);
    }

    [Theory]
    [InlineData("")]
    [InlineData("RU")]
    [InlineData("RUBL")]
    [InlineData("₽")]
    public void A_currency_that_is_not_an_iso_code_is_refused(string currency)
    {
        Assert.Throws<ArgumentException>(() => new Money(10m, currency));
    }

    [Fact]
    public void A_default_money_formats_without_throwing()
    {
        Assert.StartsWith("0,00", default(Money).Format(Lang.Ru));
        Assert.Equal("0.00", default(Money).Format(Lang.En));
    }
}
