using BotPlatform.Core.Documents;
using BotPlatform.Testing;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Documents;

/// <summary>/client new as a person answers it in their private chat (ООО «Ромашка», a Moscow company banking with Сбербанк).</summary>
public static class ClientSteps
{
    public const string Save = "✅ Сохранить";
    public const string Skip = "Пропустить";

    /// <summary>The typed answers in order, from the legal name on (the country is a button, postal address and basis too).</summary>
    public static readonly string[] RomashkaTyped =
    [
        "ООО «Ромашка»", "7730123456", "773001001", "1027700123450", "г. Москва, ул. Ленина, д. 1", "123112",
    ];

    public static readonly string[] RomashkaBank = ["ПАО Сбербанк", "044525225", "40702810200000012345", "30101810400000000225"];

    public static readonly string[] RomashkaSignatory = ["Петров Пётр Петрович", "Генеральный директор"];

    /// <summary>/client new answered up to the question after <paramref name="upTo"/> answers (0: the country question).</summary>
    public static async Task<FakeMessage> ClientDialogAtAsync(this BotHost host, FakeUser user, string upTo)
    {
        var question = await host.SaysAsync(user, "/client new");
        if (upTo == "country") return question;
        question = await host.PressesForNextAsync(user, question, "🇷🇺 Россия");
        var keys = new[] { "legal_name", "inn", "kpp", "ogrn", "legal_address", "postcode" };
        for (var i = 0; i < keys.Length; i++)
        {
            if (upTo == keys[i]) return question;
            question = await host.SaysAsync(user, RomashkaTyped[i]);
        }
        if (upTo == "postal_address") return question;
        question = await host.PressesForNextAsync(user, question, "Совпадает с юридическим");
        var bank = new[] { "bank_name", "bik", "account", "correspondent_account" };
        for (var i = 0; i < bank.Length; i++)
        {
            if (upTo == bank[i]) return question;
            question = await host.SaysAsync(user, RomashkaBank[i]);
        }
        if (upTo == "signatory") return question;
        question = await host.SaysAsync(user, RomashkaSignatory[0]);
        if (upTo == "signatory_position") return question;
        question = await host.SaysAsync(user, RomashkaSignatory[1]);
        if (upTo == "basis") return question;
        question = await host.PressesForNextAsync(user, question, "Устава");
        if (upTo == "email") return question;
        question = await host.SaysAsync(user, "info@romashka.ru");
        if (upTo == "phone") return question;
        return upTo == "card" ? await host.PressesForNextAsync(user, question, Skip) : throw new ArgumentOutOfRangeException(nameof(upTo));
    }

    public static async Task<Client?> ClientAsync(this BotHost host, string taxId) => await host.Get<IClientStore>().FindByTaxIdAsync(taxId, default);

    /// <summary>Stores a client directly (the dialog has its own tests).</summary>
    public static async Task<Client> StoredClientAsync(this BotHost host, Client client)
    {
        await host.Get<IClientStore>().InsertAsync(client, default);
        return client;
    }
}
