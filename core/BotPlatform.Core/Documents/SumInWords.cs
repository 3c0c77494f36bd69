using System.Globalization;
using Humanizer;

namespace BotPlatform.Core.Documents;

/// <summary>
/// An amount in words for Russian documents: "Сто двадцать тысяч рублей 00 копеек". Humanizer's Russian
/// converter spells the number (thousands feminine: "одна тысяча", "две тысячи"); the currency noun
/// agrees with the last two digits.
/// </summary>
public static class SumInWords
{
    private static readonly CultureInfo RussianCulture = CultureInfo.GetCultureInfo("ru-RU");

    private static readonly Dictionary<string, (string One, string Few, string Many, GrammaticalGender Gender, string Minor)> Currencies = new()
    {
        ["RUB"] = ("рубль", "рубля", "рублей", GrammaticalGender.Masculine, "копеек|копейка|копейки"),
        ["BYN"] = ("белорусский рубль", "белорусских рубля", "белорусских рублей", GrammaticalGender.Masculine, "копеек|копейка|копейки"),
        ["USD"] = ("доллар США", "доллара США", "долларов США", GrammaticalGender.Masculine, "центов|цент|цента"),
        ["EUR"] = ("евро", "евро", "евро", GrammaticalGender.Neuter, "центов|цент|цента"),
    };

    public static string Russian(decimal amount, string currency = "RUB")
    {
        if (amount < 0) throw new ArgumentOutOfRangeException(nameof(amount), "A document total is never negative");
        var rounded = Math.Round(amount, 2, MidpointRounding.AwayFromZero);
        var whole = (long)decimal.Truncate(rounded);
        var minor = (int)((rounded - whole) * 100);
        var (one, few, many, gender, minorForms) = Currencies.GetValueOrDefault(currency.ToUpperInvariant(), Currencies["RUB"]);
        var words = whole.ToWords(gender, RussianCulture);
        var minorNames = minorForms.Split('|');
        var text = $"{words} {Plural(whole, one, few, many)} {minor:00} {Plural(minor, minorNames[1], minorNames[2], minorNames[0])}";
        return char.ToUpper(text[0], RussianCulture) + text[1..];
    }

    /// <summary>1 рубль, 2 рубля, 5 рублей, 11 рублей, 21 рубль.</summary>
    public static string Plural(long n, string one, string few, string many)
    {
        var lastTwo = n % 100;
        if (lastTwo is >= 11 and <= 14) return many;
        return (n % 10) switch
        {
            1 => one,
            >= 2 and <= 4 => few,
            _ => many,
        };
    }
}
