using System.Globalization;

namespace BotPlatform.Core.Common;

/// <summary>Amounts as people type them: "150 000,50", "$1,200.00", "1.200,50 EUR", "руб 500", "100usd".</summary>
public static class AmountInput
{
    public const decimal Max = 1_000_000_000_000m;

    private static readonly string[] BelarusianRubles = ["руб", "руб.", "рубль", "рубля", "рублей"];

    // Longest first, so "руб." wins over "руб" and "р.", and "бел. руб" over "руб".
    private static readonly (string Word, string Currency)[] Vocabulary = new Dictionary<string, string[]>
    {
        ["RUB"] = ["₽", "р", "р.", "руб", "руб.", "рубль", "рубля", "рублей", "rub"],
        ["USD"] = ["$", "usd", "долл", "долл.", "доллар", "доллара", "долларов"],
        ["EUR"] = ["€", "eur", "евро"],
        ["BYN"] = ["byn", "br", .. BelarusianRubles.SelectMany(r => new[] { "бел. " + r, "бел." + r, "бел " + r })],
        ["KZT"] = ["₸", "kzt", "тенге"],
        ["GBP"] = ["£", "gbp"],
    }
        .SelectMany(currency => currency.Value.Select(word => (word, currency.Key)))
        .OrderByDescending(entry => entry.word.Length)
        .ToArray();

    /// <summary>
    /// Reads an amount and its currency; without a currency in the text, <paramref name="defaultCurrency"/>.
    /// With both ',' and '.', the last is the decimal point. One kind alone is grouping when it repeats
    /// ("1.200.000") or stands between one to three digits and exactly three ("1,200"); otherwise it is the
    /// decimal point ("1,5", "0,125", "150 000.50").
    /// </summary>
    public static Result<Money> Parse(string? text, string defaultCurrency)
    {
        var fallback = Money.IsoCode(defaultCurrency);
        if (string.IsNullOrWhiteSpace(text)) return Result<Money>.Fail(AmountProblems.Empty);
        var original = text.Trim();
        var s = Normalize(original);
        var first = s.AsSpan().IndexOfAnyInRange('0', '9');
        if (first < 0) return Result<Money>.Fail(AmountProblems.NotNumber, original);
        var last = s.AsSpan().LastIndexOfAnyInRange('0', '9');

        var prefix = s[..first];
        var signAt = prefix.IndexOfAny(['-', '+']);
        var negative = signAt >= 0 && prefix[signAt] == '-';
        if (signAt >= 0) prefix = prefix.Remove(signAt, 1);

        List<string> currencies = [];
        if (!TryReadCurrencies(prefix, currencies) || !TryReadCurrencies(s[(last + 1)..], currencies)
            || !TryReadNumber(s[first..(last + 1)], out var whole, out var fraction))
            return Result<Money>.Fail(AmountProblems.NotNumber, original);
        if (currencies.Count > 1) return Result<Money>.Fail(AmountProblems.CurrencyConflict, currencies[0], currencies[1]);
        if ((whole + fraction).All(c => c == '0')) return Result<Money>.Fail(AmountProblems.Zero);
        if (negative) return Result<Money>.Fail(AmountProblems.Negative);
        if (fraction.Length > 2) return Result<Money>.Fail(AmountProblems.Precision);

        var digits = fraction.Length == 0 ? whole : $"{whole}.{fraction}";
        if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount > Max)
            return Result<Money>.Fail(AmountProblems.TooLarge);
        return Result<Money>.Ok(new Money(amount, currencies.Count == 1 ? currencies[0] : fallback));
    }

    /// <summary>Lower case, every kind of space (no-break, thin...) a single ' ', minus signs and dashes '-'.</summary>
    private static string Normalize(string text)
    {
        var chars = text.ToLowerInvariant()
            .Select(c => char.IsWhiteSpace(c) ? ' ' : c is '\u2212' or '\u2013' ? '-' : c)
            .ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static bool TryReadCurrencies(string part, List<string> currencies)
    {
        for (var at = 0; at < part.Length;)
        {
            if (part[at] == ' ')
            {
                at++;
                continue;
            }
            var (word, currency) = Vocabulary.FirstOrDefault(entry => IsWordAt(part, at, entry.Word));
            if (word is null) return false;
            if (!currencies.Contains(currency)) currencies.Add(currency);
            at += word.Length;
        }
        return true;
    }

    private static bool IsWordAt(string text, int at, string word)
    {
        if (!text.AsSpan(at).StartsWith(word, StringComparison.Ordinal)) return false;
        var end = at + word.Length;
        return end == text.Length || !char.IsLetter(word[^1]) || !char.IsLetter(text[end]);
    }

    /// <summary>Splits "1.200,50" into "1200" and "50"; the text starts and ends with a digit.</summary>
    private static bool TryReadNumber(string number, out string whole, out string fraction)
    {
        var point = DecimalPoint(number);
        fraction = point < 0 ? "" : number[(point + 1)..];
        whole = "";
        return fraction.All(char.IsAsciiDigit) && TryReadGroups(point < 0 ? number : number[..point], out whole);
    }

    private static int DecimalPoint(string number)
    {
        var comma = number.LastIndexOf(',');
        var dot = number.LastIndexOf('.');
        var at = Math.Max(comma, dot);
        if (at < 0 || (comma >= 0 && dot >= 0)) return at;
        if (number.IndexOf(number[at]) != at) return -1;
        var head = number[..at];
        var isGrouping = number.Length - at - 1 == 3 && head.Length <= 3 && head[0] != '0' && head.All(char.IsAsciiDigit);
        return isGrouping ? -1 : at;
    }

    /// <summary>"1 250 000", "1,250,000" or "1250000": one kind of separator, groups of three after the first.</summary>
    private static bool TryReadGroups(string integer, out string whole)
    {
        whole = integer;
        var separators = integer.Where(c => !char.IsAsciiDigit(c)).Distinct().ToArray();
        if (separators.Length == 0) return true;
        if (separators.Length > 1 || separators[0] is not (' ' or ',' or '.')) return false;
        var groups = integer.Split(separators[0]);
        whole = string.Concat(groups);
        return groups[0].Length <= 3 && groups.Skip(1).All(group => group.Length == 3);
    }
}

public static class AmountProblems
{
    public const string Empty = "amount.empty";
    public const string NotNumber = "amount.not_number";
    public const string Zero = "amount.zero";
    public const string Negative = "amount.negative";
    public const string Precision = "amount.precision";
    public const string TooLarge = "amount.too_large";
    public const string CurrencyConflict = "amount.currency_conflict";
}
