namespace BotPlatform.Core.People;

public interface IPeopleStore
{
    Task<Person?> GetAsync(long id, CancellationToken ct);
    Task<Person?> FindByTelegramIdAsync(long telegramUserId, CancellationToken ct);
    /// <summary>Case-insensitive, with or without the leading @.</summary>
    Task<Person?> FindByUsernameAsync(string username, CancellationToken ct);
    Task<IReadOnlyList<Person>> ListAsync(CancellationToken ct);
    Task<IReadOnlyList<Person>> WithRoleAsync(Role role, CancellationToken ct);
    Task<IReadOnlyList<Person>> AwayEndingByAsync(DateTimeOffset instant, CancellationToken ct);
    Task InsertAsync(Person person, CancellationToken ct);
    /// <summary>Saves when the stored version equals person.Version, then increments it; false on a conflict.</summary>
    Task<bool> TryUpdateAsync(Person person, CancellationToken ct);
}

/// <summary>A one-time link that grants a role when opened (/start CODE).</summary>
public sealed class Invite
{
    public string Id { get; set; } = "";
    public Role Role { get; set; }
    public string? Department { get; set; }
    public long CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public long? UsedBy { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public int Version { get; set; }
}

public interface IInviteStore
{
    Task<Invite?> GetAsync(string code, CancellationToken ct);
    Task InsertAsync(Invite invite, CancellationToken ct);
    /// <summary>Marks the invite used unless someone used it first; false when it was already used.</summary>
    Task<bool> TryMarkUsedAsync(string code, long personId, DateTimeOffset at, CancellationToken ct);
}
