using System.Text.RegularExpressions;
using BotPlatform.Core.Common;

namespace BotPlatform.Core.Documents.Clients;

/// <summary>
/// The official checks of Russian and Belarusian requisites. Each takes what a person typed (spaces and
/// dashes allowed) and returns the normalised value or the problem to show.
/// </summary>
public static partial class RequisiteChecks
{
    private static readonly int[] Inn10Weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] Inn11Weights = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] Inn12Weights = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] AccountWeights = [7, 1, 3];
    private static readonly int[] UnpWeights = [29, 23, 19, 17, 13, 7, 5, 3];
    private const string UnpLetters = "ABCEHKMOPT";

    /// <summary>ИНН: 10 digits (a company) or 12 (a sole trader), with the tax service's control digits.</summary>
    public static Result<string> Inn(string? text)
    {
        var inn = Compact(text);
        if (!AllDigits(inn) || inn.Length is not (10 or 12)) return Result<string>.Fail(ClientProblems.InnFormat, Shown(text));
        var valid = inn.Length == 10
            ? Control(inn, Inn10Weights) == inn[9] - '0'
            : Control(inn, Inn11Weights) == inn[10] - '0' && Control(inn, Inn12Weights) == inn[11] - '0';
        return valid ? Result<string>.Ok(inn) : Result<string>.Fail(ClientProblems.InnChecksum, inn);
    }

    /// <summary>КПП: 4 digits (tax office), 2 digits or capital latin letters (reason), 3 digits.</summary>
    public static Result<string> Kpp(string? text)
    {
        var kpp = Compact(text).ToUpperInvariant();
        return KppPattern().IsMatch(kpp) ? Result<string>.Ok(kpp) : Result<string>.Fail(ClientProblems.KppFormat, Shown(text));
    }

    /// <summary>ОГРН (13 digits) or ОГРНИП (15 digits) with its control digit.</summary>
    public static Result<string> Ogrn(string? text)
    {
        var ogrn = Compact(text);
        if (!AllDigits(ogrn) || ogrn.Length is not (13 or 15)) return Result<string>.Fail(ClientProblems.OgrnFormat, Shown(text));
        var body = decimal.Parse(ogrn[..^1], System.Globalization.CultureInfo.InvariantCulture);
        var control = (int)(body % (ogrn.Length == 13 ? 11 : 13) % 10);
        return control == ogrn[^1] - '0' ? Result<string>.Ok(ogrn) : Result<string>.Fail(ClientProblems.OgrnChecksum, ogrn);
    }

    /// <summary>БИК: 9 digits.</summary>
    public static Result<string> Bik(string? text)
    {
        var bik = Compact(text);
        return AllDigits(bik) && bik.Length == 9 ? Result<string>.Ok(bik) : Result<string>.Fail(ClientProblems.BikFormat, Shown(text));
    }

    /// <summary>
    /// Расчётный счёт: 20 digits whose control key (the 9th digit) matches the bank's БИК: the last three
    /// digits of the БИК and the account, weighted 7-1-3, sum to a multiple of 10. Accounts at a cash
    /// settlement centre of the Bank of Russia (БИК ending 000-002) use "0" and the БИК's 5th-6th digits instead.
    /// </summary>
    public static Result<string> Account(string? text, string bik)
    {
        var account = Compact(text);
        if (!AllDigits(account) || account.Length != 20) return Result<string>.Fail(ClientProblems.AccountFormat, Shown(text));
        var prefix = bik[^3..] is "000" or "001" or "002" ? "0" + bik[4..6] : bik[^3..];
        return KeyMatches(prefix + account) ? Result<string>.Ok(account) : Result<string>.Fail(ClientProblems.AccountKey, account, bik);
    }

    /// <summary>Корреспондентский счёт: 20 digits, 301..., keyed with "0" and the БИК's 5th-6th digits.</summary>
    public static Result<string> CorrespondentAccount(string? text, string bik)
    {
        var account = Compact(text);
        if (!AllDigits(account) || account.Length != 20) return Result<string>.Fail(ClientProblems.CorrespondentFormat, Shown(text));
        return account.StartsWith("301", StringComparison.Ordinal) && KeyMatches("0" + bik[4..6] + account)
            ? Result<string>.Ok(account)
            : Result<string>.Fail(ClientProblems.CorrespondentKey, account, bik);
    }

    /// <summary>
    /// УНП (Belarus): 9 characters, digits for a company (first digit 1-7), or two letters and 7 digits
    /// for a person; the control digit is the weighted sum 29,23,19,17,13,7,5,3 modulo 11 (as in
    /// python-stdnum's by.unp, tested with 200988541).
    /// </summary>
    public static Result<string> Unp(string? text)
    {
        var unp = Compact(text).ToUpperInvariant();
        if (unp.StartsWith("УНП", StringComparison.Ordinal) || unp.StartsWith("UNP", StringComparison.Ordinal)) unp = unp[3..];
        var personal = unp.Length == 9 && UnpLetters.Contains(unp[1]) && "ABCEHKM".Contains(unp[0]);
        if (unp.Length != 9 || !AllDigits(unp[2..]) || !(personal || (AllDigits(unp[..2]) && unp[0] is >= '1' and <= '7')))
            return Result<string>.Fail(ClientProblems.UnpFormat, Shown(text));
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var value = i switch
            {
                0 when personal => unp[0] - 'A' + 10,
                1 when personal => UnpLetters.IndexOf(unp[1], StringComparison.Ordinal),
                _ => unp[i] - '0',
            };
            sum += UnpWeights[i] * value;
        }
        var control = sum % 11;
        return control < 10 && control == unp[8] - '0' ? Result<string>.Ok(unp) : Result<string>.Fail(ClientProblems.UnpChecksum, unp);
    }

    /// <summary>A Russian postcode: 6 digits.</summary>
    public static Result<string> Postcode(string? text)
    {
        var code = Compact(text);
        return AllDigits(code) && code.Length == 6 ? Result<string>.Ok(code) : Result<string>.Fail(ClientProblems.PostcodeFormat, Shown(text));
    }

    /// <summary>A bank's SWIFT code (Belarus): 8 or 11 latin letters and digits.</summary>
    public static Result<string> Swift(string? text)
    {
        var swift = Compact(text).ToUpperInvariant();
        return SwiftPattern().IsMatch(swift) ? Result<string>.Ok(swift) : Result<string>.Fail(ClientProblems.SwiftFormat, Shown(text));
    }

    /// <summary>A Belarusian IBAN: BY, 2 check digits, 24 letters and digits; the ISO 13616 mod-97 check.</summary>
    public static Result<string> Iban(string? text)
    {
        var iban = Compact(text).ToUpperInvariant();
        if (!IbanPattern().IsMatch(iban)) return Result<string>.Fail(ClientProblems.IbanFormat, Shown(text));
        var remainder = 0;
        foreach (var c in iban[4..] + iban[..4])
        {
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
        }
        return remainder == 1 ? Result<string>.Ok(iban) : Result<string>.Fail(ClientProblems.IbanChecksum, iban);
    }

    private static int Control(string digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++) sum += weights[i] * (digits[i] - '0');
        return sum % 11 % 10;
    }

    private static bool KeyMatches(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++) sum += (digits[i] - '0') * AccountWeights[i % 3] % 10;
        return sum % 10 == 0;
    }

    private static string Compact(string? text) => SeparatorPattern().Replace(text ?? "", "");

    private static string Shown(string? text) => (text ?? "").Trim();

    private static bool AllDigits(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);

    [GeneratedRegex(@"[\s\-]+", RegexOptions.CultureInvariant)]
    private static partial Regex SeparatorPattern();

    [GeneratedRegex("^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$", RegexOptions.CultureInvariant)]
    private static partial Regex SwiftPattern();

    [GeneratedRegex("^BY[0-9]{2}[A-Z0-9]{24}$", RegexOptions.CultureInvariant)]
    private static partial Regex IbanPattern();

    [GeneratedRegex("^[0-9]{4}[0-9A-Z]{2}[0-9]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex KppPattern();
}
