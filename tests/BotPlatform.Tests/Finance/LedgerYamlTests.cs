using BotPlatform.Core.Finance.Ledger;
using BotPlatform.Core.Localization;
using BotPlatform.Core.People;
using BotPlatform.Infrastructure.Organisation;

namespace BotPlatform.Tests.Finance;

/// <summary>The ledger section of the organisation file: read at start-up, every problem named with its line.</summary>
public sealed class LedgerYamlTests
{
    // Lines 1-8; "ledger:" is line 9, its first key line 10.
    private const string Head = """
        organisation:
          name: Агентство
        approvals:
          cost_items:
            - { code: ads, name: Реклама }
            - { code: software, name: ПО }
            - { code: office_rent, name: Аренда }
            - { code: other, name: Прочее }
        """;

    private static Organisation Parse(string ledger) => new(OrganisationYamlLoader.Parse(Head + "\n" + ledger, "organisation.yaml"));

    private static IEnumerable<(int, string)> Problems(string ledger) =>
        Assert.Throws<OrganisationFileException>(() => Parse(ledger)).Errors.Select(e => (e.Line ?? 0, e.Problem));

    [Fact]
    public void Income_categories_with_both_names_and_natures_fixed_cost_items_and_the_invoice_category_are_read()
    {
        var organisation = Parse("""
            ledger:
              income_categories:
                - code: retainer
                  name: Абонентская плата
                  name_en: Retainer
                  nature: fixed
                - code: ad_budget
                  name: Рекламный бюджет
              fixed_cost_items: [software, OFFICE_RENT]
              invoice_income: retainer
            """);

        var ledger = organisation.Ledger;
        Assert.Equal([("retainer", "Абонентская плата", "Retainer", CostNature.Fixed), ("ad_budget", "Рекламный бюджет", "Рекламный бюджет", CostNature.Variable)],
            ledger.IncomeCategories.Select(c => (c.Code, c.Caption(Lang.Ru), c.Caption(Lang.En), c.Nature)));
        Assert.Equal(["software", "office_rent"], ledger.FixedCostItems);
        Assert.Equal("retainer", ledger.InvoiceIncomeCategory);
    }

    [Fact]
    public void Without_the_section_the_defaults_hold_and_a_key_left_out_keeps_its_default()
    {
        var absent = Parse("");
        var partial = Parse("""
            ledger:
              fixed_cost_items: [office_rent]
            """);

        Assert.Same(LedgerDefinition.Default, absent.Ledger);
        Assert.Equal(LedgerDefinition.Default.IncomeCategories, partial.Ledger.IncomeCategories);
        Assert.Equal(["office_rent"], partial.Ledger.FixedCostItems);
        Assert.Equal("services", partial.Ledger.InvoiceIncomeCategory);
    }

    [Fact]
    public void Automatic_income_goes_to_the_first_category_when_the_list_has_no_services()
    {
        var organisation = Parse("""
            ledger:
              income_categories:
                - { code: smm, name: SMM }
            """);

        Assert.Equal("smm", organisation.Ledger.InvoiceIncomeCategory);
    }

    [Fact]
    public void Every_bad_line_is_named()
    {
        var problems = Problems("""
            ledger:
              income_categories:
                - code: services
                  name: Услуги
                - code: services
                  name: Ещё раз
                - code: ад
                  name: Кириллица
                - code: no_name
                - code: odd
                  name: Странная
                  nature: sometimes
                - name: Без кода
              fixed_cost_items: [software, rent, software]
              invoice_income: salaries
            """);

        Assert.Equal(
        [
            (13, "income category code 'services' is already used on line 11"),
            (15, "income category code 'ад' may contain only latin letters, digits, _ and -"),
            (17, "income category 'no_name': 'name' is required"),
            (20, "unknown nature 'sometimes' (known: variable, fixed)"),
            (21, "income category 'Без кода': 'code' is required"),
            (22, "ledger: fixed cost item 'rent' is not a cost item (approvals: cost_items has ads, software, office_rent, other)"),
            (22, "ledger: fixed cost item 'software' is listed twice"),
            (23, "ledger: invoice_income 'salaries' is not one of the income_categories (services, no_name, odd)"),
        ], problems);
    }

    [Fact]
    public void An_empty_list_of_income_categories_and_an_unknown_key_are_refused_with_their_lines()
    {
        var empty = Problems("""
            ledger:
              income_categories: []
            """);
        var misspelt = Assert.Throws<OrganisationFileException>(() => Parse("""
            ledger:
              fixed_costs: [software]
            """));

        Assert.Equal([(10, "ledger: list at least one income category, or leave 'income_categories' out for the defaults")], empty);
        Assert.Equal(10, Assert.Single(misspelt.Errors).Line);
        Assert.StartsWith("organisation.yaml, line 10: ", misspelt.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("organisation.yaml")]
    [InlineData("Sandbox/demo-organisation.yaml")]
    public void The_sample_and_the_demo_organisation_show_the_section(string file)
    {
        var organisation = new Organisation(OrganisationYamlLoader.Load(Path.Combine(Support.TestFiles.RepoRoot(), "bot", "BotPlatform.Bot", file)));

        Assert.Equal(["services", "retainer", "ad_budget", "other_income"], organisation.Ledger.IncomeCategories.Select(c => c.Code));
        Assert.Equal(CostNature.Fixed, organisation.Ledger.IncomeCategories[1].Nature);
        Assert.Equal(["software", "office_rent"], organisation.Ledger.FixedCostItems);
    }
}
