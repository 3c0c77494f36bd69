using BotPlatform.Bot.Routing;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.People;

/// <summary>/whoami: name, department, roles, language, absence.</summary>
public sealed class WhoAmICommand(IPeopleStore people, Organisation organisation) : ICommandHandler
{
    public string Command => "whoami";

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        var person = context.Person!;
        var lang = context.Lang;
        var away = "";
        if (person.Away is { } absence && await people.GetAsync(absence.SubstituteId, ct) is { } substitute)
            away = PeopleTexts.WhoAmIAway.In(lang, absence.Until.ToDateTime(TimeOnly.MinValue), substitute.Name);
        context.Reply(PeopleTexts.WhoAmI, person.Name, organisation.DepartmentName(person.Department),
            PeopleTexts.RoleList(person.Roles, lang), PeopleTexts.LanguageName(person.Language, lang), away);
    }
}
