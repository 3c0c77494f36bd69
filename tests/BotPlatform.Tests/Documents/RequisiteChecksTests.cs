using BotPlatform.Core.Documents.Clients;

namespace BotPlatform.Tests.Documents;

public sealed class RequisiteChecksTests
{
    private const string SberBik = "044525225";

    [Theory]
    [InlineData("7707083893", "7707083893")] // ПАО Сбербанк
    [InlineData("7736207543", "7736207543")] // ООО «Яндекс»
    [InlineData(" 7707 083 893 ", "7707083893")]
    [InlineData("500100732259", "500100732259")] // a sole trader's 12 digits
    public void A_valid_inn_is_accepted_and_compacted(string typed, string expected)
    {
        Assert.Equal(expected, RequisiteChecks.Inn(typed).Value);
    }

    [Theory]
    [InlineData("7707083894")]
    [InlineData("7707083839")]
    [InlineData("500100732258")]
    [InlineData("500100732269")]
    public void An_inn_with_a_wrong_control_digit_is_a_checksum_problem(string typed)
    {
        Assert.Equal(ClientProblems.InnChecksum, RequisiteChecks.Inn(typed).Problem?.Code);
    }

    [Theory]
    [InlineData("770708389")]
    [InlineData("77070838931")]
    [InlineData("77070838A3")]
    [InlineData("")]
    public void An_inn_of_the_wrong_length_or_with_letters_is_a_format_problem(string typed)
    {
        Assert.Equal(ClientProblems.InnFormat, RequisiteChecks.Inn(typed).Problem?.Code);
    }

    [Theory]
    [InlineData("773601001", true)]
    [InlineData("7736AB001", true)]
    [InlineData("7736ab001", true)]
    [InlineData("77360100", false)]
    [InlineData("7736010011", false)]
    [InlineData("77A601001", false)]
    public void Kpp_is_four_digits_two_digits_or_letters_and_three_digits(string typed, bool valid)
    {
        Assert.Equal(valid, RequisiteChecks.Kpp(typed).IsOk);
    }

    [Theory]
    [InlineData("1027700132195", null)] // ПАО Сбербанк
    [InlineData("1027700132196", ClientProblems.OgrnChecksum)]
    [InlineData("102770013219", ClientProblems.OgrnFormat)]
    public void Ogrn_has_thirteen_digits_and_a_control_digit(string typed, string? problem)
    {
        Assert.Equal(problem, RequisiteChecks.Ogrn(typed).Problem?.Code);
    }

    [Fact]
    public void A_bik_is_nine_digits()
    {
        Assert.True(RequisiteChecks.Bik(SberBik).IsOk);
        Assert.Equal(ClientProblems.BikFormat, RequisiteChecks.Bik("04452522").Problem?.Code);
    }

    [Theory]
    [InlineData("40702810938000000001", SberBik, null)]
    [InlineData("4070 2810 9380 0000 0001", SberBik, null)]
    [InlineData("40702810055000012346", "044030653", null)]
    [InlineData("40702810838000000001", SberBik, ClientProblems.AccountKey)]
    [InlineData("40702810938000000001", "044030653", ClientProblems.AccountKey)]
    [InlineData("4070281093800000000", SberBik, ClientProblems.AccountFormat)]
    public void A_settlement_account_is_keyed_to_the_bik(string account, string bik, string? problem)
    {
        Assert.Equal(problem, RequisiteChecks.Account(account, bik).Problem?.Code);
    }

    [Theory]
    [InlineData("30101810400000000225", SberBik, null)]
    [InlineData("30101810500000000653", "044030653", null)]
    [InlineData("30101810400000000226", SberBik, ClientProblems.CorrespondentKey)]
    [InlineData("40702810938000000001", SberBik, ClientProblems.CorrespondentKey)]
    public void A_correspondent_account_is_keyed_to_the_bik(string account, string bik, string? problem)
    {
        Assert.Equal(problem, RequisiteChecks.CorrespondentAccount(account, bik).Problem?.Code);
    }

    [Theory]
    [InlineData("200988541", null)] // the example python-stdnum checks against
    [InlineData("191234563", null)]
    [InlineData("УНП 200988541", null)]
    [InlineData("MA1953684", null)] // a person's number
    [InlineData("200988542", ClientProblems.UnpChecksum)]
    [InlineData("100456780", ClientProblems.UnpChecksum)] // the weighted sum leaves 10: no valid control digit
    [InlineData("20098854", ClientProblems.UnpFormat)]
    [InlineData("900988541", ClientProblems.UnpFormat)]
    public void Unp_has_nine_characters_and_a_control_digit(string typed, string? problem)
    {
        Assert.Equal(problem, RequisiteChecks.Unp(typed).Problem?.Code);
    }

    [Theory]
    [InlineData("BY13NBRB3600900000002Z00AB00", null)]
    [InlineData("BY13 NBRB 3600 9000 0000 2Z00 AB00", null)]
    [InlineData("BY14NBRB3600900000002Z00AB00", ClientProblems.IbanChecksum)]
    [InlineData("DE89370400440532013000", ClientProblems.IbanFormat)]
    public void A_belarusian_iban_passes_the_mod_97_check(string typed, string? problem)
    {
        Assert.Equal(problem, RequisiteChecks.Iban(typed).Problem?.Code);
    }

    [Theory]
    [InlineData("123112", true)]
    [InlineData("12311", false)]
    [InlineData("12311a", false)]
    public void A_postcode_is_six_digits(string typed, bool valid)
    {
        Assert.Equal(valid, RequisiteChecks.Postcode(typed).IsOk);
    }
}
