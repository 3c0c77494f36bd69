using BotPlatform.Core.Documents;

namespace BotPlatform.Tests.Documents;

public sealed class SumInWordsTests
{
    [Theory]
    [InlineData("1", "Один рубль 00 копеек")]
    [InlineData("2", "Два рубля 00 копеек")]
    [InlineData("5", "Пять рублей 00 копеек")]
    [InlineData("11", "Одиннадцать рублей 00 копеек")]
    [InlineData("21", "Двадцать один рубль 00 копеек")]
    [InlineData("1001", "Одна тысяча один рубль 00 копеек")]
    [InlineData("2000", "Две тысячи рублей 00 копеек")]
    [InlineData("21000", "Двадцать одна тысяча рублей 00 копеек")]
    [InlineData("1000000", "Один миллион рублей 00 копеек")]
    [InlineData("120000", "Сто двадцать тысяч рублей 00 копеек")]
    [InlineData("120000.5", "Сто двадцать тысяч рублей 50 копеек")]
    [InlineData("0.01", "Ноль рублей 01 копейка")]
    [InlineData("3.22", "Три рубля 22 копейки")]
    [InlineData("144000", "Сто сорок четыре тысячи рублей 00 копеек")]
    public void Rubles_agree_with_the_number(string amount, string expected)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, SumInWords.Russian(value));
    }

    [Fact]
    public void Kopecks_beyond_two_digits_are_rounded_half_away_from_zero() =>
        Assert.Equal("Десять рублей 01 копейка", SumInWords.Russian(10.005m));
}
