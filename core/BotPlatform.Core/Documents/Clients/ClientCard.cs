using System.Text;
using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Documents.Clients;

/// <summary>A client's requisites as the bot shows them (the card of /client and the dialog's confirmation).</summary>
public static class ClientCard
{
    public static readonly Text Title = new("🏢 {0}", "🏢 {0}");

    public static string Render(Client client, Lang lang)
    {
        var text = new StringBuilder(Title.In(lang, client.LegalName));
        foreach (var line in Lines(client, lang)) text.Append('\n').Append(line);
        return text.ToString();
    }

    /// <summary>One line per requisite the client's country has, "—" for an empty optional one.</summary>
    public static IEnumerable<string> Lines(Client client, Lang lang)
    {
        foreach (var field in ClientFields.All)
        {
            if (field.Key is ClientFields.LegalName or ClientFields.Country) continue;
            if (!ClientRequisites.Applies(field.Key, client.Country, client.Inn)) continue;
            yield return Line(field.Key, field.Get(client), client.Country, lang);
        }
    }

    /// <summary>"ИНН: 7707083893"; the bank code and account are named by the country's kind (БИК or SWIFT, р/с or IBAN).</summary>
    public static string Line(string key, string? value, string country, Lang lang) =>
        $"{Label(key, country).In(lang)}: {(string.IsNullOrWhiteSpace(value) ? "—" : value)}";

    public static Text Label(string key, string country) => key switch
    {
        ClientFields.Country => new("Страна", "Country"),
        ClientFields.LegalName => new("Название", "Legal name"),
        ClientFields.Inn => new("ИНН", "ИНН (INN)"),
        ClientFields.Kpp => new("КПП", "КПП (KPP)"),
        ClientFields.Ogrn => new("ОГРН", "ОГРН (OGRN)"),
        ClientFields.Unp => new("УНП", "УНП (UNP)"),
        ClientFields.LegalAddress => new("Юридический адрес", "Legal address"),
        ClientFields.Postcode => new("Индекс", "Postcode"),
        ClientFields.PostalAddress => new("Почтовый адрес", "Postal address"),
        ClientFields.BankName => new("Банк", "Bank"),
        ClientFields.Bik when country == ClientRequisites.Belarus => new("SWIFT", "SWIFT"),
        ClientFields.Bik => new("БИК", "БИК (BIC)"),
        ClientFields.Account when country == ClientRequisites.Belarus => new("IBAN", "IBAN"),
        ClientFields.Account => new("Р/с", "Account"),
        ClientFields.CorrespondentAccount => new("К/с", "Corr. account"),
        ClientFields.Signatory => new("Подписант", "Signatory"),
        ClientFields.SignatoryPosition => new("Должность", "Position"),
        ClientFields.Basis => new("Действует на основании", "Acting under"),
        ClientFields.Email => new("Эл. почта", "Email"),
        ClientFields.Phone => new("Телефон", "Phone"),
        _ => new(key, key),
    };
}
