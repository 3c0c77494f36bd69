using System.Text.RegularExpressions;
using BotPlatform.Core.Audit;
using BotPlatform.Core.Common;

namespace BotPlatform.Core.People.Administration;

/// <summary>
/// People and departments after the first start, for admins only: roles, department, department heads,
/// new and renamed departments. Every change is audited, marks the field as changed in the bot (so the
/// organisation file no longer overrides it) and refreshes the person's menu.
/// </summary>
public sealed partial class PeopleAdministration(
    IPeopleStore people,
    IDepartmentStore departments,
    Organisation organisation,
    IAuditLog audit,
    TimeProvider time,
    IEnumerable<IPersonChangeObserver> observers)
{
    public static bool IsAdmin(Person? person) => person is { IsActive: true } && person.Has(Role.Admin);

    public async Task<Result<IReadOnlyList<Person>>> ListAsync(Person admin, CancellationToken ct)
    {
        if (!IsAdmin(admin)) return Result<IReadOnlyList<Person>>.Fail(PeopleProblems.NotAllowed);
        var all = await people.ListAsync(ct);
        return Result<IReadOnlyList<Person>>.Ok(all.OrderBy(p => p.IsDeactivated).ThenBy(p => p.Status).ThenBy(p => p.Name).ToList());
    }

    public async Task<Result<Person>> GetAsync(Person admin, long personId, CancellationToken ct)
    {
        if (!IsAdmin(admin)) return Result<Person>.Fail(PeopleProblems.NotAllowed);
        return await people.GetAsync(personId, ct) is { } person ? Result<Person>.Ok(person) : Result<Person>.Fail(PeopleProblems.PersonUnknown);
    }

    public async Task<Result<Person>> ToggleRoleAsync(Person admin, long personId, Role role, CancellationToken ct)
    {
        if (!IsAdmin(admin)) return Result<Person>.Fail(PeopleProblems.NotAllowed);
        if (await people.GetAsync(personId, ct) is not { IsDeactivated: false } target) return Result<Person>.Fail(PeopleProblems.PersonUnknown);
        var had = target.Has(role);
        var changed = await people.ChangeAsync(personId, p => !p.IsDeactivated && p.ToggleRole(role), ct);
        if (changed is null) return Result<Person>.Fail(PeopleProblems.LastRole, target.Name);
        await AuditAsync(changed, had ? "role:removed" : "role:granted", admin, RoleNames.ToKey(role), ct);
        return Changed(changed);
    }

    public async Task<Result<Person>> MoveAsync(Person admin, long personId, string departmentCode, CancellationToken ct)
    {
        if (!IsAdmin(admin)) return Result<Person>.Fail(PeopleProblems.NotAllowed);
        if (!organisation.Departments.TryGetValue(departmentCode, out var department))
            return Result<Person>.Fail(PeopleProblems.UnknownDepartment, departmentCode, string.Join(", ", organisation.Departments.Keys));
        if (await people.GetAsync(personId, ct) is not { IsDeactivated: false } target) return Result<Person>.Fail(PeopleProblems.PersonUnknown);
        var changed = await people.ChangeAsync(personId, p => !p.IsDeactivated && p.MoveTo(department.Code), ct) ?? target;
        await AuditAsync(changed, "department:moved", admin, department.Code, ct);
        return Changed(changed);
    }

    /// <summary>Makes the person the head of their own department (the step "department head" goes to them from now on).</summary>
    public async Task<Result<Department>> MakeHeadAsync(Person admin, long personId, CancellationToken ct)
    {
        if (!IsAdmin(admin)) return Result<Department>.Fail(PeopleProblems.NotAllowed);
        if (await people.GetAsync(personId, ct) is not { IsActive: true, Department: { } code } head || Reference(head) is not { } reference)
            return Result<Department>.Fail(PeopleProblems.PersonUnknown);
        var saved = await ChangeDepartmentAsync(code, d =>
        {
            d.Head = reference;
            d.ChangedInBot.Remove(ManagedFields.Head);
            d.ChangedInBot.Add(ManagedFields.Head);
        }, ct);
        if (saved is null) return Result<Department>.Fail(PeopleProblems.UnknownDepartment, code, string.Join(", ", organisation.Departments.Keys));
        await AuditAsync(head, "department:head", admin, code, ct);
        return Result<Department>.Ok(saved);
    }

    public async Task<Result<Department>> AddDepartmentAsync(Person admin, string code, string name, CancellationToken ct)
    {
        if (!IsAdmin(admin)) return Result<Department>.Fail(PeopleProblems.NotAllowed);
        code = code.Trim();
        if (!DepartmentCodePattern().IsMatch(code)) return Result<Department>.Fail(PeopleProblems.DepartmentCode, code);
        if (string.IsNullOrWhiteSpace(name)) return Result<Department>.Fail(PeopleProblems.DepartmentCode, code);
        var department = new Department { Id = code, Name = name.Trim(), ChangedInBot = [ManagedFields.Name] };
        if (!await departments.TryInsertAsync(department, ct)) return Result<Department>.Fail(PeopleProblems.DepartmentExists, code);
        organisation.UseDepartments(await departments.ListAsync(ct));
        await audit.AppendAsync(new AuditEntry { Subject = $"department:{department.Id}", Action = "department:added", ActorId = admin.Id, At = time.GetUtcNow(), Reason = department.Name }, ct);
        return Result<Department>.Ok(department);
    }

    public async Task<Result<Department>> RenameDepartmentAsync(Person admin, string code, string name, CancellationToken ct)
    {
        if (!IsAdmin(admin)) return Result<Department>.Fail(PeopleProblems.NotAllowed);
        if (string.IsNullOrWhiteSpace(name)) return Result<Department>.Fail(PeopleProblems.DepartmentCode, code);
        var saved = await ChangeDepartmentAsync(code, d =>
        {
            d.Name = name.Trim();
            if (!d.ChangedInBot.Contains(ManagedFields.Name)) d.ChangedInBot.Add(ManagedFields.Name);
        }, ct);
        if (saved is null) return Result<Department>.Fail(PeopleProblems.UnknownDepartment, code, string.Join(", ", organisation.Departments.Keys));
        await audit.AppendAsync(new AuditEntry { Subject = $"department:{saved.Id}", Action = "department:renamed", ActorId = admin.Id, At = time.GetUtcNow(), Reason = saved.Name }, ct);
        return Result<Department>.Ok(saved);
    }

    /// <summary>A person as the organisation file names people: username, else the Telegram id.</summary>
    public static string? Reference(Person person) =>
        person.Username ?? person.TelegramUserId?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal async Task<Department?> ChangeDepartmentAsync(string code, Action<Department> change, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 16; attempt++)
        {
            if (await departments.GetAsync(code.Trim().ToLowerInvariant(), ct) is not { } department) return null;
            change(department);
            if (!await departments.TryUpdateAsync(department, ct)) continue;
            organisation.UseDepartments(await departments.ListAsync(ct));
            return department;
        }
        throw new InvalidOperationException($"Department {code} keeps changing concurrently");
    }

    private Task AuditAsync(Person person, string action, Person admin, string? reason, CancellationToken ct) =>
        audit.AppendAsync(new AuditEntry { Subject = $"person:{person.Id}", Action = action, ActorId = admin.Id, At = time.GetUtcNow(), Reason = reason }, ct);

    private Result<Person> Changed(Person person)
    {
        foreach (var observer in observers) observer.Changed(person);
        return Result<Person>.Ok(person);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex DepartmentCodePattern();
}
