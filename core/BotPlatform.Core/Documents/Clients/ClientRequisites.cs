using System.Net.Mail;
using BotPlatform.Core.Common;
using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Documents.Clients;

/// <summary>
/// Whether a client's requisites are complete and valid for the documents: everything a contract's
/// signature block, an invoice and an envelope label need. Russia: name, ИНН, КПП (companies, not sole
/// traders), addresses, postcode, bank (name, БИК, р/с, к/с), signatory, position, basis; ОГРН, e-mail
/// and phone are optional. Belarus: УНП instead of ИНН/КПП, SWIFT and IBAN instead of БИК and the accounts.
/// </summary>
public static class ClientRequisites
{
    public const string Russia = "RU";
    public const string Belarus = "BY";
    public const int MaxTextLength = 300;

    /// <summary>"RU"/"Россия"/"BY"/"Беларусь"... to the code; empty means Russia.</summary>
    public static Result<string> Country(string? text) => (text ?? "").Trim().ToUpperInvariant() switch
    {
        "" or "RU" or "RUS" or "РФ" or "РОССИЯ" or "RUSSIA" => Result<string>.Ok(Russia),
        "BY" or "BLR" or "РБ" or "БЕЛАРУСЬ" or "BELARUS" => Result<string>.Ok(Belarus),
        var other => Result<string>.Fail(ClientProblems.CountryUnknown, other),
    };

    /// <summary>A name, address or similar: not empty, at most <see cref="MaxTextLength"/> characters.</summary>
    public static Result<string> Text(string? text)
    {
        var value = (text ?? "").Trim();
        if (value.Length == 0) return Result<string>.Fail(ClientProblems.TextRequired);
        return value.Length > MaxTextLength ? Result<string>.Fail(ClientProblems.TextTooLong, MaxTextLength) : Result<string>.Ok(value);
    }

    public static Result<string> Email(string? text)
    {
        var value = (text ?? "").Trim();
        return MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal)
            ? Result<string>.Ok(value)
            : Result<string>.Fail(ClientProblems.EmailFormat, value);
    }

    /// <summary>Whether a field is asked for a client of the country (and, for КПП, the kind of ИНН).</summary>
    public static bool Applies(string key, string country, string? inn) => key switch
    {
        ClientFields.Inn or ClientFields.Ogrn or ClientFields.CorrespondentAccount => country == Russia,
        ClientFields.Kpp => country == Russia && (inn is null || inn.Length != 12),
        ClientFields.Unp => country == Belarus,
        _ => true,
    };

    public static bool IsRequired(string key) => key is not (ClientFields.Ogrn or ClientFields.Email or ClientFields.Phone);

    /// <summary>
    /// Normalises the client's values in place and lists every problem: first the missing fields (one
    /// problem naming them all), then each invalid value. Empty: the client can be stored.
    /// </summary>
    public static IReadOnlyList<Problem> Check(Client client)
    {
        var problems = new List<Problem>();
        var country = Country(client.Country);
        if (!country.IsOk) return [country.Problem!];
        client.Country = country.Value!;
        var missing = new List<Text>();
        foreach (var field in ClientFields.All)
        {
            var value = field.Get(client);
            if (!Applies(field.Key, client.Country, client.Inn))
            {
                if (field.Key == ClientFields.Kpp && client.Country == Russia && !string.IsNullOrWhiteSpace(value))
                    problems.Add(new Problem(ClientProblems.KppForSoleTrader));
                else field.Set(client, null);
                continue;
            }
            if (string.IsNullOrWhiteSpace(value))
            {
                if (IsRequired(field.Key)) missing.Add(field.Name);
                field.Set(client, field.Key is ClientFields.Ogrn or ClientFields.Email or ClientFields.Phone ? null : "");
                continue;
            }
            var read = Read(field.Key, value, client);
            if (read.IsOk) field.Set(client, read.Value);
            else problems.Add(read.Problem!);
        }
        if (missing.Count > 0) problems.Insert(0, new Problem(ClientProblems.Incomplete, new TextList(missing)));
        return problems;
    }

    /// <summary>Checks one value as typed; the account checks use the client's БИК (already read).</summary>
    public static Result<string> Read(string key, string? value, Client client) => key switch
    {
        ClientFields.Country => Country(value),
        ClientFields.Inn => RequisiteChecks.Inn(value),
        ClientFields.Kpp => RequisiteChecks.Kpp(value),
        ClientFields.Ogrn => RequisiteChecks.Ogrn(value),
        ClientFields.Unp => RequisiteChecks.Unp(value),
        ClientFields.Postcode => RequisiteChecks.Postcode(value),
        ClientFields.Bik => client.Country == Belarus ? RequisiteChecks.Swift(value) : RequisiteChecks.Bik(value),
        ClientFields.Account when client.Country == Belarus => RequisiteChecks.Iban(value),
        ClientFields.Account => RequisiteChecks.Bik(client.Bank.Bik).IsOk
            ? RequisiteChecks.Account(value, client.Bank.Bik)
            : Digits20(value, ClientProblems.AccountFormat),
        ClientFields.CorrespondentAccount => RequisiteChecks.Bik(client.Bank.Bik).IsOk
            ? RequisiteChecks.CorrespondentAccount(value, client.Bank.Bik)
            : Digits20(value, ClientProblems.CorrespondentFormat),
        ClientFields.Email => Email(value),
        ClientFields.Phone => Text(value),
        _ => Text(value),
    };

    private static Result<string> Digits20(string? value, string problem)
    {
        var digits = new string((value ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        return digits.Length == 20 && digits.All(char.IsAsciiDigit) ? Result<string>.Ok(digits) : Result<string>.Fail(problem, (value ?? "").Trim());
    }
}
