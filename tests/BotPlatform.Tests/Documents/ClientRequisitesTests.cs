using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Clients;
using BotPlatform.Core.Localization;

namespace BotPlatform.Tests.Documents;

public sealed class ClientRequisitesTests
{
    [Fact]
    public void Complete_requisites_have_no_problems_and_are_normalised()
    {
        var client = ClientSamples.Romashka();
        client.Inn = "7730 123 456";
        client.Kpp = "773001001";
        client.Country = "россия";

        Assert.Empty(ClientRequisites.Check(client));
        Assert.Equal(("RU", "7730123456"), (client.Country, client.Inn));
    }

    [Fact]
    public void Missing_requisites_are_listed_in_one_problem_in_both_languages()
    {
        var client = ClientSamples.Romashka();
        client.Kpp = null;
        client.Bank = new BankDetails { BankName = "ПАО Сбербанк" };
        client.Basis = " ";

        var problem = Assert.Single(ClientRequisites.Check(client));

        Assert.Equal(ClientProblems.Incomplete, problem.Code);
        var list = Assert.IsType<TextList>(problem.Args[0]);
        Assert.Equal("КПП, БИК, расчётный счёт, корр. счёт, основание полномочий", list.In(Lang.Ru));
        Assert.Equal("КПП (KPP), БИК (bank BIC), settlement account, correspondent account, signing authority", list.In(Lang.En));
    }

    [Fact]
    public void A_sole_trader_needs_no_kpp_and_may_not_have_one()
    {
        var client = ClientSamples.Romashka();
        client.Inn = "500100732259";
        client.Kpp = null;

        Assert.Empty(ClientRequisites.Check(client));

        client.Kpp = "773001001";
        Assert.Equal([ClientProblems.KppForSoleTrader], ClientRequisites.Check(client).Select(p => p.Code));
    }

    [Fact]
    public void A_belarusian_client_has_unp_swift_and_iban_instead_of_the_russian_ids()
    {
        var client = new Client
        {
            Country = "BY", LegalName = "ООО «Бульба»", Unp = "191234563", LegalAddress = "г. Минск, пр. Независимости, 1",
            Postcode = "220030", PostalAddress = "г. Минск, пр. Независимости, 1",
            Bank = new BankDetails { BankName = "Нацбанк", Bik = "nbrbby2x", Account = "BY13NBRB3600900000002Z00AB00" },
            Signatory = "Иванов И. И.", SignatoryPosition = "Директор", Basis = "Устава", Inn = "7707083893",
        };

        Assert.Empty(ClientRequisites.Check(client));
        Assert.Equal(("191234563", null, "NBRBBY2X"), (client.TaxId, client.Inn, client.Bank.Bik));
    }

    [Fact]
    public void Each_invalid_value_is_its_own_problem_after_the_missing_ones()
    {
        var client = ClientSamples.Romashka();
        client.Inn = "7707083894";
        client.Bank.Account = "40702810838000000001";
        client.Signatory = "";

        var problems = ClientRequisites.Check(client);

        Assert.Equal([ClientProblems.Incomplete, ClientProblems.InnChecksum, ClientProblems.AccountKey], problems.Select(p => p.Code));
    }
}

/// <summary>Clients with valid requisites (checksums computed, banks real) for tests.</summary>
public static class ClientSamples
{
    public static Client Romashka() => new()
    {
        Country = "RU", LegalName = "ООО «Ромашка»", Inn = "7730123456", Kpp = "773001001", Ogrn = "1027700123450",
        LegalAddress = "г. Москва, ул. Ленина, д. 1", Postcode = "123112", PostalAddress = "г. Москва, ул. Ленина, д. 1, офис 5",
        Bank = new BankDetails
        {
            BankName = "ПАО Сбербанк", Bik = "044525225", Account = "40702810200000012345", CorrespondentAccount = "30101810400000000225",
        },
        Signatory = "Петров Пётр Петрович", SignatoryPosition = "Генеральный директор", Basis = "Устава",
    };
}
