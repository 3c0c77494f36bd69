using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Documents.Generation;

/// <summary>What a client must have before documents can be made for it.</summary>
public static class Requisites
{
    private static readonly Dictionary<string, Text> Names = new()
    {
        ["legal_name"] = new("наименование", "legal name"),
        ["inn"] = new("ИНН", "INN"),
        ["kpp"] = new("КПП", "KPP"),
        ["unp"] = new("УНП", "UNP"),
        ["legal_address"] = new("юридический адрес", "legal address"),
        ["bank_name"] = new("банк", "bank"),
        ["bik"] = new("БИК", "BIK"),
        ["account"] = new("расчётный счёт", "bank account"),
        ["correspondent_account"] = new("корр. счёт", "correspondent account"),
        ["signatory"] = new("подписант", "signatory"),
        ["signatory_position"] = new("должность подписанта", "signatory's position"),
        ["basis"] = new("основание полномочий", "signatory's authority"),
    };

    public static IReadOnlyList<string> Missing(Client c)
    {
        var missing = new List<string>();
        void Need(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value)) missing.Add(field);
        }
        Need(c.LegalName, "legal_name");
        if (c.Country == "BY")
        {
            Need(c.Unp, "unp");
        }
        else
        {
            Need(c.Inn, "inn");
            // A sole trader (12-digit ИНН) has no КПП.
            if (c.Inn?.Trim().Length != 12) Need(c.Kpp, "kpp");
        }
        Need(c.LegalAddress, "legal_address");
        Need(c.Bank.BankName, "bank_name");
        Need(c.Bank.Bik, "bik");
        Need(c.Bank.Account, "account");
        if (c.Country != "BY") Need(c.Bank.CorrespondentAccount, "correspondent_account");
        Need(c.Signatory, "signatory");
        Need(c.SignatoryPosition, "signatory_position");
        Need(c.Basis, "basis");
        return missing;
    }

    /// <summary>The missing fields as a problem argument: formatted in the language of whoever reads it.</summary>
    public static LocalisedList List(IReadOnlyList<string> fields) => new(fields.Select(f => Names.GetValueOrDefault(f) ?? new Text(f, f)).ToList());
}

/// <summary>Texts joined with commas in the culture string.Format passes (ru-RU or en-GB, see <see cref="Langs.Culture"/>).</summary>
public sealed class LocalisedList(IReadOnlyList<Text> items) : IFormattable
{
    public IReadOnlyList<Text> Items => items;

    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var lang = formatProvider is System.Globalization.CultureInfo { TwoLetterISOLanguageName: "en" } ? Lang.En : Lang.Ru;
        return string.Join(", ", items.Select(i => i.In(lang)));
    }

    public override string ToString() => ToString(null, null);
}
