using System.Security.Cryptography;
using BotPlatform.Core.Audit;
using BotPlatform.Core.Common;

namespace BotPlatform.Core.People;

/// <summary>/invite ROLE [DEPARTMENT]: admins create one-time links that grant a role.</summary>
public sealed class Invites(IInviteStore invites, IAuditLog audit, Organisation organisation, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public async Task<Result<Invite>> CreateAsync(Person admin, string? roleKey, string? departmentCode, CancellationToken ct)
    {
        if (!admin.Has(Role.Admin)) return Result<Invite>.Fail(PeopleProblems.NotAllowed);
        if (roleKey is null || !RoleNames.TryParse(roleKey.Trim().ToLowerInvariant(), out var role))
            return Result<Invite>.Fail(PeopleProblems.UnknownRole, roleKey ?? "", string.Join(", ", RoleNames.AllKeys));
        string? department = null;
        if (!string.IsNullOrWhiteSpace(departmentCode))
        {
            if (!organisation.Departments.TryGetValue(departmentCode.Trim(), out var d))
                return Result<Invite>.Fail(PeopleProblems.UnknownDepartment, departmentCode, string.Join(", ", organisation.Departments.Keys));
            department = d.Code;
        }
        var now = time.GetUtcNow();
        var invite = new Invite
        {
            Id = NewCode(), Role = role, Department = department, CreatedBy = admin.Id, CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        await invites.InsertAsync(invite, ct);
        await audit.AppendAsync(new AuditEntry
        {
            Subject = $"invite:{invite.Id}", Action = "invite:create", ActorId = admin.Id, At = now,
            Reason = RoleNames.ToKey(role) + (department is null ? "" : "/" + department),
        }, ct);
        return Result<Invite>.Ok(invite);
    }

    // Deep-link payloads allow [A-Za-z0-9_-]; 16 random bytes keep codes unguessable.
    private static string NewCode() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
