using BotPlatform.Core.Localization;
using BotPlatform.Core.People;
using BotPlatform.Testing;

namespace BotPlatform.Bot.Sandbox;

/// <summary>Someone the visitor can act as: a user of the emulator and who they are in the demo.</summary>
public sealed record Persona(FakeUser User, string Label);

/// <summary>The emulator's users described from the organisation file (roles, department, heads) or as client contacts.</summary>
public sealed class Personas(SandboxRun run, Organisation organisation)
{
    public IReadOnlyList<Persona> All(Lang lang) => run.Engine.Users.Select(u => new Persona(u, Label(u, lang))).ToArray();

    public FakeUser? Find(string? username) =>
        username is null ? null : run.Engine.Users.FirstOrDefault(u => string.Equals(u.Username, username, StringComparison.OrdinalIgnoreCase));

    private string Label(FakeUser user, Lang lang)
    {
        var person = organisation.Definition.People.FirstOrDefault(p => string.Equals(p.Username, user.Username, StringComparison.OrdinalIgnoreCase));
        if (person is null)
        {
            return DemoSeeder.Client.Contacts.Any(c => c.Username == user.Username)
                ? SandboxTexts.ClientLabel.In(lang, DemoSeeder.Client.Name)
                : "";
        }

        var heads = organisation.Definition.Departments.Any(d => string.Equals(d.Head, person.Username, StringComparison.OrdinalIgnoreCase));
        var roles = person.Roles.Where(r => !(heads && r == Role.Employee)).Select(r => PeopleTexts.RoleName(r, lang));
        var what = string.Join(", ", heads ? roles.Append(SandboxTexts.HeadLabel.In(lang)) : roles);
        return person.Department is { } department ? $"{what} · {organisation.DepartmentName(department)}" : what;
    }
}
