using BotPlatform.Core.Calendar;
using BotPlatform.Core.People;
using BotPlatform.Infrastructure.Organisation;

namespace BotPlatform.Tests.People;

public sealed class OrganisationYamlLoaderTests
{
    private const string Source = "organisation.yaml";

    [Fact]
    public void The_sample_file_shipped_with_the_bot_parses()
    {
        var path = Path.Combine(RepositoryRoot(), "bot", "BotPlatform.Bot", "organisation.yaml");

        var organisation = OrganisationYamlLoader.Load(path);

        Assert.Equal("Агентство «Пример»", organisation.Name);
        Assert.Equal("Europe/Moscow", organisation.TimeZoneId);
        Assert.Equal(["sales", "production", "finance", "management"], organisation.Departments.Select(d => d.Code));
        Assert.All(organisation.Departments, d => Assert.NotNull(d.Head));
        Assert.Contains(new DateOnly(2026, 1, 9), organisation.Holidays);
        Assert.Contains(new DateOnly(2027, 11, 4), organisation.Holidays);
    }

    [Fact]
    public void The_sample_file_gives_every_role_to_someone()
    {
        var path = Path.Combine(RepositoryRoot(), "bot", "BotPlatform.Bot", "organisation.yaml");

        var organisation = OrganisationYamlLoader.Load(path);

        Assert.Equal(Enum.GetValues<Role>().Order(), organisation.People.SelectMany(p => p.Roles).Distinct().Order());
    }

    [Fact]
    public void Omitted_settings_take_the_defaults()
    {
        const string yaml = """
            organisation:
              name: Тест
            people:
              - username: ivanov
                name: Иван Иванов
            """;

        var organisation = OrganisationYamlLoader.Parse(yaml, Source);

        Assert.Equal("Europe/Moscow", organisation.TimeZoneId);
        Assert.Equal(new TimeOnly(9, 0), organisation.DayStart);
        Assert.Equal(new TimeOnly(18, 0), organisation.DayEnd);
        Assert.Equal(
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            organisation.WorkingDays);
        Assert.Empty(organisation.Holidays);
        Assert.Empty(organisation.ExtraWorkingDays);
        Assert.Equal("ru", organisation.DefaultLanguage);
        Assert.Equal("RUB", organisation.Currency);
        Assert.Empty(organisation.Departments);
    }

    [Fact]
    public void A_person_without_roles_is_an_employee_and_follows_the_telegram_language()
    {
        const string yaml = """
            organisation:
              name: Тест
            people:
              - username: ivanov
                name: Иван Иванов
            """;

        var person = Assert.Single(OrganisationYamlLoader.Parse(yaml, Source).People);

        Assert.Equal([Role.Employee], person.Roles);
        Assert.Null(person.Language);
        Assert.Null(person.Department);
    }

