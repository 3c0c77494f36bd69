using BotPlatform.Core.Common;

namespace BotPlatform.Core.People;

/// <summary>A department as stored: seeded from the organisation file, then managed by admins in the bot.</summary>
public sealed class Department : IVersioned
{
    /// <summary>The short code ("sales"), compared case-insensitively; never changes.</summary>
    public string Id { get; set; } = "";
    public int Version { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The head as the organisation file names people: a username (without @) or a Telegram id.</summary>
    public string? Head { get; set; }
    /// <summary>Fields an admin changed in the bot (<see cref="ManagedFields.Name"/>, <see cref="ManagedFields.Head"/>).</summary>
    public List<string> ChangedInBot { get; set; } = [];
    /// <summary>What the organisation file said of each field at the last start (see <see cref="Person.FileSeen"/>).</summary>
    public Dictionary<string, string> FileSeen { get; set; } = [];

    public DepartmentDefinition ToDefinition() => new(Id, Name, Head);
}

public interface IDepartmentStore
{
    Task<IReadOnlyList<Department>> ListAsync(CancellationToken ct);
    Task<Department?> GetAsync(string code, CancellationToken ct);
    /// <summary>False when a department with this code exists already.</summary>
    Task<bool> TryInsertAsync(Department department, CancellationToken ct);
    /// <summary>Saves when the stored version equals department.Version, then increments it; false on a conflict.</summary>
    Task<bool> TryUpdateAsync(Department department, CancellationToken ct);

    /// <summary>
    /// A number that grows with every stored change (departments are added and updated, never removed: the count
    /// plus the sum of the versions), so a host can tell cheaply whether its copy is current (<see cref="DepartmentsSync"/>).
    /// </summary>
    async Task<long> StampAsync(CancellationToken ct)
    {
        var all = await ListAsync(ct);
        return all.Count + all.Sum(d => (long)d.Version);
    }
}
