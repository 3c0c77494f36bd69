using System.Globalization;
using System.Text.RegularExpressions;
using BotPlatform.Core.People;
using BotPlatform.Infrastructure.Organisation.Yaml;

namespace BotPlatform.Infrastructure.Organisation.Sections;

/// <summary>Parsing of the scalar kinds several sections share; problems go to the error list.</summary>
internal static partial class ValueReader
{
    private static readonly Dictionary<string, DayOfWeek> DayNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mon"] = DayOfWeek.Monday, ["monday"] = DayOfWeek.Monday,
        ["tue"] = DayOfWeek.Tuesday, ["tuesday"] = DayOfWeek.Tuesday,
        ["wed"] = DayOfWeek.Wednesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["thu"] = DayOfWeek.Thursday, ["thursday"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday, ["friday"] = DayOfWeek.Friday,
        ["sat"] = DayOfWeek.Saturday, ["saturday"] = DayOfWeek.Saturday,
        ["sun"] = DayOfWeek.Sunday, ["sunday"] = DayOfWeek.Sunday,
    };

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

    /// <summary>mon..sun or monday..sunday, case-insensitive.</summary>
    public static DayOfWeek? Day(LocatedScalar value, string what, OrganisationFileErrors errors)
    {
        if (DayNames.TryGetValue(value.Text.Trim(), out var day))
        {
            return day;
        }

        errors.Add(value, $"unknown {what} '{value.Text}' (use mon, tue, wed, thu, fri, sat, sun)");
        return null;
    }

    /// <summary>Days in the order people in Russia and most of Europe read a week: Monday first.</summary>
    public static IReadOnlyList<DayOfWeek> MondayFirst(IEnumerable<DayOfWeek> days) => [.. days.Distinct().OrderBy(d => ((int)d + 6) % 7)];

    /// <summary>One of a fixed set of words (case-insensitive), such as a step's kind.</summary>
    public static T? OneOf<T>(LocatedScalar value, string what, IReadOnlyDictionary<string, T> choices, OrganisationFileErrors errors)
        where T : struct
    {
        if (choices.TryGetValue(value.Text.Trim(), out var choice))
        {
            return choice;
        }

        errors.Add(value, $"unknown {what} '{value.Text}' (known: {string.Join(", ", choices.Keys)})");
        return null;
    }

    public static int? PositiveInteger(LocatedScalar value, string what, OrganisationFileErrors errors)
    {
        if (int.TryParse(value.Text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            return number;
        }

        errors.Add(value, $"{what} '{value.Text}' is not a positive whole number");
        return null;
    }

    /// <summary>A short latin identifier: department codes, cost items, document kinds, step names.</summary>
    public static bool IsCode(string text) => CodePattern().IsMatch(text);

    [GeneratedRegex("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[A-Za-z0-9_]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex UsernamePattern();
}
