using BotPlatform.Core.People;
using BotPlatform.Infrastructure.Organisation.Yaml;

namespace BotPlatform.Infrastructure.Organisation.Sections;

/// <summary>One entry of the <c>departments:</c> list.</summary>
internal sealed class DepartmentDto : LocatedNode
{
    public LocatedScalar? Code { get; set; }
    public LocatedScalar? Name { get; set; }
    public LocatedScalar? Head { get; set; }
}

internal static class DepartmentsSection
{
    public static IReadOnlyList<DepartmentDefinition> Read(List<DepartmentDto>? dtos, PeopleDirectory people, OrganisationFileErrors errors)
    {
        var departments = new List<DepartmentDefinition>();
        var lineByCode = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var dto in dtos ?? [])
        {
            if (dto.Code is not { } codeValue || ValueReader.Text(codeValue) is not { } code)
            {
                errors.Add(dto.Code?.Line ?? dto.Line, "department: 'code' is required");
                continue;
            }

            if (!ValueReader.IsCode(code))
            {
                errors.Add(codeValue, $"department code '{code}' may contain only latin letters, digits, _ and -");
            }
            else if (!lineByCode.TryAdd(code, codeValue.Line))
            {
                errors.Add(codeValue, $"department code '{code}' is already used by the department on line {lineByCode[code]}");
                continue;
            }

            var name = ValueReader.Text(dto.Name);

            if (name is null)
            {
                errors.Add(dto.Name?.Line ?? dto.Line, $"department '{code}': 'name' is required");
            }

            departments.Add(new DepartmentDefinition(code, name ?? code, ReadHead(dto.Head, people, errors)));
        }

        return departments;
    }

    private static string? ReadHead(LocatedScalar? value, PeopleDirectory people, OrganisationFileErrors errors)
    {
        if (value is null || ValueReader.Text(value) is not { } reference)
        {
            return null;
        }

        if (people.Find(reference) is not { } head)
        {
            errors.Add(value, $"head '{reference}' is not listed under people (refer to a username or telegram_id)");
            return reference.TrimStart('@');
        }

        // Normalise to the spelling the people list uses, so later look-ups need no second rule.
        return head.Person.Username ?? head.Person.TelegramId?.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
