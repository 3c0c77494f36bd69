using BotPlatform.Core.People;
using BotPlatform.Core.Projects;
using BotPlatform.Infrastructure.Organisation;

namespace BotPlatform.Tests.Projects;

/// <summary>The projects section of the organisation file: templates are checked at start-up and problems name their lines.</summary>
public sealed class ProjectsYamlTests
{
    private const string Head = """
        organisation:
          name: Агентство
        people:
          - username: pm_kate
            name: Екатерина
            roles: [project_manager]
          - username: des_lena
            name: Елена
            roles: [employee]
        projects:
          work_types:
            - code: design
              billable: true
            - code: internal
          templates:
            - code: site
              name: Сайт
              tasks:
        """;

    private static OrganisationDefinition Parse(string tasks) => OrganisationYamlLoader.Parse(Head + "\n" + tasks, "organisation.yaml");

    [Fact]
    public void A_template_reads_with_its_waits_defaults_and_billable_work_types()
    {
        var definition = Parse("""
                    - code: a
                      title: Первая
                      estimate: 1,5
                      executor: pm
                      work_type: internal
                    - code: b
                      title: Вторая
                      estimate: 2
                      days: 3
                      executor: person:des_lena
                      auditor: role:project_manager
                      work_type: design
                      client_approval: yes
                      checklist: [Раз, Два]
                    - code: c
                      title: Третья
                      estimate: 1
                      executor: role:employee
                      work_type: design
                      after: [a]
            """);

        var template = Assert.Single(definition.Projects!.Templates);
        Assert.Equal(["a", "b", "c"], template.Tasks.Select(t => t.Code));
        Assert.Equal(new[] { "", "a", "a" }, template.Tasks.Select(t => string.Join(",", t.After)));
        Assert.Equal((1.5m, 1, TaskAssignee.ProjectManager, TaskAssignee.ProjectManager),
            (template.Tasks[0].EstimateHours, template.Tasks[0].Days, template.Tasks[0].Executor, template.Tasks[0].Auditor));
        Assert.Equal((TaskAssignee.Named("des_lena"), TaskAssignee.OfRole(Role.ProjectManager), true, 3),
            (template.Tasks[1].Executor, template.Tasks[1].Auditor, template.Tasks[1].ClientApproval, template.Tasks[1].Days));
        Assert.Equal(["Раз", "Два"], template.Tasks[1].Checklist);
        Assert.Equal([true, false], definition.Projects.WorkTypes.Select(w => w.Billable));
    }

    [Fact]
    public void An_unknown_role_an_unknown_person_and_an_unknown_task_are_reported_with_their_lines()
    {
        var error = Assert.Throws<OrganisationFileException>(() => Parse("""
                    - code: a
                      title: Первая
                      estimate: 1
                      executor: role:designer
                      work_type: internal
                    - code: b
                      title: Вторая
                      estimate: 1
                      executor: person:nobody
                      work_type: design
                      after: [zzz]
            """));

        Assert.Equal(
            [
                (22, "unknown role 'designer' (task 'a' of template 'site'; known: admin, ops_manager, finance_manager, chief_accountant, accountant, lawyer, cto, director, project_manager, employee, office_manager)"),
                (27, "person 'nobody' is not listed under people (task 'b' of template 'site'; refer to a username)"),
                (29, "unknown task 'zzz' in 'after' (task 'b' of template 'site')"),
            ],
            error.Errors.Select(e => (e.Line ?? 0, e.Problem)));
    }

    [Fact]
    public void Tasks_waiting_for_each_other_in_a_circle_are_refused()
    {
        var error = Assert.Throws<OrganisationFileException>(() => Parse("""
                    - code: a
                      title: Первая
                      estimate: 1
                      executor: pm
                      work_type: internal
                      after: [c]
                    - code: b
                      title: Вторая
                      estimate: 1
                      executor: pm
                      work_type: internal
                    - code: c
                      title: Третья
                      estimate: 1
                      executor: pm
                      work_type: internal
            """));

        var problem = Assert.Single(error.Errors);
        Assert.Equal((19, "tasks wait for each other in a circle: a -> c -> b -> a (template 'site')"), (problem.Line ?? 0, problem.Problem));
        Assert.StartsWith("organisation.yaml, line 19: ", error.Message);
    }

    [Fact]
    public void An_unknown_work_type_and_a_role_no_one_holds_are_refused()
    {
        var error = Assert.Throws<OrganisationFileException>(() => Parse("""
                    - code: a
                      title: Первая
                      estimate: 1
                      executor: role:lawyer
                      work_type: seo
            """));

        Assert.Equal(
            [
                (22, "no one in the file has the role lawyer (task 'a' of template 'site')"),
                (23, "unknown work type 'seo' (task 'a' of template 'site'; known: design, internal)"),
            ],
            error.Errors.Select(e => (e.Line ?? 0, e.Problem)));
    }

    [Fact]
    public void The_test_and_demo_files_with_templates_parse()
    {
        var projects = OrganisationYamlLoader.Load(Support.TestFiles.Path("TestData/organisation.projects.yaml")).Projects!;

        var demo = OrganisationYamlLoader.Load(Path.Combine(RepositoryRoot(), "bot", "BotPlatform.Bot", "Sandbox", "demo-organisation.yaml")).Projects!;

        Assert.Equal(5, Assert.Single(projects.Templates).Tasks.Count);
        Assert.Equal(["brief", "design", "texts", "report"], Assert.Single(demo.Templates).Tasks.Select(t => t.Code));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BotPlatform.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("BotPlatform.sln not found above the test output");
    }
}
