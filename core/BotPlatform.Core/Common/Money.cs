using System.Globalization;
using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Common;

/// <summary>An amount in one currency. <see cref="Currency"/> is an ISO 4217 code, always upper case ("RUB").</summary>
public readonly record struct Money(decimal Amount, string Currency)
{
    private const char NoBreakSpace = '\u00A0';

    // Separators are set here, not taken from ru-RU/en-GB: ICU versions and Windows disagree on Russian grouping.
    private static readonly NumberFormatInfo RuNumbers = Numbers(NoBreakSpace.ToString(), ",");
    private static readonly NumberFormatInfo EnNumbers = Numbers(",", ".");

    public string Currency { get; init => field = IsoCode(value); } = IsoCode(Currency);

    /// <summary>
    /// "1 250 000,00 ₽" in Russian, "₽1,250,000.00" in English. Every space is a no-break space, so the
    /// number never wraps apart from its symbol. A currency without a symbol shows its code.
    /// </summary>
    public string Format(Lang lang)
    {
        var sign = Amount < 0 ? "-" : "";
        var symbol = Symbol(Currency);
        if (lang == Lang.Ru)
            return $"{sign}{Math.Abs(Amount).ToString("N2", RuNumbers)}{NoBreakSpace}{symbol}";
        // As in CLDR: a symbol ending in a letter ("Br", "CNY") is kept apart from the digits.
        var gap = symbol is [.., var last] && char.IsLetter(last) ? NoBreakSpace.ToString() : "";
        return $"{sign}{symbol}{gap}{Math.Abs(Amount).ToString("N2", EnNumbers)}";
    }

    internal static string IsoCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var upper = code.Trim().ToUpperInvariant();
        if (upper.Length != 3 || !upper.All(char.IsAsciiLetterUpper))
            throw new ArgumentException($"\"{code}\" is not an ISO 4217 currency code.", nameof(code));
        return upper;
    }

    private static string Symbol(string? currency) => currency switch
    {
        "RUB" => "₽",
        "USD" => "$",
        "EUR" => "€",
        "BYN" => "Br",
        "KZT" => "₸",
        "GBP" => "£",
        _ => currency ?? "",
    };

    private static NumberFormatInfo Numbers(string groupSeparator, string decimalSeparator)
    {
        var numbers = (NumberFormatInfo)NumberFormatInfo.InvariantInfo.Clone();
        numbers.NumberGroupSeparator = groupSeparator;
        numbers.NumberDecimalSeparator = decimalSeparator;
        numbers.NumberGroupSizes = [3];
        return NumberFormatInfo.ReadOnly(numbers);
    }
}
