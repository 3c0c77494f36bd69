using BotPlatform.Core.Billing.Nudges;
using BotPlatform.Core.People;
using BotPlatform.Core.Projects;
using BotPlatform.Infrastructure.Organisation;
using BotPlatform.Testing;
using BotPlatform.Tests.Documents;
using BotPlatform.Tests.Projects;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Billing.Nudges;

/// <summary>The organisation's <c>payment_nudges:</c> section: notice, the client's text, default periods by template; projects without a group or no longer active.</summary>
public sealed class PaymentNudgeSettingsTests
{
    private const string Section = """

        payment_nudges:
          working_days_before: 3
          text: Напоминаем об оплате следующего месяца 🙏
          text_en: A friendly reminder to pay for next month 🙏
          periods:
            smm_month: monthly
        """;

    private static string ProjectsYaml() => File.ReadAllText(TestFiles.Path("TestData/organisation.projects.yaml"));

    private static DateTimeOffset Msk(int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.FromHours(3)).ToUniversalTime();

    [Fact]
    public void The_section_gives_the_notice_both_texts_and_the_templates_default_period()
    {
        var nudges = OrganisationYamlLoader.Parse(ProjectsYaml() + Section, "organisation.yaml").PaymentNudges!;
        var none = OrganisationYamlLoader.Parse(ProjectsYaml(), "organisation.yaml").PaymentNudges;

        Assert.Equal((3, "Напоминаем об оплате следующего месяца 🙏", "A friendly reminder to pay for next month 🙏"), (nudges.WorkingDaysBefore, nudges.Text, nudges.TextEn));
        Assert.Equal(new TemplateBilling("smm_month", BillingUnit.Month, 1), nudges.ForTemplate("SMM_MONTH"));
        Assert.Null(none);
    }

    [Fact]
    public void Unknown_templates_odd_periods_and_notices_are_refused_with_their_lines()
    {
        var yaml = ProjectsYaml();
        var first = yaml.Split('\n').Length + 1;

        var error = Assert.Throws<OrganisationFileException>(() => OrganisationYamlLoader.Parse(yaml + """

            payment_nudges:
              working_days_before: 40
              text: ""
              periods:
                seo: monthly
                smm_month: fortnightly
            """, "organisation.yaml"));

        Assert.Equal(
            [
                (first + 1, "working_days_before 40 is more than 20"),
                (first + 2, "'text' is empty: write the reminder the client's group gets, or leave the key out for the default"),
                (first + 4, "unknown project template 'seo' under payment_nudges: periods (templates are listed under projects: templates)"),
                (first + 5, "period 'fortnightly' of template 'smm_month' is not monthly, quarterly, 1m-12m or 2w-26w"),
            ],
            error.Errors.Select(e => (e.Line ?? 0, e.Problem)));
    }

    [Fact]
    public async Task A_project_from_a_template_with_a_default_period_and_no_group_has_its_pm_told_instead_and_a_cancelled_one_nothing()
    {
        var path = Path.Combine(Path.GetTempPath(), $"org-nudges-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, ProjectsYaml() + Section);
        await using var host = await BotHost.StartAsync(now: Msk(11, 16, 10), settings: new Dictionary<string, string?> { ["Organisation:File"] = path });
        var pm = await host.JoinedAsync("Катя", "pm_kate");
        var client = await host.ClientAsync(ClientSamples.Romashka());
        var (project, _) = await host.ProjectAsync(client);
        var (cancelled, _) = await host.ProjectAsync(client);
        cancelled.Status = ProjectStatus.Cancelled;
        Assert.True(await host.Get<IProjectStore>().TryUpdateAsync(cancelled, default));

        // 3 working days before the end of November (27.11 is a holiday): 25, 26 and 30 November.
        await host.AdvanceToAsync(Msk(11, 25, 8, 59));
        var before = host.Tg.BotMessages(pm.PrivateChat).Count(m => m.Text?.StartsWith("💳", StringComparison.Ordinal) == true);
        await host.AdvanceToAsync(Msk(11, 25, 9));
        var stored = await host.Get<IProjectStore>().GetAsync(project.Id, default);
        var stopped = await host.Get<IProjectStore>().GetAsync(cancelled.Id, default);

        Assert.Equal((BillingUnit.Month, 1, new DateOnly(2026, 11, 1)), (project.Billing!.Unit, project.Billing.Every, project.Billing.Anchor));
        Assert.Equal(0, before);
        var told = Assert.Single(host.Tg.BotMessages(pm.PrivateChat), m => m.Text?.StartsWith("💳", StringComparison.Ordinal) == true);
        Assert.Equal("💳 PRJ-0001 «SMM декабрь»: период оплаты заканчивается 30.11.2026 (рабочих дней до конца: 3), а оплаты за следующий период пока нет. "
            + "У проекта нет группы клиента — напомните клиенту об оплате сами.", told.Text);
        Assert.Equal(Msk(12, 29, 9), stored!.NextNudgeAt);
        Assert.Equal((null, null), (stopped!.NextNudgeAt, stopped.NudgePeriodStart));
        Assert.DoesNotContain(stopped.History, h => h.Action == ProjectActions.PaymentNudge);
    }
}
