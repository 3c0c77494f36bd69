using BotPlatform.Core.People;
using BotPlatform.Infrastructure.Organisation.Yaml;

namespace BotPlatform.Infrastructure.Organisation.Sections;

/// <summary>One entry of the <c>people:</c> list.</summary>
internal sealed class PersonDto : LocatedNode
{
    public LocatedScalar? Username { get; set; }
    public LocatedScalar? TelegramId { get; set; }
    public LocatedScalar? Name { get; set; }
    public LocatedScalar? Department { get; set; }
    public List<LocatedScalar>? Roles { get; set; }
    public LocatedScalar? Language { get; set; }
}

/// <summary>A person read from the file, with what is needed to report problems found later.</summary>
internal sealed record LocatedPerson(PersonDefinition Person, int Line, LocatedScalar? DepartmentReference);

internal static class PeopleSection
{
    /// <summary>Everyone listed is at least an employee when no roles are given.</summary>
    private static readonly IReadOnlyList<Role> DefaultRoles = [Role.Employee];

    public static PeopleDirectory Read(List<PersonDto>? dtos, OrganisationFileErrors errors)
    {
        var directory = new PeopleDirectory();
        foreach (var dto in dtos ?? [])
        {
            var username = dto.Username is { } u ? ValueReader.Username(u, errors) : null;
            var telegramId = dto.TelegramId is { } t ? ValueReader.TelegramId(t, errors) : null;
            var name = ValueReader.Text(dto.Name);
            if (name is null)
            {
                errors.Add(dto.Name?.Line ?? dto.Line, "person: 'name' is required");
            }

            if (dto.Username is null && dto.TelegramId is null)
            {
                errors.Add(dto.Line, $"person '{name}' needs a username or a telegram_id to be recognised in Telegram");
            }

            var person = new PersonDefinition(
                username,
                telegramId,
                name ?? string.Empty,
                ValueReader.Text(dto.Department),
                dto.Roles is { } roles ? ReadRoles(roles, errors) : DefaultRoles,
                dto.Language is { } language ? ValueReader.Language(language, errors) : null);
            directory.Add(new LocatedPerson(person, dto.Line, dto.Department), dto.Username, dto.TelegramId, errors);
        }

        return directory;
    }

    /// <summary>Points each person at the department code as declared, or reports an unknown one.</summary>
    public static IReadOnlyList<PersonDefinition> ResolveDepartments(
        PeopleDirectory people, IReadOnlyList<DepartmentDefinition> departments, OrganisationFileErrors errors)
    {
        var codes = departments.Select(d => d.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var result = new List<PersonDefinition>();
        foreach (var located in people.All)
        {
            var person = located.Person;
            if (person.Department is { } reference && located.DepartmentReference is { } scalar)
            {
                if (codes.TryGetValue(reference, out var code))
                {
                    person = person with { Department = code };
                }
                else
                {
                    var known = departments.Count == 0 ? "none are listed" : "known: " + string.Join(", ", codes);
                    errors.Add(scalar, $"unknown department '{reference}' ({known})");
                }
            }

            result.Add(person);
        }

        return result;
    }

    private static IReadOnlyList<Role> ReadRoles(List<LocatedScalar> values, OrganisationFileErrors errors)
    {
        var roles = new List<Role>();
        foreach (var value in values)
        {
            if (!RoleNames.TryParse(value.Text, out var role))
            {
                errors.Add(value, $"unknown role '{value.Text}' (known: {string.Join(", ", RoleNames.AllKeys)})");
            }
            else if (!roles.Contains(role))
            {
                roles.Add(role);
            }
        }

        return roles;
    }
}

/// <summary>The people of the file, found by username (case-insensitive) or Telegram id.</summary>
internal sealed class PeopleDirectory
{
    private readonly List<LocatedPerson> _all = [];
    private readonly Dictionary<string, LocatedPerson> _byUsername = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<long, LocatedPerson> _byTelegramId = [];

    public IReadOnlyList<LocatedPerson> All => _all;

    public void Add(LocatedPerson person, LocatedScalar? usernameValue, LocatedScalar? telegramIdValue, OrganisationFileErrors errors)
    {
        _all.Add(person);
        if (person.Person.Username is { } username && usernameValue is not null
            && !_byUsername.TryAdd(username, person))
        {
            errors.Add(usernameValue, $"username '{username}' is already used by the person on line {_byUsername[username].Line}");
        }

        if (person.Person.TelegramId is { } id && telegramIdValue is not null
            && !_byTelegramId.TryAdd(id, person))
        {
            errors.Add(telegramIdValue, $"telegram_id {id} is already used by the person on line {_byTelegramId[id].Line}");
        }
    }

    /// <summary>A reference is a Telegram id when it is all digits, otherwise a username with an optional @.</summary>
    public LocatedPerson? Find(string reference)
    {
        reference = reference.Trim();
        if (reference.Length > 0 && reference.All(char.IsAsciiDigit))
        {
            return long.TryParse(reference, out var id) ? _byTelegramId.GetValueOrDefault(id) : null;
        }

        return _byUsername.GetValueOrDefault(reference.TrimStart('@'));
    }
}
