using BotPlatform.Core.Documents;
using BotPlatform.Core.People;
using BotPlatform.Infrastructure.Organisation;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Documents;

/// <summary>The documents section of the organisation file.</summary>
public sealed class DocumentsYamlTests
{
    private const string Source = "organisation.yaml";

    /// <summary>Five lines; a snippet appended after a blank first line starts on line 6.</summary>
    private const string Organisation = """
        organisation:
          name: Тест
        people:
          - username: boss
            name: Борис Главный
        """;

    private static readonly DocumentsDefinition Defaults = DocumentsDefinition.Default;

    [Fact]
    public void The_sample_file_ships_the_default_catalogue_and_kinds()
    {
        var documents = OrganisationYamlLoader.Load(SamplePath()).Documents!;

        Assert.Equivalent(Defaults.Services, documents.Services, strict: true);
        Assert.Equal(Defaults.Kinds, documents.Kinds);
        Assert.Equal((Defaults.DealNumbering, Defaults.DefaultVatRate), (documents.DealNumbering, documents.DefaultVatRate));
        Assert.Equivalent(Defaults.Seller, documents.Seller, strict: true);
        Assert.Equal(Defaults.City, documents.City);
    }

    [Fact]
    public void The_seller_and_city_are_read_as_a_client_is()
    {
        var yaml = Organisation + """

            documents:
              city: Новосибирск
              seller:
                legal_name: ООО «Студия Север»
                inn: "5406123475"
                kpp: "540601001"
                legal_address: г. Новосибирск, Красный пр., д. 1, офис 301
                postcode: "630007"
                postal_address: г. Новосибирск, Красный пр., д. 1, офис 301
                bank_name: Сибирский банк ПАО Сбербанк
                bik: "045004641"
                account: "40702810344050012347"
                correspondent_account: "30101810500000000641"
                signatory: Кузнецов Алексей Викторович
                signatory_position: Директор
                basis: Устава
                chief_accountant: Соколова Елена Викторовна
            """;

        var documents = OrganisationYamlLoader.Parse(yaml, Source).Documents!;

        Assert.Equal(new SellerAccountant("Соколова Елена Викторовна"), documents.Accountant);

        Assert.Equal(("ООО «Студия Север»", "5406123475", "RU"), (documents.Seller!.LegalName, documents.Seller.Inn, documents.Seller.Country));
        Assert.Equal("40702810344050012347", documents.Seller.Bank.Account);
        Assert.Equal("Новосибирск", documents.City);
    }

    /// <summary>The organisation, then "documents:" on line 7, "seller:" on line 8 and its 13 requisites on lines 9-21 (the mapping's line: 9); more keys follow on 22.</summary>
    private const string WithSeller = Organisation + "\n\n" + """
        documents:
          seller:
            legal_name: ООО «Студия Север»
            inn: "5406123475"
            kpp: "540601001"
            legal_address: г. Новосибирск, Красный пр., д. 1, офис 301
            postcode: "630007"
            postal_address: г. Новосибирск, Красный пр., д. 1, офис 301
            bank_name: Сибирский банк ПАО Сбербанк
            bik: "045004641"
            account: "40702810344050012347"
            correspondent_account: "30101810500000000641"
            signatory: Кузнецов Алексей Викторович
            signatory_position: Директор
            basis: Устава

        """;

    [Fact]
    public void Someone_signing_for_the_chief_accountant_comes_with_the_power_of_attorney()
    {
        var yaml = WithSeller + """
                chief_accountant: Соколова Елена Викторовна
                accountant_proxy: Лебедева Анна Павловна
                accountant_proxy_basis: доверенности № 12 от 09.01.2026
            """;

        var documents = OrganisationYamlLoader.Parse(yaml, Source).Documents!;

        Assert.Equal(new SellerAccountant("Соколова Елена Викторовна", "Лебедева Анна Павловна", "доверенности № 12 от 09.01.2026"), documents.Accountant);
        Assert.Equal("Лебедева Анна Павловна", documents.Accountant!.Signer);
    }

