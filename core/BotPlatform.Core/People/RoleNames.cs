namespace BotPlatform.Core.People;

/// <summary>
/// The snake_case keys roles have in the organisation file and in admin commands ("ops_manager").
/// The keys are spelled out rather than derived from enum names so that renaming a member cannot
/// silently break existing files.
/// </summary>
public static class RoleNames
{
    private static readonly (Role Role, string Key)[] Keys =
    [
        (Role.Admin, "admin"),
        (Role.OpsManager, "ops_manager"),
        (Role.FinanceManager, "finance_manager"),
        (Role.ChiefAccountant, "chief_accountant"),
        (Role.Accountant, "accountant"),
        (Role.Lawyer, "lawyer"),
        (Role.Cto, "cto"),
        (Role.Director, "director"),
        (Role.ProjectManager, "project_manager"),
        (Role.Employee, "employee"),
        (Role.OfficeManager, "office_manager"),
    ];

    private static readonly Dictionary<Role, string> KeyByRole = Keys.ToDictionary(k => k.Role, k => k.Key);

    private static readonly Dictionary<string, Role> RoleByKey =
        Keys.ToDictionary(k => k.Key, k => k.Role, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<string> AllKeys { get; } = [.. Keys.Select(k => k.Key)];

    public static string ToKey(Role r) =>
        KeyByRole.TryGetValue(r, out var key) ? key : throw new ArgumentOutOfRangeException(nameof(r), r, "Unknown role.");

    /// <summary>Case-insensitive; surrounding whitespace is ignored.</summary>
    public static bool TryParse(string key, out Role role)
    {
        ArgumentNullException.ThrowIfNull(key);
        return RoleByKey.TryGetValue(key.Trim(), out role);
    }
}
