using System.Text;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Core.People.Administration;

namespace BotPlatform.Bot.People;

/// <summary>The admin's views of people: the list of /people, a person's card and its buttons ("pp:...").</summary>
public static class PeopleViews
{
    public const string Prefix = "pp";

    public static string List(IReadOnlyList<Person> everyone, Organisation organisation, Lang lang)
    {
        var text = new StringBuilder(AdministrationTexts.PeopleTitle.In(lang, everyone.Count));
        foreach (var p in everyone)
        {
            var away = p.Away is { } a && everyone.FirstOrDefault(x => x.Id == a.SubstituteId) is { } sub
                ? AdministrationTexts.SubstitutedBy.In(lang, sub.Name, a.Until.ToDateTime(TimeOnly.MinValue))
                : "";
            text.Append("\n• ").Append(AdministrationTexts.PersonLine.In(lang, p.Name, PeopleTexts.RoleList(p.Roles, lang),
                organisation.DepartmentName(p.Department), AdministrationTexts.Status(p).In(lang), away));
        }
        text.Append("\n\n").Append(AdministrationTexts.PeopleHint.In(lang));
        return text.ToString();
    }

    public static IEnumerable<IEnumerable<InlineButton>> ListButtons(IReadOnlyList<Person> everyone) =>
        everyone.Chunk(2).Select(row => row.Select(p => new InlineButton(p.Name, $"{Prefix}:show:{p.Id}")));

    public static string Card(Person p, IReadOnlyList<Person> everyone, Organisation organisation, Lang lang)
    {
        var isHead = p.Department is { } d && organisation.Departments.TryGetValue(d, out var department)
            && department.Head is { } head && Person.NormaliseUsername(head) == (PeopleAdministration.Reference(p) ?? "");
        var username = p.Username is { } u ? $" (@{u})" : "";
        var extra = new StringBuilder();
        if (p.TelegramUserId is null) extra.Append(AdministrationTexts.NotLinked.In(lang));
        if (p.Away is { } a && everyone.FirstOrDefault(x => x.Id == a.SubstituteId) is { } sub)
            extra.Append(AdministrationTexts.CardAway.In(lang, a.Until.ToDateTime(TimeOnly.MinValue), sub.Name));
        if (p.ChangedInBot.Count > 0)
            extra.Append(AdministrationTexts.ChangedInBot.In(lang, string.Join(", ", p.ChangedInBot.Select(f => AdministrationTexts.Field(f).In(lang)))));
        return AdministrationTexts.Card.In(lang, p.Name, username, organisation.DepartmentName(p.Department),
            isHead ? AdministrationTexts.IsHead.In(lang) : "", PeopleTexts.RoleList(p.Roles, lang), AdministrationTexts.Status(p).In(lang), extra);
    }

    public static IEnumerable<IEnumerable<InlineButton>> CardButtons(Person p, Lang lang) => p.IsDeactivated
        ? [[ToList(lang)]]
        :
        [
            [new(AdministrationTexts.RolesButton.In(lang), $"{Prefix}:roles:{p.Id}"), new(AdministrationTexts.DepartmentButton.In(lang), $"{Prefix}:dept:{p.Id}")],
            [new(AdministrationTexts.HeadButton.In(lang), $"{Prefix}:head:{p.Id}"), new(AdministrationTexts.LeaveButton.In(lang), $"{Prefix}:leave:{p.Id}")],
            [ToList(lang)],
        ];

    private static InlineButton ToList(Lang lang) => new(AdministrationTexts.ListButton.In(lang), $"{Prefix}:list:0");

    public static IEnumerable<IEnumerable<InlineButton>> RoleButtons(Person p, Lang lang) =>
        RoleNames.AllKeys.Chunk(2)
            .Select(row => row.Select(key =>
            {
                RoleNames.TryParse(key, out var role);
                return new InlineButton((p.Has(role) ? "✅ " : "▫️ ") + PeopleTexts.RoleName(role, lang), $"{Prefix}:role:{p.Id}:{key}");
            }))
            .Append([Back(p, lang)]);

    public static IEnumerable<IEnumerable<InlineButton>> DepartmentButtons(Person p, Organisation organisation, Lang lang) =>
        organisation.Departments.Values.OrderBy(d => d.Name)
            .Select(d => new InlineButton((string.Equals(p.Department, d.Code, StringComparison.OrdinalIgnoreCase) ? "✅ " : "") + d.Name,
                $"{Prefix}:mv:{p.Id}:{d.Code}"))
            .Chunk(2).Select(row => (IEnumerable<InlineButton>)row)
            .Append([Back(p, lang)]);

    public static IEnumerable<IEnumerable<InlineButton>> SubstituteButtons(Person leaver, Person? head, IReadOnlyList<Person> everyone, Lang lang)
    {
        var rows = new List<IEnumerable<InlineButton>>();
        if (head is not null) rows.Add([new(AdministrationTexts.LeaveToHead.In(lang, head.Name), $"{Prefix}:bye:{leaver.Id}:{head.Id}")]);
        rows.AddRange(everyone.Where(p => p is { IsActive: true, ChatId: not null } && p.Id != leaver.Id && p.Id != head?.Id)
            .Select(p => new InlineButton(p.Name, $"{Prefix}:bye:{leaver.Id}:{p.Id}")).Chunk(2));
        rows.Add([Back(leaver, lang)]);
        return rows;
    }

    private static InlineButton Back(Person p, Lang lang) => new(AdministrationTexts.BackButton.In(lang), $"{Prefix}:show:{p.Id}");

    public static string Deactivated(DeactivationOutcome outcome, Lang lang)
    {
        var text = AdministrationTexts.Deactivated.In(lang, outcome.Leaver.Name, outcome.Moved, outcome.Substitute.Name);
        foreach (var (department, substituteHeads) in outcome.Headed)
            text += substituteHeads ? AdministrationTexts.HeadPassed.In(lang, department, outcome.Substitute.Name) : AdministrationTexts.HeadMissing.In(lang, department);
        if (outcome.LostSubstitute.Count > 0)
            text += AdministrationTexts.AbsenceCleared.In(lang, string.Join(", ", outcome.LostSubstitute.Select(p => p.Name)));
        return text;
    }
}