    [Fact]
    public void A_company_seller_without_its_chief_accountant_or_with_a_proxy_without_a_basis_stops_start_up()
    {
        var missing = WithSeller;
        var noBasis = WithSeller + """
                chief_accountant: Соколова Елена Викторовна
                accountant_proxy: Лебедева Анна Павловна
            """;
        var noProxy = WithSeller + """
                chief_accountant: Соколова Елена Викторовна
                accountant_proxy_basis: доверенности № 12 от 09.01.2026
            """;

        var errors = new[] { missing, noBasis, noProxy }
            .Select(yaml => Assert.Throws<OrganisationFileException>(() => OrganisationYamlLoader.Parse(yaml, Source)).Message)
            .ToList();

        Assert.Contains("line 9: seller: 'chief_accountant' is required: the name of the chief accountant, printed on the invoice's «Бухгалтер» line", errors[0]);
        Assert.Contains("line 23: seller: 'accountant_proxy' signs for the chief accountant by a power of attorney: add 'accountant_proxy_basis'", errors[1]);
        Assert.Contains("line 23: seller: 'accountant_proxy_basis' needs 'accountant_proxy', the name of the person who signs by it", errors[2]);
    }

    [Fact]
    public void A_seller_with_incomplete_or_wrong_requisites_stops_start_up()
    {
        var yaml = Organisation + """

            documents:
              seller:
                legal_name: ООО «Студия Север»
                inn: "5406123476"
                ogrn_typo: "1"
            """;

        var error = Assert.Throws<OrganisationFileException>(() => OrganisationYamlLoader.Parse(yaml, Source));

        Assert.Contains("line 8: seller: The requisites are incomplete; missing: КПП (KPP), legal address", error.Message);
        Assert.Contains("line 8: seller: ИНН (INN) 5406123476 fails its check digit", error.Message);
        Assert.Contains("line 10: unknown seller key 'ogrn_typo'", error.Message);
    }

    [Fact]
    public void A_file_without_the_section_uses_the_defaults()
    {
        var definition = OrganisationYamlLoader.Parse(Organisation, Source);

        Assert.Null(definition.Documents);
        Assert.Same(Defaults, new Organisation(definition).Documents);
    }

    [Fact]
    public void Services_and_kinds_are_read_and_kinds_left_out_keep_their_defaults()
    {
        var yaml = Organisation + """

            documents:
              deal_numbering: "S-{seq}"
              vat_rate: 20
              services:
                - code: seo
                  name: Продвижение
                  unit: мес.
                  contract: seo_contract
                  appendices: [specification]
              kinds:
                - code: Invoice
                  numbering: "INV-{yyyy}-{seq:000}"
                  copies: 3
                  duplex: yes
            """;

        var documents = OrganisationYamlLoader.Parse(yaml, Source).Documents!;

        Assert.Equivalent(new[] { new ServiceDefinition("seo", "Продвижение", "мес.", null, "seo_contract", ["specification"]) },
            documents.Services, strict: true);
        Assert.Equal(new DocumentKindSettings("invoice", "Счёт на оплату", "INV-{yyyy}-{seq:000}", 3, true), documents.Kind("invoice"));
        Assert.Equal(Defaults.Kind(DocumentsDefinition.Specification), documents.Kind(DocumentsDefinition.Specification));
        Assert.Equal(("S-{seq}", 20m), (documents.DealNumbering, documents.DefaultVatRate));
    }

    [Fact]
    public void An_unknown_kind_stops_start_up_naming_its_line()
    {
        var yaml = Organisation + """

            documents:
              kinds:
                - code: letter
                  copies: 1
            """;

        var error = Assert.Throws<OrganisationFileException>(() => OrganisationYamlLoader.Parse(yaml, Source));

        Assert.Equal($"{Source}, line 8: unknown document kind 'letter' (known: {string.Join(", ", Defaults.Kinds.Select(k => k.Kind))})",
            error.Message);
    }

