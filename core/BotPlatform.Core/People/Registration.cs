using BotPlatform.Core.Audit;
using BotPlatform.Core.Common;
using BotPlatform.Core.Messaging;

namespace BotPlatform.Core.People;

/// <summary>Who wrote to the bot, as Telegram describes them.</summary>
public sealed record TelegramIdentity(long UserId, string? Username, string FirstName, string? LastName, string? LanguageCode)
{
    public string DisplayName => string.IsNullOrWhiteSpace(LastName) ? FirstName : $"{FirstName} {LastName}";
}

public enum StartKind
{
    /// <summary>Already known: nothing changed.</summary>
    Returning,
    /// <summary>Listed in the organisation file by username and linked to Telegram now.</summary>
    Linked,
    /// <summary>Joined (or got a new role) through an invite link.</summary>
    Joined,
    /// <summary>Unknown: waits for an admin.</summary>
    Pending,
}

public sealed record StartOutcome(Person Person, StartKind Kind, Role? GrantedRole = null, Problem? InviteProblem = null);

/// <summary>/start: registers the person, matches them to the organisation file, redeems invites.</summary>
public sealed class Registration(IPeopleStore people, IInviteStore invites, IAuditLog audit, Organisation organisation, TimeProvider time,
    IEnumerable<IPersonChangeObserver> observers)
{
    public async Task<StartOutcome> StartAsync(TelegramIdentity who, string? inviteCode, Outgoing outgoing, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var person = await people.FindByTelegramIdAsync(who.UserId, ct);
        var kind = StartKind.Returning;
        if (person is null && who.Username is { Length: > 0 } username
            && await people.FindByUsernameAsync(username, ct) is { TelegramUserId: null } listed)
        {
            person = listed;
            kind = StartKind.Linked;
        }
        var isNew = person is null;
        if (person is null)
        {
            person = new Person { Name = who.DisplayName, Language = organisation.DefaultLanguage, Status = PersonStatus.Pending };
            person.LinkTelegram(who.UserId, who.Username, who.LanguageCode, now);
            await people.InsertAsync(person, ct);
        }

        Problem? inviteProblem = null;
        Invite? invite = null;
        if (!string.IsNullOrWhiteSpace(inviteCode))
        {
            var redeemed = await RedeemAsync(person.Id, inviteCode.Trim(), now, ct);
            if (redeemed.IsOk) invite = redeemed.Value;
            else inviteProblem = redeemed.Problem;
        }
        person = await people.ChangeAsync(person.Id, p =>
        {
            p.LinkTelegram(who.UserId, who.Username, who.LanguageCode, now);
            if (invite is not null) p.Grant(invite.Role, invite.Department);
            return true;
        }, ct) ?? throw new InvalidOperationException($"Person {person.Id} vanished");
        var granted = invite?.Role;
        if (granted is not null) kind = StartKind.Joined;
        else if (!person.IsActive) kind = StartKind.Pending;

        await audit.AppendAsync(new AuditEntry
        {
            Subject = $"person:{person.Id}", Action = $"start:{kind}".ToLowerInvariant(), ActorId = person.Id, At = now,
            Reason = granted is { } r ? RoleNames.ToKey(r) : null,
        }, ct);
        await NotifyAdminsAsync(person, who, kind, isNew, granted, outgoing, ct);
        foreach (var observer in observers) observer.Changed(person);
        return new StartOutcome(person, kind, granted, inviteProblem);
    }

    /// <summary>Marks the invite used by this person (once, even under concurrent use) and returns it.</summary>
    private async Task<Result<Invite>> RedeemAsync(long personId, string code, DateTimeOffset now, CancellationToken ct)
    {
        var invite = await invites.GetAsync(code, ct);
        if (invite is null) return Result<Invite>.Fail(PeopleProblems.InviteUnknown);
        if (invite.UsedBy is not null) return Result<Invite>.Fail(PeopleProblems.InviteUsed);
        if (invite.ExpiresAt <= now) return Result<Invite>.Fail(PeopleProblems.InviteExpired);
        if (!await invites.TryMarkUsedAsync(code, personId, now, ct)) return Result<Invite>.Fail(PeopleProblems.InviteUsed);
        return Result<Invite>.Ok(invite);
    }

    private async Task NotifyAdminsAsync(Person person, TelegramIdentity who, StartKind kind, bool isNew, Role? granted,
        Outgoing outgoing, CancellationToken ct)
    {
        if (kind is not (StartKind.Pending or StartKind.Joined) || (kind == StartKind.Pending && !isNew)) return;
        foreach (var admin in await people.WithRoleAsync(Role.Admin, ct))
        {
            if (admin.ChatId is not { } chat || admin.Id == person.Id || admin.BlockedBotAt is not null) continue;
            var text = kind == StartKind.Pending
                ? PeopleTexts.AdminNewcomer.In(admin.Language, person.Name, who.Username is { } u ? $" (@{u})" : "")
                : PeopleTexts.AdminJoined.In(admin.Language, person.Name, PeopleTexts.RoleName(granted!.Value, admin.Language));
            outgoing.Send(chat, text);
        }
    }
}
