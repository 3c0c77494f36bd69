using BotPlatform.Core.Audit;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;

namespace BotPlatform.Core.Projects;

public enum LinkOutcome
{
    Linked,
    AlreadyLinked,
}

/// <summary>Someone who wrote in (or joined) a group, as Telegram shows them.</summary>
public sealed record GroupMember(long UserId, string Name, string? Username, bool IsBot);

/// <summary>
/// The client's Telegram groups: linking one to a project (the project's PM only; one group holds
/// projects of one client), following a group that became a supergroup, and recording the people in
/// it who are not staff as the client's contacts.
/// </summary>
public sealed class ProjectGroups(
    IProjectStore projects,
    IClientStore clients,
    IPeopleStore people,
    IUnitOfWork unitOfWork,
    IAuditLog audit,
    TimeProvider time) : IChatMigrationObserver
{
    public async Task<Result<(Project Project, LinkOutcome Outcome)>> LinkAsync(Project found, long chatId, Person actor, CancellationToken ct)
    {
        if (!actor.IsActive || actor.Id != found.PmId)
            return Result<(Project, LinkOutcome)>.Fail(ProjectProblems.LinkNotAllowed);
        var now = time.GetUtcNow();
        return await unitOfWork.RunAsync(async () =>
        {
            if (await projects.GetAsync(found.Id, ct) is not { } project) return Result<(Project, LinkOutcome)>.Fail(ProjectProblems.NotFound, found.Number);
            var others = await projects.ByGroupAsync(chatId, ct);
            if (others.FirstOrDefault(p => p.ClientId != project.ClientId) is { } other)
                return Result<(Project, LinkOutcome)>.Fail(ProjectProblems.OtherClientsGroup, other.Number);
            if (!project.LinkGroup(chatId, actor.Id, now)) return Result<(Project, LinkOutcome)>.Ok((project, LinkOutcome.AlreadyLinked));
            if (!await projects.TryUpdateAsync(project, ct)) throw new InvalidOperationException($"Project {project.Number} changed while it was being linked");
            await audit.AppendAsync(new AuditEntry { Subject = project.Subject, Action = ProjectActions.GroupLinked, ActorId = actor.Id, At = now, Reason = chatId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, ct);
            return Result<(Project, LinkOutcome)>.Ok((project, LinkOutcome.Linked));
        }, ct);
    }

    public async Task MigratedAsync(long fromChatId, long toChatId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await unitOfWork.RunAsync(async () =>
        {
            foreach (var project in await projects.ByGroupAsync(fromChatId, ct))
            {
                if (project.MoveGroup(fromChatId, toChatId, now) && !await projects.TryUpdateAsync(project, ct))
                    throw new InvalidOperationException($"Project {project.Number} changed while its group moved");
            }
            return true;
        }, ct);
    }

    /// <summary>Records everyone in a linked group who is not staff as a contact of the projects' client; false when nothing changed.</summary>
    public async Task<bool> SeenAsync(long chatId, IReadOnlyList<GroupMember> members, CancellationToken ct)
    {
        var linked = await projects.ByGroupAsync(chatId, ct);
        if (linked.Count == 0) return false;
        var outsiders = new List<GroupMember>();
        foreach (var member in members.Where(m => !m.IsBot).DistinctBy(m => m.UserId))
        {
            if (await people.FindByTelegramIdAsync(member.UserId, ct) is not { IsActive: true }) outsiders.Add(member);
        }
        if (outsiders.Count == 0) return false;
        var now = time.GetUtcNow();
        var changed = false;
        foreach (var group in linked.GroupBy(p => p.ClientId))
        {
            changed |= await unitOfWork.RunAsync(async () =>
            {
                if (await clients.GetAsync(group.Key, ct) is not { } client) return false;
                var any = false;
                foreach (var member in outsiders)
                {
                    var contact = client.Contacts.FirstOrDefault(c => c.TelegramUserId == member.UserId);
                    if (contact is null)
                    {
                        contact = new ClientContact { TelegramUserId = member.UserId, FirstSeenAt = now };
                        client.Contacts.Add(contact);
                        any = true;
                    }
                    if (contact.Name != member.Name || contact.Username != member.Username) any = true;
                    contact.Name = member.Name;
                    contact.Username = member.Username;
                    foreach (var project in group.Where(p => !contact.ProjectIds.Contains(p.Id)))
                    {
                        contact.ProjectIds.Add(project.Id);
                        any = true;
                    }
                }
                return any && await clients.TryUpdateAsync(client, ct);
            }, ct);
        }
        return changed;
    }

    /// <summary>Whether the Telegram user is one of the client's contacts for the project (the client's buttons are theirs).</summary>
    public async Task<bool> IsClientContactAsync(Project project, long telegramUserId, CancellationToken ct) =>
        await clients.GetAsync(project.ClientId, ct) is { } client
        && client.Contacts.Any(c => c.TelegramUserId == telegramUserId && c.ProjectIds.Contains(project.Id));
}