    [Fact]
    public void Explicit_settings_are_read_and_normalised()
    {
        const string yaml = """
            organisation:
              name: Studio
              time_zone: Asia/Yekaterinburg
              working_hours: 10:00-19:30
              working_days: [Monday, tue, wed, thu, fri, sat]
              holidays: [2026-06-12, 2026-01-01]
              extra_working_days: [2026-11-01]
              language: EN
              currency: usd
            departments:
              - code: dev
                name: Development
                head: "@Boss"
            people:
              - username: "@boss"
                telegram_id: 123456789
                name: The Boss
                department: DEV
                roles: [director, CTO]
                language: en
            """;

        var organisation = OrganisationYamlLoader.Parse(yaml, Source);

        Assert.Equal("Asia/Yekaterinburg", organisation.TimeZoneId);
        Assert.Equal((new TimeOnly(10, 0), new TimeOnly(19, 30)), (organisation.DayStart, organisation.DayEnd));
        Assert.Equal(DayOfWeek.Saturday, organisation.WorkingDays[^1]);
        Assert.Equal([new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 12)], organisation.Holidays);
        Assert.Equal([new DateOnly(2026, 11, 1)], organisation.ExtraWorkingDays);
        Assert.Equal(("en", "USD"), (organisation.DefaultLanguage, organisation.Currency));
        Assert.Equal(new DepartmentDefinition("dev", "Development", "boss"), Assert.Single(organisation.Departments));
        var person = Assert.Single(organisation.People);
        Assert.Equal(("boss", 123456789L, "dev", "en"), (person.Username, person.TelegramId, person.Department, person.Language));
        Assert.Equal([Role.Director, Role.Cto], person.Roles);
    }

    [Fact]
    public void A_department_head_may_be_given_by_telegram_id()
    {
        const string yaml = """
            organisation:
              name: Тест
            departments:
              - code: finance
                name: Финансы
                head: 5139274461
            people:
              - telegram_id: 5139274461
                name: Ирина Соколова
            """;

        var department = Assert.Single(OrganisationYamlLoader.Parse(yaml, Source).Departments);

        Assert.Equal("5139274461", department.Head);
    }

    [Fact]
    public void The_definition_becomes_working_time_settings_for_the_calendar()
    {
        const string yaml = """
            organisation:
              name: Тест
              holidays: [2026-11-23]
            """;
        var organisation = OrganisationYamlLoader.Parse(yaml, Source);

        var calendar = new WorkingCalendar(organisation.ToWorkingTimeSettings());

        Assert.Equal("Europe/Moscow", calendar.Settings.TimeZone.Id);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 11, 23)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 11, 24)));
    }

    [Fact]
    public void An_error_names_the_file_the_line_and_the_problem()
    {
        const string yaml = """
            organisation:
              name: Тест
            people:
              - username: ivanov
                name: Иван Иванов
                roles: [employee, acountant]
            """;

        var error = Assert.Throws<OrganisationFileException>(() => OrganisationYamlLoader.Parse(yaml, Source));

        Assert.Equal(
            "organisation.yaml, line 6: unknown role 'acountant' (known: admin, ops_manager, finance_manager, chief_accountant, "
            + "accountant, lawyer, cto, director, project_manager, employee, office_manager)",
            error.Message);
    }

    [Fact]
    public void A_yaml_syntax_error_names_its_line()
    {
        const string yaml = """
            organisation:
              name: Тест
              time_zone: Europe/Moscow: yes
            """;

        AssertSingleErrorAt(3, "invalid YAML", yaml);
    }

    [Fact]
    public void Broken_indentation_names_its_line()
    {
        const string yaml = """
            organisation:
              name: Тест
             currency: RUB
            """;

        AssertSingleErrorAt(3, "invalid YAML", yaml);
    }

    [Fact]
    public void An_unknown_key_names_its_line_and_the_known_keys()
    {
        const string yaml = """
            organisation:
              name: Тест
              timezone: Europe/Moscow
            """;

        var error = AssertSingleErrorAt(3, "unknown key 'timezone'", yaml);

        Assert.Contains("time_zone", error.Message);
    }

    [Fact]
    public void An_unknown_key_inside_a_person_names_its_line()
    {
        const string yaml = """
            organisation:
              name: Тест
            people:
              - username: ivanov
                name: Иван Иванов
                role: [employee]
            """;

        AssertSingleErrorAt(6, "unknown key 'role'", yaml);
    }

    [Fact]
    public void An_unknown_top_level_section_names_its_line()
    {
        const string yaml = """
            organisation:
              name: Тест
            employees: []
            """;

        AssertSingleErrorAt(3, "unknown key 'employees'", yaml);
    }

    [Fact]
    public void An_unknown_role_in_a_block_list_names_the_line_of_that_item()
    {
        const string yaml = """
            organisation:
              name: Тест
            people:
              - username: ivanov
                name: Иван Иванов
                roles:
                  - employee
                  - acountant
            """;

        AssertSingleErrorAt(8, "unknown role 'acountant'", yaml);
    }

    [Fact]
    public void An_unknown_time_zone_names_its_line()
    {
        const string yaml = """
            organisation:
              name: Тест
              time_zone: Europe/Moskow
            """;

        AssertSingleErrorAt(3, "unknown time zone 'Europe/Moskow'", yaml);
    }

    [Fact]
    public void A_windows_time_zone_name_is_rejected()
    {
        const string yaml = """
            organisation:
              name: Тест
              time_zone: Russian Standard Time
            """;

        AssertSingleErrorAt(3, "not an IANA name", yaml);
    }

    [Fact]
    public void A_department_head_who_is_not_listed_names_the_line()
    {
        const string yaml = """
            organisation:
              name: Тест
            departments:
              - code: sales
                name: Продажи
                head: petrov
            people:
              - username: ivanov
                name: Иван Иванов
            """;

        AssertSingleErrorAt(6, "head 'petrov' is not listed", yaml);
    }

    [Fact]
    public void A_duplicate_username_names_the_second_line_and_the_first()
    {
        const string yaml = """
            organisation:
              name: Тест
            people:
              - username: ivanov
                name: Иван Иванов
              - username: Ivanov
                name: Иван Иванов-второй
            """;

        AssertSingleErrorAt(6, "username 'Ivanov' is already used by the person on line 4", yaml);
    }

    [Fact]
    public void A_duplicate_telegram_id_names_its_line()
    {
        const string yaml = """
            organisation:
              name: Тест
            people:
              - telegram_id: 1001
                name: Первый
              - telegram_id: 1001
                name: Второй
            """;

        AssertSingleErrorAt(6, "telegram_id 1001 is already used", yaml);
    }

    [Fact]
    public void A_person_without_username_and_telegram_id_names_the_line()
    {
        const string yaml = """
            organisation:
              name: Тест
            people:
              - username: ivanov
                name: Иван Иванов
              - name: Пётр Петров
                roles: [employee]
            """;

        AssertSingleErrorAt(6, "needs a username or a telegram_id", yaml);
    }

    [Fact]
    public void A_bad_date_names_its_line()
    {
        const string yaml = """
            organisation:
              name: Тест
              holidays:
                - 2026-01-01
                - 2026-02-30
            """;

        AssertSingleErrorAt(5, "holiday '2026-02-30' is not a date", yaml);
    }

    [Fact]
    public void A_date_both_holiday_and_extra_working_day_names_its_line()
    {
        const string yaml = """
            organisation:
              name: Тест
              holidays: [2026-11-21]
              extra_working_days: [2026-11-21]
            """;

        AssertSingleErrorAt(4, "both as a holiday and as an extra working day", yaml);
    }

    [Theory]
    [InlineData("9-18", "must look like")]
    [InlineData("09:00 - 25:00", "must look like")]
    [InlineData("18:00-09:00", "must end after they start")]
    [InlineData("09:00-09:00", "must end after they start")]
    public void Bad_working_hours_name_their_line(string hours, string problem)
    {
        var yaml = $"""
            organisation:
              name: Тест
              working_hours: "{hours}"
            """;

        AssertSingleErrorAt(3, problem, yaml);
    }

    [Fact]
    public void An_unknown_working_day_names_its_line()
    {
        const string yaml = """
            organisation:
              name: Тест
              working_days: [mon, tue, wen]
            """;

        AssertSingleErrorAt(3, "unknown working day 'wen'", yaml);
    }

    [Fact]
    public void A_missing_organisation_name_is_reported()
    {
        const string yaml = """
            organisation:
              time_zone: Europe/Moscow
            """;

        AssertSingleErrorAt(2, "'name' is required", yaml);
    }

    [Fact]
    public void A_duplicate_department_code_names_its_line()
    {
        const string yaml = """
            organisation:
              name: Тест
            departments:
              - code: sales
                name: Продажи
              - code: Sales
                name: Ещё продажи
            """;

        AssertSingleErrorAt(6, "department code 'Sales' is already used by the department on line 4", yaml);
    }

    [Fact]
    public void A_person_in_an_unknown_department_names_the_line()
    {
        const string yaml = """
            organisation:
              name: Тест
            departments:
              - code: sales
                name: Продажи
            people:
              - username: ivanov
                name: Иван Иванов
                department: marketing
            """;

        AssertSingleErrorAt(9, "unknown department 'marketing' (known: sales)", yaml);
    }

    [Theory]
    [InlineData("language: de", "unknown language 'de'")]
    [InlineData("currency: RUBL", "three-letter ISO 4217 code")]
    public void Bad_language_and_currency_name_their_line(string line, string problem)
    {
        var yaml = $"""
            organisation:
              name: Тест
              {line}
            """;

        AssertSingleErrorAt(3, problem, yaml);
    }

    [Fact]
    public void A_list_where_a_single_value_belongs_names_its_line()
    {
        const string yaml = """
            organisation:
              name: [Тест]
            """;

        AssertSingleErrorAt(2, "expected a single value", yaml);
    }

    [Fact]
    public void A_single_value_where_a_list_belongs_names_its_line()
    {
        const string yaml = """
            organisation:
              name: Тест
            people:
              - username: ivanov
                name: Иван Иванов
                roles: employee
            """;

        AssertSingleErrorAt(6, "expected a list", yaml);
    }

    [Fact]
    public void A_duplicate_key_names_its_line()
    {
        const string yaml = """
            organisation:
              name: Тест
              name: Тест-2
            """;

        AssertSingleErrorAt(3, "key 'name' appears twice", yaml);
    }

    [Fact]
    public void All_value_problems_are_reported_together_in_file_order()
    {
        const string yaml = """
            organisation:
              name: Тест
              currency: рубль
            people:
              - username: ivanov
                name: Иван Иванов
                roles: [boss]
            """;

        var error = Assert.Throws<OrganisationFileException>(() => OrganisationYamlLoader.Parse(yaml, Source));

        Assert.Equal([3, 7], error.Errors.Select(e => e.Line));
        Assert.Equal(2, error.Message.Split(Environment.NewLine).Length);
    }

    [Fact]
    public void A_value_where_a_section_belongs_names_its_line()
    {
        const string yaml = """
            organisation:
              name: Тест
            people: Иван
            """;

        AssertSingleErrorAt(3, "expected a list", yaml);
    }

    [Fact]
    public void A_value_where_a_mapping_belongs_names_its_line()
    {
        const string yaml = """
            organisation: Тест
            """;

        AssertSingleErrorAt(1, "expected a mapping", yaml);
    }

    [Fact]
    public void A_missing_organisation_section_is_reported_once()
    {
        const string yaml = """
            people: []
            """;

        AssertSingleErrorAt(1, "the 'organisation' section", yaml);
    }

    [Fact]
    public void An_empty_file_is_reported()
    {
        AssertSingleErrorAt(1, "the file is empty", "# nothing but a comment\n");
    }

    [Fact]
    public void A_missing_file_is_reported_with_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}", "organisation.yaml");

        var error = Assert.Throws<OrganisationFileException>(() => OrganisationYamlLoader.Load(path));

        Assert.StartsWith($"{path}: cannot read the file", error.Message);
    }

    private static OrganisationFileException AssertSingleErrorAt(int line, string problem, string yaml)
    {
        var error = Assert.Throws<OrganisationFileException>(() => OrganisationYamlLoader.Parse(yaml, Source));

        var single = Assert.Single(error.Errors);
        Assert.Equal(line, single.Line);
        Assert.Contains(problem, single.Problem);
        Assert.StartsWith($"{Source}, line {line}: ", error.Message);
        return error;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BotPlatform.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains BotPlatform.sln.");
    }
}
