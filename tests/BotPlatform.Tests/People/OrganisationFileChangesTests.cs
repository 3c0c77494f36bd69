using BotPlatform.Core.People;
using BotPlatform.Core.People.Administration;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.People;

/// <summary>
/// A later organisation file at start-up: additions applied, fields no admin touched follow the file,
/// fields admins changed in the bot are kept and the difference reported once to the admins.
/// </summary>
public abstract class OrganisationFileChangesTests(StorageEngine engine) : IAsyncLifetime
{
    private BotHost _host = null!;
    private ApprovalPeople _p = null!;

    public sealed class LiteDb() : OrganisationFileChangesTests(StorageEngine.LiteDb);

    public sealed class Postgres() : OrganisationFileChangesTests(StorageEngine.Postgres);

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync(storage: engine);
        _p = await ApprovalPeople.JoinAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_changed_file_adds_people_and_departments_applies_untouched_fields_and_reports_conflicts_once()
    {
        var anna = await _host.PersonAsync(_p.Anna);
        var admin = _host.Get<PeopleAdministration>();
        await admin.ToggleRoleAsync(anna, (await _host.PersonAsync(_p.Olga)).Id, Role.Lawyer, default);
        await admin.RenameDepartmentAsync(anna, "finance", "Финансовый отдел", default);
        var file = Path.Combine(_host.Data.Path, "organisation.changed.yaml");
        var yaml = await File.ReadAllTextAsync(TestFiles.Path("TestData/organisation.test.yaml"));
        yaml = yaml
            .Replace("    name: Отдел продаж", "    name: Продажи", StringComparison.Ordinal)
            .Replace("    name: Финансы", "    name: Финансы и бухгалтерия", StringComparison.Ordinal)
            .Replace("  - username: emp_olga\n    name: Ольга Сотрудникова\n    department: sales\n    roles: [employee]",
                "  - username: emp_olga\n    name: Ольга Сотрудникова\n    department: sales\n    roles: [employee, project_manager]", StringComparison.Ordinal)
            .Replace("  - username: eng_john\n    name: John Smith\n    department: sales", "  - username: eng_john\n    name: John Smith\n    department: finance",
                StringComparison.Ordinal)
            .Replace("departments:\n", "departments:\n  - code: design\n    name: Дизайн\n    head: new_vera\n", StringComparison.Ordinal)
            + "  - username: new_vera\n    name: Вера Новикова\n    department: design\n    roles: [employee]\n";
        await File.WriteAllTextAsync(file, yaml);

        await _host.RestartAsync(new Dictionary<string, string?> { ["Organisation:File"] = file });
        var told = await _host.Tg.WaitForBotMessageAsync(_p.Anna.PrivateChat, m => m.Text?.StartsWith("⚠️ Организационный файл", StringComparison.Ordinal) == true);

        var organisation = _host.Get<Organisation>();
        var store = _host.Get<IPeopleStore>();
        Assert.NotNull(await store.FindByUsernameAsync("new_vera", default));
        Assert.Equal("Дизайн", organisation.DepartmentName("design"));
        Assert.Equal("Продажи", organisation.DepartmentName("sales"));
        Assert.Equal("finance", (await _host.PersonAsync(_p.John)).Department);
        Assert.Equal([Role.Employee, Role.Lawyer], (await _host.PersonAsync(_p.Olga)).Roles);
        Assert.Equal("Финансовый отдел", organisation.DepartmentName("finance"));
        Assert.Contains("• Ольга Сотрудникова: роли — в файле «project_manager, employee», в боте «lawyer, employee»", told.Text, StringComparison.Ordinal);
        Assert.Contains("• finance: название — в файле «Финансы и бухгалтерия», в боте «Финансовый отдел»", told.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("John", told.Text, StringComparison.Ordinal);

        await _host.RestartAsync(new Dictionary<string, string?> { ["Organisation:File"] = file });
        await _host.IdleAsync();
        Assert.Single(_host.BotSaid(_p.Anna, "⚠️ Организационный файл"));
    }

    [Fact]
    public async Task A_file_that_still_says_what_it_said_before_an_admins_change_is_not_a_conflict()
    {
        var anna = await _host.PersonAsync(_p.Anna);
        await _host.Get<PeopleAdministration>().ToggleRoleAsync(anna, (await _host.PersonAsync(_p.Olga)).Id, Role.Lawyer, default);
        await _host.Get<PeopleAdministration>().RenameDepartmentAsync(anna, "sales", "Продажи", default);

        await _host.RestartAsync();
        await _host.IdleAsync();

        Assert.Empty(_host.BotSaid(_p.Anna, "⚠️"));
        Assert.Equal([Role.Employee, Role.Lawyer], (await _host.PersonAsync(_p.Olga)).Roles);
        Assert.Equal("Продажи", _host.Get<Organisation>().DepartmentName("sales"));
    }
}
