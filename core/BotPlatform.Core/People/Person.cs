using BotPlatform.Core.Common;
using BotPlatform.Core.Localization;

namespace BotPlatform.Core.People;

public enum PersonStatus
{
    /// <summary>Wrote /start but is not in the organisation file and has no invite yet.</summary>
    Pending,
    Active,
}

/// <summary>A period when a person's tasks go to a substitute, ending at <see cref="EndsAt"/>.</summary>
public sealed class Absence
{
    public long SubstituteId { get; set; }
    /// <summary>The last day away, in the organisation's calendar.</summary>
    public DateOnly Until { get; set; }
    /// <summary>The timer: local midnight after <see cref="Until"/>. Cleared (with the absence) when it fires.</summary>
    public DateTimeOffset EndsAt { get; set; }
}

/// <summary>Someone the bot knows: staff from the organisation file or people who joined by invite.</summary>
public sealed class Person : IVersioned
{
    public long Id { get; set; }
    public int Version { get; set; }
    public long? TelegramUserId { get; set; }
    public string? Username { get; set; }
    public string Name { get; set; } = "";
    public string? Department { get; set; }
    public List<Role> Roles { get; set; } = [];
    public Lang Language { get; set; }
    /// <summary>True once the person picked a language with /lang: Telegram's language_code no longer overrides it.</summary>
    public bool LanguageChosen { get; set; }
    public PersonStatus Status { get; set; }
    public DateTimeOffset? JoinedAt { get; set; }
    public Absence? Away { get; set; }
    /// <summary>Set when Telegram says the person blocked the bot; cleared when they write again.</summary>
    public DateTimeOffset? BlockedBotAt { get; set; }

    /// <summary>
    /// A fingerprint of the command menu last set for this person's private chat (null: none set). The
    /// bot compares it with the menu the person's roles and language call for, so a change missed by a
    /// crash is published at the next start.
    /// </summary>
    public string? PublishedMenu { get; set; }

    /// <summary>A private chat's id equals the user's id, so a linked person can always be written to.</summary>
    public long? ChatId => TelegramUserId;

    public bool IsActive => Status == PersonStatus.Active;

    public bool Has(Role role) => Roles.Contains(role);

    public static string NormaliseUsername(string? username) =>
        (username ?? "").Trim().TrimStart('@').ToLowerInvariant();

    public void LinkTelegram(long userId, string? username, string? languageCode, DateTimeOffset now)
    {
        TelegramUserId = userId;
        if (!string.IsNullOrWhiteSpace(username)) Username = NormaliseUsername(username);
        if (!LanguageChosen && languageCode is not null) Language = Langs.FromTelegramCode(languageCode);
        JoinedAt ??= now;
        BlockedBotAt = null;
    }

    public void Grant(Role role, string? department)
    {
        if (!Roles.Contains(role)) Roles.Add(role);
        if (department is not null) Department = department;
        Status = PersonStatus.Active;
    }

    public void ChooseLanguage(Lang language)
    {
        Language = language;
        LanguageChosen = true;
    }

    public Result<Absence> GoAway(Person substitute, DateOnly until, DateOnly today, DateTimeOffset endsAt)
    {
        if (until < today) return Result<Absence>.Fail(PeopleProblems.AwayDateInPast);
        if (substitute.Id == Id) return Result<Absence>.Fail(PeopleProblems.SubstituteIsSelf);
        if (!substitute.IsActive || substitute.TelegramUserId is null)
            return Result<Absence>.Fail(PeopleProblems.SubstituteNotActive, substitute.Name);
        if (substitute.Away is { } theirs && theirs.SubstituteId == Id)
            return Result<Absence>.Fail(PeopleProblems.SubstituteAwayForYou, substitute.Name);
        Away = new Absence { SubstituteId = substitute.Id, Until = until, EndsAt = endsAt };
        return Result<Absence>.Ok(Away);
    }

    /// <summary>Ends the absence; false when there was none (a repeated timer is a no-op).</summary>
    public bool ComeBack()
    {
        if (Away is null) return false;
        Away = null;
        return true;
    }
}

public static class PeopleProblems
{
    public const string NotRegistered = "people.not_registered";
    public const string Pending = "people.pending";
    public const string NotAllowed = "people.not_allowed";
    public const string UnknownRole = "people.unknown_role";
    public const string UnknownDepartment = "people.unknown_department";
    public const string InviteUnknown = "people.invite_unknown";
    public const string InviteUsed = "people.invite_used";
    public const string InviteExpired = "people.invite_expired";
    public const string UnknownLanguage = "people.unknown_language";
    public const string AwayDateInPast = "people.away_date_past";
    public const string AwayBadDate = "people.away_bad_date";
    public const string SubstituteUnknown = "people.substitute_unknown";
    public const string SubstituteIsSelf = "people.substitute_self";
    public const string SubstituteNotActive = "people.substitute_not_active";
    public const string SubstituteAwayForYou = "people.substitute_away_for_you";
    public const string NotAway = "people.not_away";
}
