using System.Globalization;
using BotPlatform.Core.Common;
using BotPlatform.Core.Localization;

namespace BotPlatform.Tests.Common;

public sealed class AmountInputTests
{
    [Theory]
    [InlineData("150000", "150000", "RUB")]
    [InlineData("150 000,50", "150000.50", "RUB")]
    [InlineData("150 000.50 руб", "150000.50", "RUB")]
    [InlineData("$1,200.00", "1200", "USD")]
    [InlineData("1 200 €", "1200", "EUR")]
    [InlineData("100 USD", "100", "USD")]
    [InlineData("100usd", "100", "USD")]
    [InlineData("1.200,50 EUR", "1200.50", "EUR")]
    [InlineData("150000 р.", "150000", "RUB")]
    [InlineData("150 000 ₽", "150000", "RUB")]
    [InlineData("руб 500", "500", "RUB")]
    [InlineData("1 250 000,00 ₽", "1250000", "RUB")]
    [InlineData("  42  ", "42", "RUB")]
    [InlineData("+42", "42", "RUB")]
    [InlineData("0,5", "0.5", "RUB")]
    [InlineData("1000000000000", "1000000000000", "RUB")]
    [InlineData("0000000000000000000000000000000000000150", "150", "RUB")]
    public void Understands_the_forms_people_type(string text, string amount, string currency)
    {
        Assert.Equal(Ok(amount, currency), AmountInput.Parse(text, "RUB").Value);
    }

    [Theory]
    [InlineData("1\u00A0250\u00A0000,00\u00A0₽")]
    [InlineData("1\u2009250\u2009000,00 ₽")]
    [InlineData("1\u202F250\u202F000,00 ₽")]
    [InlineData("1 250  000,00\t₽")]
    public void No_break_and_thin_spaces_group_digits_like_ordinary_ones(string text)
    {
        Assert.Equal(Ok("1250000", "RUB"), AmountInput.Parse(text, "RUB").Value);
    }

    [Theory]
    [InlineData("1,200", "1200")]
    [InlineData("100,555", "100555")]
    [InlineData("1.200", "1200")]
    [InlineData("1.200.000", "1200000")]
    [InlineData("1,200,000", "1200000")]
    [InlineData("1,200,000.5", "1200000.5")]
    [InlineData("1.200.000,05", "1200000.05")]
    [InlineData("1,5", "1.5")]
    [InlineData("1.50", "1.5")]
    [InlineData("1200,5", "1200.5")]
    [InlineData("150 000.50", "150000.50")]
    public void Reads_the_last_of_two_separators_or_one_before_one_or_two_digits_as_the_decimal_point(string text, string amount)
    {
        Assert.Equal(Ok(amount, "RUB"), AmountInput.Parse(text, "RUB").Value);
    }

    [Theory]
    [InlineData("100 ₽", "RUB")]
    [InlineData("100 р", "RUB")]
    [InlineData("100 руб.", "RUB")]
    [InlineData("100 рублей", "RUB")]
    [InlineData("100 рубля", "RUB")]
    [InlineData("100 rub", "RUB")]
    [InlineData("RUB 100", "RUB")]
    [InlineData("100 $", "USD")]
    [InlineData("100 долл.", "USD")]
    [InlineData("100 доллар", "USD")]
    [InlineData("100 долларов", "USD")]
    [InlineData("$100 USD", "USD")]
    [InlineData("100 eur", "EUR")]
    [InlineData("100 евро", "EUR")]
    [InlineData("€100", "EUR")]
    [InlineData("100 BYN", "BYN")]
    [InlineData("100 бел. руб", "BYN")]
    [InlineData("100 бел. рублей", "BYN")]
    [InlineData("100 бел.руб.", "BYN")]
    [InlineData("100 Br", "BYN")]
    [InlineData("100 ₸", "KZT")]
    [InlineData("100 kzt", "KZT")]
    [InlineData("100 тенге", "KZT")]
    [InlineData("£100", "GBP")]
    public void Knows_each_currency_by_its_symbol_code_and_russian_name(string text, string currency)
    {
        Assert.Equal(Ok("100", currency), AmountInput.Parse(text, "CNY").Value);
    }

    [Theory]
    [InlineData("RUB")]
    [InlineData("usd")]
    public void Without_a_currency_in_the_text_the_default_one_is_used(string defaultCurrency)
    {
        Assert.Equal(defaultCurrency.ToUpperInvariant(), AmountInput.Parse("100", defaultCurrency).Value.Currency);
    }