    [Theory]
    [InlineData("invoice", "СЧ-{yyyy}", "numbering 'СЧ-{yyyy}' of kind 'invoice' must contain the sequence number {seq} (or {seq:0000}) exactly once")]
    [InlineData("invoice", "СЧ-{year}-{seq}", "unknown placeholder {year} in numbering 'СЧ-{year}-{seq}' (use {yyyy}, {contract}, {n}, {seq} or {seq:0000})")]
    [InlineData("specification", "{contract}/П-{seq}", "numbering '{contract}/П-{seq}' of kind 'specification' must contain {contract} and {n} once each, without {seq}")]
    [InlineData("framework_contract", "{contract}-{n}", "numbering '{contract}-{n}' of kind 'framework_contract' cannot use {contract} or {n}: a contract is numbered on its own")]
    [InlineData("act", "А-{seq}}", "numbering 'А-{seq}}' has a brace that opens or closes no placeholder")]
    public void A_bad_numbering_format_is_reported_with_its_line(string kind, string numbering, string problem)
    {
        var yaml = Organisation + $"""

            documents:
              kinds:
                - code: {kind}
                  numbering: "{numbering}"
            """;

        var error = Assert.Throws<OrganisationFileException>(() => OrganisationYamlLoader.Parse(yaml, Source));

        Assert.Equal($"{Source}, line 9: {problem}", error.Message);
    }

    [Fact]
    public void A_bad_deal_numbering_is_reported_with_its_line()
    {
        var yaml = Organisation + """

            documents:
              deal_numbering: "СДЛ-{yyyy}"
            """;

        var error = Assert.Throws<OrganisationFileException>(() => OrganisationYamlLoader.Parse(yaml, Source));

        Assert.Equal($"{Source}, line 7: deal numbering 'СДЛ-{{yyyy}}' must contain the sequence number {{seq}} (or {{seq:0000}}) exactly once",
            error.Message);
    }

    [Fact]
    public void A_service_without_a_contract_template_stops_start_up_naming_its_line()
    {
        var yaml = Organisation + """

            documents:
              services:
                - code: smm
                  name: SMM
                  unit: мес.
            """;

        var error = Assert.Throws<OrganisationFileException>(() => OrganisationYamlLoader.Parse(yaml, Source));

        Assert.Equal($"{Source}, line 8: service 'smm' has no contract template: add 'contract: TEMPLATE_CODE'", error.Message);
    }

    [Fact]
    public void Every_problem_of_the_section_is_reported_in_file_order()
    {
        var yaml = Organisation + """

            documents:
              vat_rate: 120
              services:
                - code: smm
                  name: SMM
                  unit: мес.
                  price: -5
                  contract: framework_contract
                - code: SMM
                  name: Ещё SMM
                  unit: мес.
                  contract: "рамочный"
              kinds:
                - code: invoice
                  copies: 0
                  duplex: maybe
            """;

        var error = Assert.Throws<OrganisationFileException>(() => OrganisationYamlLoader.Parse(yaml, Source));

        Assert.Equal(
            [
                (7, "vat_rate '120' is not a percentage from 0 to 100"),
                (12, "price '-5' of service 'smm' is not a positive amount like 120000 or 3500.50"),
                (14, "service code 'SMM' is already used on line 9"),
                (17, "template code 'рамочный' of service 'SMM' may contain only latin letters, digits, _ and -"),
                (20, "copies of kind 'invoice' '0' is not a positive whole number"),
                (21, "unknown duplex value of kind 'invoice' 'maybe' (known: true, yes, on, false, no, off)"),
            ],
            error.Errors.Select(e => (e.Line ?? 0, e.Problem)));
    }

    [Fact]
    public void An_unknown_key_in_a_service_is_refused_with_its_line()
    {
        var yaml = Organisation + """

            documents:
              services:
                - code: smm
                  name: SMM
                  unit: мес.
                  contract: framework_contract
                  discount: 10
            """;

        var error = Assert.Throws<OrganisationFileException>(() => OrganisationYamlLoader.Parse(yaml, Source));

        Assert.StartsWith($"{Source}, line 12:", error.Message, StringComparison.Ordinal);
        Assert.Contains("discount", error.Message, StringComparison.Ordinal);
    }

    private static string SamplePath() => Path.Combine(TestFiles.RepoRoot(), "bot", "BotPlatform.Bot", "organisation.yaml");
}
