using System.Globalization;
using System.Text.RegularExpressions;
using BotPlatform.Core.People;
using BotPlatform.Infrastructure.Organisation.Yaml;

namespace BotPlatform.Infrastructure.Organisation.Sections;

/// <summary>Parsing of the scalar kinds several sections share; problems go to the error list.</summary>
internal static partial class ValueReader
{
    public static string? Text(LocatedScalar? value) =>
        value is null || string.IsNullOrWhiteSpace(value.Text) ? null : value.Text.Trim();

    public static DateOnly? Date(LocatedScalar value, string what, OrganisationFileErrors errors)
    {
        if (DateOnly.TryParseExact(value.Text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(value, $"{what} '{value.Text}' is not a date in the form yyyy-MM-dd");
        return null;
    }

    /// <summary>"ru" or "en", case-insensitive, returned in lower case.</summary>
    public static string? Language(LocatedScalar value, OrganisationFileErrors errors)
    {
        var code = value.Text.Trim().ToLowerInvariant();
        if (OrganisationDefinition.SupportedLanguages.Contains(code))
        {
            return code;
        }

        errors.Add(value, $"unknown language '{value.Text}' (known: {string.Join(", ", OrganisationDefinition.SupportedLanguages)})");
        return null;
    }

    /// <summary>A Telegram username without the optional leading @.</summary>
    public static string? Username(LocatedScalar value, OrganisationFileErrors errors)
    {
        var username = value.Text.Trim().TrimStart('@');
        if (UsernamePattern().IsMatch(username))
        {
            return username;
        }

        errors.Add(value, $"'{value.Text}' is not a Telegram username (letters, digits and _, up to 32 characters)");
        return null;
    }

    public static long? TelegramId(LocatedScalar value, OrganisationFileErrors errors)
    {
        if (long.TryParse(value.Text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }

        errors.Add(value, $"telegram_id '{value.Text}' is not a positive whole number");
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9_]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex UsernamePattern();
}