    [Theory]
    [InlineData(null, AmountProblems.Empty)]
    [InlineData("", AmountProblems.Empty)]
    [InlineData(" \u00A0 ", AmountProblems.Empty)]
    [InlineData("abc", AmountProblems.NotNumber)]
    [InlineData("12a", AmountProblems.NotNumber)]
    [InlineData("12a5", AmountProblems.NotNumber)]
    [InlineData("руб", AmountProblems.NotNumber)]
    [InlineData("100 200 300,5,5", AmountProblems.NotNumber)]
    [InlineData("100 руб 200", AmountProblems.NotNumber)]
    [InlineData("1 2", AmountProblems.NotNumber)]
    [InlineData("1.2.3", AmountProblems.NotNumber)]
    [InlineData("1,20,000", AmountProblems.NotNumber)]
    [InlineData("1 200,000.50", AmountProblems.NotNumber)]
    [InlineData("--100", AmountProblems.NotNumber)]
    [InlineData("100-", AmountProblems.NotNumber)]
    [InlineData(",50", AmountProblems.NotNumber)]
    [InlineData("100 рублики", AmountProblems.NotNumber)]
    [InlineData("0", AmountProblems.Zero)]
    [InlineData("0,00 ₽", AmountProblems.Zero)]
    [InlineData("0.000", AmountProblems.Zero)]
    [InlineData("-100", AmountProblems.Negative)]
    [InlineData("\u2212100", AmountProblems.Negative)]
    [InlineData("-$100", AmountProblems.Negative)]
    [InlineData("- 1 200,50 руб", AmountProblems.Negative)]
    [InlineData("1234,555", AmountProblems.Precision)]
    [InlineData("0.125", AmountProblems.Precision)]
    [InlineData("1 200,000", AmountProblems.Precision)]
    [InlineData("1.2345", AmountProblems.Precision)]
    [InlineData("1000000000000,01", AmountProblems.TooLarge)]
    [InlineData("1 000 000 000 001", AmountProblems.TooLarge)]
    [InlineData("99999999999999999999999999999999999999", AmountProblems.TooLarge)]
    [InlineData("$100 руб", AmountProblems.CurrencyConflict)]
    [InlineData("100 EUR USD", AmountProblems.CurrencyConflict)]
    public void Refuses_what_is_not_a_usable_amount_with_a_reason(string? text, string code)
    {
        var result = AmountInput.Parse(text, "RUB");

        Assert.False(result.IsOk);
        Assert.Equal(code, result.Problem!.Code);
    }

    [Fact]
    public void A_text_that_is_not_a_number_is_quoted_back_trimmed()
    {
        Assert.Equal(["12a"], AmountInput.Parse(" 12a ", "RUB").Problem!.Args);
    }

    [Fact]
    public void A_currency_conflict_names_both_currencies()
    {
        Assert.Equal(["USD", "RUB"], AmountInput.Parse("$100 руб", "RUB").Problem!.Args);
    }

    [Fact]
    public void A_default_currency_that_is_not_an_iso_code_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => AmountInput.Parse("100", "рубли"));
    }

    [Theory]
    [InlineData("RUB", Lang.Ru)]
    [InlineData("USD", Lang.En)]
    [InlineData("EUR", Lang.Ru)]
    [InlineData("BYN", Lang.En)]
    [InlineData("KZT", Lang.Ru)]
    [InlineData("GBP", Lang.En)]
    public void Reads_back_what_money_writes(string currency, Lang lang)
    {
        var money = new Money(1_250_000.5m, currency);

        Assert.Equal(money, AmountInput.Parse(money.Format(lang), "RUB").Value);
    }

    [Fact]
    public void Every_problem_has_a_russian_and_an_english_text()
    {
        var codes = typeof(AmountProblems).GetFields().Select(field => (string)field.GetValue(null)!);

        Assert.All(codes, code => Assert.True(AmountTexts.Problems.ContainsKey(code), code));
        Assert.All(AmountTexts.Problems.Values, text => Assert.False(string.IsNullOrWhiteSpace(text.Ru) || string.IsNullOrWhiteSpace(text.En)));
    }

    private static Money Ok(string amount, string currency) =>
        new(decimal.Parse(amount, CultureInfo.InvariantCulture), currency);
}
