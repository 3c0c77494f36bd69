using BotPlatform.Core.Documents.Templates;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Generation;

namespace BotPlatform.Tests.Documents;

public sealed class DocumentModelsTests
{
    [Theory]
    [InlineData("Иванов Иван Иванович", "Иванов И. И.")]
    [InlineData("Смирнов Андрей", "Смирнов А.")]
    [InlineData("Мадонна", "Мадонна")]
    public void A_signatory_is_shortened_to_initials(string full, string expected) => Assert.Equal(expected, TemplateFormats.ShortName(full));

    [Fact]
    public void The_long_date_uses_the_genitive_month() =>
        Assert.Equal("«05» марта 2026 г.", TemplateFormats.LongDate(new DateOnly(2026, 3, 5)));

    [Fact]
    public void Amounts_group_thousands_with_no_break_spaces_and_a_decimal_comma() =>
        Assert.Equal("1\u00A0250\u00A0000,50", TemplateFormats.Amount(1_250_000.5m));

    [Fact]
    public void Vat_included_is_taken_out_of_the_total_and_the_words_follow_the_total()
    {
        var totals = DocumentModels.Totals([new DealLine { Quantity = 1, Price = 120_000m }], VatMode.Included, 20m, "RUB");

        Assert.Equal(("100\u00A0000,00", "20\u00A0000,00", "120\u00A0000,00"), (totals.Net, totals.Vat, totals.Total));
        Assert.Equal("В том числе НДС 20%", totals.VatLabel);
        Assert.Equal("Сто двадцать тысяч рублей 00 копеек", totals.TotalInWords);
    }

    [Fact]
    public void Vat_on_top_is_added_to_the_net_sum()
    {
        var totals = DocumentModels.Totals([new DealLine { Quantity = 3, Price = 33_333.33m }], VatMode.OnTop, 22m, "RUB");

        Assert.Equal(("99\u00A0999,99", "22\u00A0000,00", "121\u00A0999,99"), (totals.Net, totals.Vat, totals.Total));
        Assert.Equal("Сто двадцать одна тысяча девятьсот девяносто девять рублей 99 копеек", totals.TotalInWords);
    }

    [Fact]
    public void Fractional_quantities_keep_their_decimals() => Assert.Equal("1,5", DocumentModels.Quantity(1.5m));
}
