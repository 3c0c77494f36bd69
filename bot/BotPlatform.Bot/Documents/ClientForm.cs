using BotPlatform.Core.Approvals;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Clients;
using BotPlatform.Core.Localization;

namespace BotPlatform.Bot.Documents;

/// <summary>
/// One question of /client new: a requisite (keyed as in <see cref="ClientFields"/>), its prompt, and
/// the quick-answer buttons under it. Typed answers are checked by <see cref="ClientRequisites.Read"/>.
/// </summary>
public sealed record ClientQuestion(string Key, Func<string, Text> Prompt, IReadOnlyList<(string Code, Text Caption)> Choices)
{
    public bool Optional => !ClientRequisites.IsRequired(Key);
}

/// <summary>The questions of /client new in order, each asked only when it applies to the client's country.</summary>
public static class ClientForm
{
    public const string Flow = "client-new";
    public const string Prefix = "cln";
    public const string Same = "same";
    public const string Charter = "charter";

    public static IReadOnlyList<ClientQuestion> Questions { get; } =
    [
        new(ClientFields.Country, _ => ClientDialogTexts.AskCountry,
            [(ClientRequisites.Russia, ClientDialogTexts.Russia), (ClientRequisites.Belarus, ClientDialogTexts.Belarus)]),
        Plain(ClientFields.LegalName, ClientDialogTexts.AskLegalName),
        Plain(ClientFields.Inn, ClientDialogTexts.AskInn),
        Plain(ClientFields.Kpp, ClientDialogTexts.AskKpp),
        Plain(ClientFields.Ogrn, ClientDialogTexts.AskOgrn),
        Plain(ClientFields.Unp, ClientDialogTexts.AskUnp),
        Plain(ClientFields.LegalAddress, ClientDialogTexts.AskLegalAddress),
        Plain(ClientFields.Postcode, ClientDialogTexts.AskPostcode),
        new(ClientFields.PostalAddress, _ => ClientDialogTexts.AskPostalAddress, [(Same, ClientDialogTexts.SameAsLegal)]),
        Plain(ClientFields.BankName, ClientDialogTexts.AskBankName),
        new(ClientFields.Bik, country => country == ClientRequisites.Belarus ? ClientDialogTexts.AskSwift : ClientDialogTexts.AskBik, []),
        new(ClientFields.Account, country => country == ClientRequisites.Belarus ? ClientDialogTexts.AskIban : ClientDialogTexts.AskAccount, []),
        Plain(ClientFields.CorrespondentAccount, ClientDialogTexts.AskCorrespondent),
        Plain(ClientFields.Signatory, ClientDialogTexts.AskSignatory),
        Plain(ClientFields.SignatoryPosition, ClientDialogTexts.AskPosition),
        new(ClientFields.Basis, _ => ClientDialogTexts.AskBasis, [(Charter, ClientDialogTexts.Charter)]),
        Plain(ClientFields.Email, ClientDialogTexts.AskEmail),
        Plain(ClientFields.Phone, ClientDialogTexts.AskPhone),
    ];

    public static ClientQuestion? Question(string key) => Questions.FirstOrDefault(q => q.Key == key);

    /// <summary>The client the answers make so far (skipped answers are kept as empty strings).</summary>
    public static Client Draft(IReadOnlyDictionary<string, string> answers)
    {
        var client = ClientFields.ToClient(answers);
        if (client.Country == "") client.Country = ClientRequisites.Russia;
        return client;
    }

    public static bool Applies(ClientQuestion question, IReadOnlyDictionary<string, string> answers)
    {
        var draft = Draft(answers);
        return ClientRequisites.Applies(question.Key, draft.Country, draft.Inn);
    }

    /// <summary>Checks a typed answer (or the value of a quick-answer button) against what was answered before.</summary>
    public static Result<string> Read(ClientQuestion question, string? text, IReadOnlyDictionary<string, string> answers)
    {
        var draft = Draft(answers);
        return question.Key switch
        {
            ClientFields.PostalAddress when text == Same => ClientRequisites.Text(draft.LegalAddress),
            ClientFields.Basis when text == Charter => Result<string>.Ok("Устава"),
            _ => ClientRequisites.Read(question.Key, text, draft),
        };
    }

    private static ClientQuestion Plain(string key, Text prompt) => new(key, _ => prompt, []);

    /// <summary>The Skip button's caption, shared with the filing dialogs.</summary>
    public static Text SkipCaption => FilingTexts.SkipButton;
}
