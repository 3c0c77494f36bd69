using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Documents.Clients;

/// <summary>
/// The requisites of a client by the key an import file's column (or YAML key) and the dialog's step
/// use, with the name a person reads in lists of what is missing.
/// </summary>
public sealed record ClientField(string Key, Text Name, Func<Client, string?> Get, Action<Client, string?> Set);

public static class ClientFields
{
    public const string Country = "country";
    public const string LegalName = "legal_name";
    public const string Inn = "inn";
    public const string Kpp = "kpp";
    public const string Ogrn = "ogrn";
    public const string Unp = "unp";
    public const string LegalAddress = "legal_address";
    public const string Postcode = "postcode";
    public const string PostalAddress = "postal_address";
    public const string BankName = "bank_name";
    public const string Bik = "bik";
    public const string Account = "account";
    public const string CorrespondentAccount = "correspondent_account";
    public const string Signatory = "signatory";
    public const string SignatoryPosition = "signatory_position";
    public const string Basis = "basis";
    public const string Email = "email";
    public const string Phone = "phone";

    public static IReadOnlyList<ClientField> All { get; } =
    [
        new(Country, new("страна", "country"), c => c.Country, (c, v) => c.Country = v ?? ""),
        new(LegalName, new("название", "legal name"), c => c.LegalName, (c, v) => c.LegalName = v ?? ""),
        new(Inn, new("ИНН", "ИНН (INN)"), c => c.Inn, (c, v) => c.Inn = v),
        new(Kpp, new("КПП", "КПП (KPP)"), c => c.Kpp, (c, v) => c.Kpp = v),
        new(Ogrn, new("ОГРН", "ОГРН (OGRN)"), c => c.Ogrn, (c, v) => c.Ogrn = v),
        new(Unp, new("УНП", "УНП (UNP)"), c => c.Unp, (c, v) => c.Unp = v),
        new(LegalAddress, new("юридический адрес", "legal address"), c => c.LegalAddress, (c, v) => c.LegalAddress = v ?? ""),
        new(Postcode, new("индекс", "postcode"), c => c.Postcode, (c, v) => c.Postcode = v ?? ""),
        new(PostalAddress, new("почтовый адрес", "postal address"), c => c.PostalAddress, (c, v) => c.PostalAddress = v ?? ""),
        new(BankName, new("банк", "bank"), c => c.Bank.BankName, (c, v) => c.Bank.BankName = v ?? ""),
        new(Bik, new("БИК", "БИК (bank BIC)"), c => c.Bank.Bik, (c, v) => c.Bank.Bik = v ?? ""),
        new(Account, new("расчётный счёт", "settlement account"), c => c.Bank.Account, (c, v) => c.Bank.Account = v ?? ""),
        new(CorrespondentAccount, new("корр. счёт", "correspondent account"), c => c.Bank.CorrespondentAccount,
            (c, v) => c.Bank.CorrespondentAccount = v),
        new(Signatory, new("подписант", "signatory"), c => c.Signatory, (c, v) => c.Signatory = v ?? ""),
        new(SignatoryPosition, new("должность подписанта", "signatory's position"), c => c.SignatoryPosition,
            (c, v) => c.SignatoryPosition = v ?? ""),
        new(Basis, new("основание полномочий", "signing authority"), c => c.Basis, (c, v) => c.Basis = v ?? ""),
        new(Email, new("эл. почта", "email"), c => c.Email, (c, v) => c.Email = v),
        new(Phone, new("телефон", "phone"), c => c.Phone, (c, v) => c.Phone = v),
    ];

    public static ClientField Of(string key) => All.First(f => f.Key == key);

    /// <summary>A client made of an import row's or a dialog's values, keyed as above; unknown keys are ignored.</summary>
    public static Client ToClient(IReadOnlyDictionary<string, string> values)
    {
        var client = new Client { Country = "" };
        foreach (var field in All)
        {
            if (values.TryGetValue(field.Key, out var value) && !string.IsNullOrWhiteSpace(value)) field.Set(client, value.Trim());
        }
        return client;
    }
}
