using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Clients;
using BotPlatform.Core.Localization;

namespace BotPlatform.Bot.Documents;

/// <summary>How clients read in the chat: the card, the requisites of a draft, a button naming a client.</summary>
public static class ClientViews
{
    public static string Card(Client client, Lang lang) => ClientCard.Render(client, lang);

    /// <summary>Country, name and every requisite that applies, "—" where nothing is given yet.</summary>
    public static string Requisites(Client draft, Lang lang) =>
        string.Join("\n", new[]
        {
            ClientDialogTexts.CountryLine.In(lang, CountryName(draft.Country, lang)),
            ClientCard.Line(ClientFields.LegalName, draft.LegalName, draft.Country, lang),
        }.Concat(ClientCard.Lines(draft, lang)));

    public static string CountryName(string country, Lang lang) =>
        (country == ClientRequisites.Belarus ? ClientDialogTexts.Belarus : ClientDialogTexts.Russia).In(lang);

    /// <summary>"ООО «Ромашка» · 7730123456", cut to fit a button.</summary>
    public static string Caption(Client client)
    {
        var name = client.LegalName.Length > 40 ? client.LegalName[..39] + "…" : client.LegalName;
        return $"{name} · {client.TaxId}";
    }
}
