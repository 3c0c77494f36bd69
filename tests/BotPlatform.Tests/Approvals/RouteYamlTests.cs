using BotPlatform.Core.Approvals;
using BotPlatform.Core.People;
using BotPlatform.Infrastructure.Organisation;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Approvals;

/// <summary>The approvals and routes sections of the organisation file.</summary>
public sealed class RouteYamlTests
{
    private const string Source = "organisation.yaml";

    /// <summary>Eleven lines: a department with a head and someone holding the roles the snippets use.</summary>
    private const string Organisation = """
        organisation:
          name: Тест
        departments:
          - code: sales
            name: Продажи
            head: boss
        people:
          - username: boss
            name: Борис Главный
            department: sales
            roles: [director, finance_manager, ops_manager, accountant]
        """;

    private const int OrganisationLines = 11;

    private static readonly ApprovalsDefinition Defaults = ApprovalsDefinition.Default;

    [Fact]
    public void The_sample_file_ships_the_seed_routes()
    {
        var approvals = LoadSample().Approvals!;

        Assert.Equivalent(Defaults.Routes, approvals.Routes, strict: true);
    }

    [Fact]
    public void The_sample_file_ships_its_approvals_settings()
    {
        var approvals = LoadSample().Approvals!;

        Assert.Equal(
            ["Реклама", "Подрядчики", "ПО и сервисы", "Аренда офиса", "Командировки", "Прочее"],
            approvals.CostItems.Select(i => i.Name));
        Assert.Equal(4, approvals.RejectReasons.Count);
        Assert.Equal([DayOfWeek.Tuesday, DayOfWeek.Thursday], approvals.PaymentDays);
        Assert.Equal(Defaults.Numbering, approvals.Numbering);
        Assert.Equal(Defaults.DocumentKinds, approvals.DocumentKinds);
    }

    [Fact]
    public void A_file_without_the_sections_gets_the_defaults()
    {
        var organisation = OrganisationYamlLoader.Parse(Organisation, Source);

        Assert.Same(Defaults, organisation.Approvals);
    }

    [Fact]
    public void The_test_organisation_can_run_the_seed_routes()
    {
        var testFile = File.ReadAllText(TestFiles.Path("TestData/organisation.test.yaml"));
        var sample = File.ReadAllText(SamplePath());
        var sections = sample[sample.IndexOf("\napprovals:", StringComparison.Ordinal)..];

        var organisation = OrganisationYamlLoader.Parse(testFile + sections, Source);

        Assert.Equivalent(Defaults.Routes, organisation.Approvals!.Routes, strict: true);
    }

    [Fact]
    public void A_route_kind_left_out_keeps_its_default_route()
    {
        var yaml = Organisation + """

            routes:
              payment:
                - name: director
                  title: Директор
                  assignee: role:director
            """;

        var approvals = OrganisationYamlLoader.Parse(yaml, Source).Approvals!;

        var step = Assert.Single(approvals.Route(RequestKind.Payment).Steps);
        Assert.Equivalent(
            new StepDefinition("director", "Директор", StepKind.Approval, Assignee.OfRole(Role.Director), []), step, strict: true);
        Assert.Same(Defaults.Route(RequestKind.Contract), approvals.Route(RequestKind.Contract));
        Assert.Same(Defaults.CostItems, approvals.CostItems);
    }

