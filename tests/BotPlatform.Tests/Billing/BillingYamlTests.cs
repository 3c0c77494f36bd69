using BotPlatform.Core.People;
using BotPlatform.Infrastructure.Organisation;

namespace BotPlatform.Tests.Billing;

/// <summary>The billing: section of the organisation file: rates by client, project, work type and date; the brand.</summary>
public sealed class BillingYamlTests
{
    private const string Head = """
        organisation:
          name: Агентство
        people:
          - username: pm_kate
            name: Екатерина
            roles: [project_manager]
        projects:
          work_types:
            - code: design
              billable: true
            - code: internal
        billing:
        """;

    private static OrganisationDefinition Parse(string billing) => OrganisationYamlLoader.Parse(Head + "\n" + billing, "organisation.yaml");

    [Fact]
    public void The_most_specific_rate_in_force_on_the_date_applies()
    {
        var definition = Parse("""
              brand:
                name: Студия
                primary_colour: "#AABBCC"
              rates:
                - work_type: design
                  per_hour: 3000
                  from: 2026-01-01
                - client: "7707083893"
                  work_type: design
                  per_hour: 3500.50
                  from: 2026-11-15
                - client: "7707083893"
                  project: prj-0002
                  work_type: design
                  per_hour: 4000
                  currency: usd
                  from: 2026-06-01
            """);

        var billing = definition.Billing!;
        Assert.Equal(("Студия", "#aabbcc", "#e8703a"), (billing.Brand.Name, billing.Brand.Primary, billing.Brand.Accent));
        Assert.Equal(3000m, billing.RateFor("7707083893", "PRJ-0001", "design", new DateOnly(2026, 11, 14))!.PerHour);
        Assert.Equal(3500.50m, billing.RateFor("7707083893", "PRJ-0001", "DESIGN", new DateOnly(2026, 11, 15))!.PerHour);
        Assert.Equal((4000m, "USD"), (billing.RateFor("7707083893", "PRJ-0002", "design", new DateOnly(2026, 11, 20)) is { } r ? (r.PerHour, r.Currency) : default));
        Assert.Equal(3000m, billing.RateFor("5000000000", "PRJ-0002", "design", new DateOnly(2026, 11, 20))!.PerHour);
        Assert.Null(billing.RateFor("7707083893", "PRJ-0001", "design", new DateOnly(2025, 12, 31)));
        Assert.Null(billing.RateFor("7707083893", "PRJ-0001", "internal", new DateOnly(2026, 11, 20)));
    }

    [Fact]
    public void Unknown_work_types_odd_amounts_and_orphan_projects_are_refused_with_their_lines()
    {
        var error = Assert.Throws<OrganisationFileException>(() => Parse("""
              brand:
                accent_colour: orange
              rates:
                - work_type: seo
                  per_hour: 3000
                  from: 2026-01-01
                - project: PRJ-0001
                  work_type: design
                  per_hour: -5
                  from: 01.01.2026
            """));

        Assert.Equal(
            [
                (14, "colour 'orange' is not like #1f3a5f"),
                (16, "unknown work type 'seo' (the rate on line 16; work types are listed under projects: work_types)"),
                (19, "a project rate needs its 'client' (the rate on line 19)"),
                (21, "per_hour '-5' of the rate on line 19 is not a positive amount like 3500 or 42.50"),
                (22, "from '01.01.2026' is not a date in the form yyyy-MM-dd"),
            ],
            error.Errors.Select(e => (e.Line ?? 0, e.Problem)));
    }
}