    [Fact]
    public void Approvals_keys_left_out_keep_their_defaults()
    {
        var yaml = Organisation + """

            approvals:
              cost_items:
                - code: ads
                  name: Реклама
              payment_days: [FRIDAY, mon, fri]
              numbering:
                contract: "Д-{seq}"
            """;

        var approvals = OrganisationYamlLoader.Parse(yaml, Source).Approvals!;

        Assert.Equal([new CostItem("ads", "Реклама")], approvals.CostItems);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Friday], approvals.PaymentDays);
        Assert.Equal(ApprovalsDefinition.DefaultPaymentNumbering, approvals.Numbering[RequestKind.Payment]);
        Assert.Equal("Д-{seq}", approvals.Numbering[RequestKind.Contract]);
        Assert.Same(Defaults.RejectReasons, approvals.RejectReasons);
        Assert.Same(Defaults.DocumentKinds, approvals.DocumentKinds);
        Assert.Same(Defaults.Routes, approvals.Routes);
    }

    [Fact]
    public void A_route_is_read_with_defaults_and_references_normalised()
    {
        var yaml = Organisation + """

            approvals:
              cost_items:
                - code: Ads
                  name: Реклама
            routes:
              payment:
                - name: head
                  title: Руководитель
                  assignee: department_head
                  when: { cost_item: [ads] }
                - name: boss
                  title: Лично Борис
                  assignee: person:@Boss
                  kind: APPROVAL
                  when:
                    department: [SALES]
                  reminders:
                    escalate_after_working_days: 3
                - name: accounting
                  title: Бухгалтерия
                  kind: tasks
                  tasks:
                    - name: pay
                      title: Оплатить
                      assignee: role:accountant
            """;

        var steps = OrganisationYamlLoader.Parse(yaml, Source).Approvals!.Route(RequestKind.Payment).Steps;

        Assert.Equal(Assignee.DepartmentHead, steps[0].Assignee);
        Assert.Equivalent(new StepCondition("cost_item", ["Ads"]), steps[0].When, strict: true);
        Assert.Null(steps[0].Reminders);
        Assert.Equal(Assignee.Named("boss"), steps[1].Assignee);
        Assert.Equivalent(new StepCondition("department", ["sales"]), steps[1].When, strict: true);
        Assert.Equal(new ReminderPolicy(null, null, null, 3, Role.OpsManager), steps[1].Reminders);
        Assert.Equal((StepKind.Tasks, null), (steps[2].Kind, steps[2].Assignee));
        Assert.Equal(
            new TaskDefinition("pay", "Оплатить", Assignee.OfRole(Role.Accountant), TaskCompletion.Button, TaskDue.None),
            Assert.Single(steps[2].Tasks));
    }

    [Fact]
    public void A_role_no_one_holds_is_reported_with_its_step_and_route()
    {
        var yaml = Organisation + """

            routes:
              contract:
                - name: lawyer
                  title: Юрист
                  assignee: role:lawyer
            """;

        var error = Assert.Throws<OrganisationFileException>(() => OrganisationYamlLoader.Parse(yaml, Source));

        Assert.Equal(
            $"{Source}, line {OrganisationLines + 5}: no one in the file has the role lawyer (step 'lawyer' of route contract)",
            error.Message);
    }

    [Fact]
    public void Department_head_names_each_department_without_a_head()
    {
        const string yaml = """
            organisation:
              name: Тест
            departments:
              - code: sales
                name: Продажи
              - code: studio
                name: Студия
              - code: finance
                name: Финансы
                head: boss
            people:
              - username: boss
                name: Борис Главный
            routes:
              payment:
                - name: head
                  title: Руководитель
                  assignee: department_head
            """;

        var error = Assert.Throws<OrganisationFileException>(() => OrganisationYamlLoader.Parse(yaml, Source));

        Assert.Equal([18, 18], error.Errors.Select(e => e.Line));
        Assert.Contains("department 'sales' has no head", error.Errors[0].Problem);
        Assert.Contains("department 'studio' has no head", error.Errors[1].Problem);
    }

    [Fact]
    public void Department_head_without_departments_is_reported()
    {
        const string yaml = """
            organisation:
              name: Тест
            people:
              - username: boss
                name: Борис Главный
            routes:
              payment:
                - name: head
                  title: Руководитель
                  assignee: department_head
            """;

        var error = Assert.Throws<OrganisationFileException>(() => OrganisationYamlLoader.Parse(yaml, Source));

        Assert.Contains("no departments are listed", Assert.Single(error.Errors).Problem);
        Assert.Equal(10, error.Errors[0].Line);
    }

    [Fact]
    public void Escalation_to_the_default_role_needs_someone_holding_it()
    {
        const string yaml = """
            organisation:
              name: Тест
            people:
              - username: boss
                name: Борис Главный
                roles: [director]
            routes:
              contract:
                - name: director
                  title: Директор
                  assignee: role:director
                  reminders:
                    every_working_hours: 4
                    escalate_after_working_days: 2
            """;

        var error = Assert.Throws<OrganisationFileException>(() => OrganisationYamlLoader.Parse(yaml, Source));

        var single = Assert.Single(error.Errors);
        Assert.Equal(14, single.Line);
        Assert.Equal("no one in the file has the role ops_manager (step 'director' of route contract, escalate_to by default)", single.Problem);
    }

    [Fact]
    public void All_route_problems_are_reported_together()
    {
        var yaml = Organisation + """

            routes:
              payment:
                - name: head
                  assignee: role:lawyer
                  kind: review
            """;

        var error = Assert.Throws<OrganisationFileException>(() => OrganisationYamlLoader.Parse(yaml, Source));

        Assert.Equal([14, 15, 16], error.Errors.Select(e => e.Line));
    }

    /// <summary>
    /// The line of the problem within the snippet, which starts on line 12 of the file; lines that
    /// messages mention count from the top of the file.
    /// </summary>
    public static TheoryData<int, string, string> Problems => new()
    {
        // Routes.
        {
            2, "unknown route kind 'invoice' (known: payment, contract)", """
            routes:
              invoice:
                - name: director
                  title: Директор
                  assignee: role:director
            """
        },
        {
            5, "route payment is already defined on line 13", """
            routes:
              payment:
                - { name: director, title: Директор, assignee: role:director }
              contract: [{ name: director, title: Директор, assignee: role:director }]
              Payment:
                - { name: director, title: Директор, assignee: role:director }
            """
        },
        { 2, "route payment has no steps", "routes:\n  payment: []" },
        { 2, "route contract has no steps", "routes:\n  contract:" },
        // Steps.
        {
            6, "name 'Director' of a step of route contract is already used on line 14", """
            routes:
              contract:
                - name: director
                  title: Директор
                  assignee: role:director
                - name: Director
                  title: Снова директор
                  assignee: role:director
            """
        },
        {
            3, "'name' is required for a step of route payment", """
            routes:
              payment:
                - title: Директор
                  assignee: role:director
            """
        },
        {
            3, "name 'главный' of a step of route payment may contain only latin letters", """
            routes:
              payment:
                - name: главный
                  title: Директор
                  assignee: role:director
            """
        },
        {
            4, "'title' is required (step 'director' of route payment)", """
            routes:
              payment:
                - name: director
                  title: " "
                  assignee: role:director
            """
        },
        {
            5, "unknown step kind 'review' (known: approval, tasks)", """
            routes:
              payment:
                - name: director
                  title: Директор
                  kind: review
                  assignee: role:director
            """
        },
        {
            3, "an approval step needs an 'assignee' (step 'director' of route payment)", """
            routes:
              payment:
                - name: director
                  title: Директор
            """
        },
        {
            7, "only a step of kind tasks has tasks (step 'director' of route payment)", """
            routes:
              payment:
                - name: director
                  title: Директор
                  assignee: role:director
                  tasks:
                    - { name: pay, title: Оплатить, assignee: role:accountant }
            """
        },
        {
            3, "a tasks step needs at least one task under 'tasks' (step 'accounting' of route payment)", """
            routes:
              payment:
                - name: accounting
                  title: Бухгалтерия
                  kind: tasks
            """
        },
        {
            6, "a tasks step has no assignee of its own, each task names one (step 'accounting' of route payment)", """
            routes:
              payment:
                - name: accounting
                  title: Бухгалтерия
                  kind: tasks
                  assignee: role:accountant
                  tasks:
                    - { name: pay, title: Оплатить, assignee: role:accountant }
            """
        },
        // Assignees.
        {
            5, "assignee 'boss' must be department_head, role:<role> or person:<username>", """
            routes:
              payment:
                - name: director
                  title: Директор
                  assignee: boss
            """
        },
        {
            5, "assignee 'role:' must be department_head", """
            routes:
              payment:
                - name: director
                  title: Директор
                  assignee: "role:"
            """
        },
        {
            5, "unknown role 'lawer' (step 'lawyer' of route contract; known: admin, ops_manager,", """
            routes:
              contract:
                - name: lawyer
                  title: Юрист
                  assignee: role:lawer
            """
        },
        {
            5, "person 'p_morozov' is not listed under people (step 'lawyer' of route contract; refer to a username)", """
            routes:
              contract:
                - name: lawyer
                  title: Юрист
                  assignee: person:p_morozov
            """
        },
        {
            5, "no one in the file has the role cto (step 'cto' of route contract)", """
            routes:
              contract:
                - name: cto
                  title: Технический директор
                  assignee: role:cto
            """
        },
        // Conditions.
        {
            6, "unknown 'when' field 'project' (step 'director' of route contract; known: document_kind, cost_item, department)", """
            routes:
              contract:
                - name: director
                  title: Директор
                  assignee: role:director
                  when: { project: [site] }
            """
        },
        {
            6, "unknown document_kind 'nda' (step 'director' of route contract; known: framework_contract, framework_edit,", """
            routes:
              contract:
                - name: director
                  title: Директор
                  assignee: role:director
                  when: { document_kind: [specification, nda] }
            """
        },
        {
            7, "unknown cost_item 'food' (step 'director' of route payment; known: ads, contractors,", """
            routes:
              payment:
                - name: director
                  title: Директор
                  assignee: role:director
                  when:
                    cost_item: [food]
            """
        },
        {
            6, "unknown department 'marketing' (step 'director' of route payment; known: sales)", """
            routes:
              payment:
                - name: director
                  title: Директор
                  assignee: role:director
                  when: { department: [marketing] }
            """
        },
        {
            6, "'when' may name only one field (step 'director' of route payment)", """
            routes:
              payment:
                - name: director
                  title: Директор
                  assignee: role:director
                  when: { department: [sales], cost_item: [ads] }
            """
        },
        {
            6, "'when' field 'department' must list at least one value", """
            routes:
              payment:
                - name: director
                  title: Директор
                  assignee: role:director
                  when: { department: [] }
            """
        },
        // Reminders.
        {
            7, "every_working_hours '0' is not a positive whole number", """
            routes:
              payment:
                - name: director
                  title: Директор
                  assignee: role:director
                  reminders:
                    every_working_hours: 0
            """
        },
        {
            7, "strong_after_working_days 'two' is not a positive whole number", """
            routes:
              payment:
                - name: director
                  title: Директор
                  assignee: role:director
                  reminders:
                    strong_after_working_days: two
            """
        },
        {
            8, "escalate_after_working_hours counts from the strong reminder, so it needs strong_after_working_days", """
            routes:
              payment:
                - name: director
                  title: Директор
                  assignee: role:director
                  reminders:
                    every_working_hours: 4
                    escalate_after_working_hours: 1
            """
        },
        {
            8, "unknown role 'boss' (step 'director' of route payment;", """
            routes:
              payment:
                - name: director
                  title: Директор
                  assignee: role:director
                  reminders:
                    escalate_after_working_days: 2
                    escalate_to: boss
            """
        },
        {
            8, "no one in the file has the role lawyer (step 'director' of route payment)", """
            routes:
              payment:
                - name: director
                  title: Директор
                  assignee: role:director
                  reminders:
                    escalate_after_working_days: 2
                    escalate_to: lawyer
            """
        },
        // Tasks.
        {
            9, "name 'PAY' of a task of step 'accounting' of route payment is already used on line 18", """
            routes:
              payment:
                - name: accounting
                  title: Бухгалтерия
                  kind: tasks
                  tasks:
                    - { name: pay, title: Оплатить, assignee: role:accountant }
                    - { name: order, title: Платёжка, assignee: role:accountant }
                    - { name: PAY, title: Оплатить ещё раз, assignee: role:accountant }
            """
        },
        {
            7, "a task needs an 'assignee' (task 'pay' of step 'accounting' of route payment)", """
            routes:
              payment:
                - name: accounting
                  title: Бухгалтерия
                  kind: tasks
                  tasks:
                    - { name: pay, title: Оплатить }
            """
        },
        {
            7, "unknown due 'tomorrow' (known: none, payment_day)", """
            routes:
              payment:
                - name: accounting
                  title: Бухгалтерия
                  kind: tasks
                  tasks:
                    - { name: pay, title: Оплатить, assignee: role:accountant, due: tomorrow }
            """
        },
        {
            7, "unknown done_by 'photo' (known: button, file)", """
            routes:
              payment:
                - name: accounting
                  title: Бухгалтерия
                  kind: tasks
                  tasks:
                    - { name: pay, title: Оплатить, assignee: role:accountant, done_by: photo }
            """
        },
        {
            7, "no one in the file has the role chief_accountant (task 'pay' of step 'accounting' of route payment)", """
            routes:
              payment:
                - name: accounting
                  title: Бухгалтерия
                  kind: tasks
                  tasks:
                    - { name: pay, title: Оплатить, assignee: role:chief_accountant }
            """
        },
        // Approvals settings.
        {
            5, "cost item code 'ADS' is already used on line 14", """
            approvals:
              cost_items:
                - code: ads
                  name: Реклама
                - code: ADS
                  name: Ещё реклама
            """
        },
        {
            4, "cost item 'ads': 'name' is required", """
            approvals:
              cost_items:
                - code: ads
                  name: ""
            """
        },
        {
            3, "cost item 'Реклама': 'code' is required", """
            approvals:
              cost_items:
                - name: Реклама
            """
        },
        {
            4, "document kind code 'nda' is already used on line 14", """
            approvals:
              document_kinds:
                - { code: nda, name: NDA }
                - { code: nda, name: Соглашение о неразглашении }
            """
        },
        {
            3, "document kind 'nda': 'name' is required", """
            approvals:
              document_kinds:
                - code: nda
            """
        },
        { 2, "approvals: list at least one cost item", "approvals:\n  cost_items: []" },
        { 4, "reject reason 'нет бюджета' is listed twice", "approvals:\n  reject_reasons:\n    - Нет бюджета\n    - нет бюджета" },
        { 2, "a reject reason must not be empty", "approvals:\n  reject_reasons: [\"\"]" },
        { 2, "unknown payment day 'tuesdays' (use mon,", "approvals:\n  payment_days: [tuesdays, thu]" },
        { 2, "approvals: 'payment_days' must list at least one day", "approvals:\n  payment_days: []" },
        { 3, "numbering 'ЗО-{yyyy}' must contain the request's sequence number {seq}", "approvals:\n  numbering:\n    payment: ЗО-{yyyy}" },
        {
            3, "numbering 'ЗО-{seq}-{seq}' must contain the request's sequence number {seq} (or {seq:0000}) exactly once",
            "approvals:\n  numbering:\n    payment: ЗО-{seq}-{seq}"
        },
        { 3, "unknown placeholder {year} in numbering", "approvals:\n  numbering:\n    payment: \"ЗО-{year}-{seq}\"" },
        { 3, "placeholder {seq:NN} in numbering 'СД-{seq:NN}' must be {seq} or zero-padded", "approvals:\n  numbering:\n    contract: \"СД-{seq:NN}\"" },
        { 3, "numbering 'СД-{seq' has a brace that opens or closes no placeholder", "approvals:\n  numbering:\n    contract: \"СД-{seq\"" },
        // Unknown keys stop at the first, as everywhere in the file.
        {
            5, "unknown key 'assignees'", """
            routes:
              payment:
                - name: director
                  title: Директор
                  assignees: role:director
            """
        },
        {
            7, "unknown key 'escalate_after'", """
            routes:
              payment:
                - name: director
                  title: Директор
                  assignee: role:director
                  reminders:
                    escalate_after: 2
            """
        },
        { 1, "expected a mapping of 'key: value' lines, found a list", "routes: [payment]" },
        { 3, "expected a list", "routes:\n  payment:\n    name: director" },
        { 3, "unknown key 'invoice'", "approvals:\n  numbering:\n    invoice: \"С-{seq}\"" },
        { 2, "unknown key 'payment_day'", "approvals:\n  payment_day: [tue]" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void A_problem_in_the_sections_names_its_line(int line, string problem, string snippet)
    {
        var yaml = Organisation + "\n" + snippet;

        var error = Assert.Throws<OrganisationFileException>(() => OrganisationYamlLoader.Parse(yaml, Source));

        var single = Assert.Single(error.Errors);
        Assert.Equal(OrganisationLines + line, single.Line);
        Assert.Contains(problem, single.Problem);
    }

    private static OrganisationDefinition LoadSample() => OrganisationYamlLoader.Load(SamplePath());

    private static string SamplePath() => Path.Combine(TestFiles.RepoRoot(), "bot", "BotPlatform.Bot", "organisation.yaml");
}
