using System.Globalization;
using System.Text.RegularExpressions;
using BotPlatform.Core.Calendar;
using BotPlatform.Core.People;
using BotPlatform.Infrastructure.Organisation.Yaml;

namespace BotPlatform.Infrastructure.Organisation.Sections;

/// <summary>The <c>organisation:</c> mapping: name, calendar and defaults.</summary>
internal sealed class OrganisationSectionDto : LocatedNode
{
    public LocatedScalar? Name { get; set; }
    public LocatedScalar? TimeZone { get; set; }
    public LocatedScalar? WorkingHours { get; set; }
    public List<LocatedScalar>? WorkingDays { get; set; }
    public List<LocatedScalar>? Holidays { get; set; }
    public List<LocatedScalar>? ExtraWorkingDays { get; set; }
    public LocatedScalar? Language { get; set; }
    public LocatedScalar? Currency { get; set; }
    public List<CalendarChangeDto>? CalendarChanges { get; set; }
}

/// <summary>
/// One entry of <c>calendar_changes:</c>: from a date on, the keys it names replace the calendar's (the others
/// carry over from the entry before it, or from the organisation's own keys for the first).
/// </summary>
internal sealed class CalendarChangeDto : LocatedNode
{
    public LocatedScalar? From { get; set; }
    public LocatedScalar? WorkingHours { get; set; }
    public List<LocatedScalar>? WorkingDays { get; set; }
    public List<LocatedScalar>? Holidays { get; set; }
    public List<LocatedScalar>? ExtraWorkingDays { get; set; }
}

internal sealed record OrganisationSettings(
    string Name,
    string TimeZoneId,
    TimeOnly DayStart,
    TimeOnly DayEnd,
    IReadOnlyList<DayOfWeek> WorkingDays,
    IReadOnlyList<DateOnly> Holidays,
    IReadOnlyList<DateOnly> ExtraWorkingDays,
    string Language,
    string Currency)
{
    public IReadOnlyList<CalendarChange> CalendarChanges { get; init; } = [];
}

internal static partial class OrganisationSection
{
    public static OrganisationSettings Read(OrganisationSectionDto? dto, int fileLine, OrganisationFileErrors errors)
    {
        if (dto is null)
        {
            errors.Add(fileLine, "the 'organisation' section with at least the organisation's name is required");
            return new OrganisationSettings(
                string.Empty,
                OrganisationDefinition.DefaultTimeZoneId,
                OrganisationDefinition.DefaultDayStart,
                OrganisationDefinition.DefaultDayEnd,
                OrganisationDefinition.DefaultWorkingDays,
                [],
                [],
                OrganisationDefinition.DefaultLanguageCode,
                OrganisationDefinition.DefaultCurrency);
        }

        var name = ValueReader.Text(dto.Name);
        if (name is null)
        {
            errors.Add(dto.Name?.Line ?? dto.Line, "organisation: 'name' is required");
        }

        var (dayStart, dayEnd) = dto.WorkingHours is { } hours
            ? ReadWorkingHours(hours, errors)
            : (OrganisationDefinition.DefaultDayStart, OrganisationDefinition.DefaultDayEnd);
        var holidays = ReadDates(dto.Holidays, "holiday", errors);
        var extraWorkingDays = ReadDates(dto.ExtraWorkingDays, "extra working day", errors);
        foreach (var both in (dto.ExtraWorkingDays ?? []).Where(d => IsOneOf(d, holidays)))
        {
            errors.Add(both, $"{both.Text} is listed both as a holiday and as an extra working day");
        }

        var workingDays = dto.WorkingDays is { } days ? ReadWorkingDays(days, dto.Line, errors) : OrganisationDefinition.DefaultWorkingDays;
        return new OrganisationSettings(
            name ?? string.Empty,
            dto.TimeZone is { } zone ? ReadTimeZone(zone, errors) : OrganisationDefinition.DefaultTimeZoneId,
            dayStart,
            dayEnd,
            workingDays,
            holidays,
            extraWorkingDays,
            dto.Language is { } language ? ValueReader.Language(language, errors) ?? string.Empty : OrganisationDefinition.DefaultLanguageCode,
            dto.Currency is { } currency ? ReadCurrency(currency, errors) : OrganisationDefinition.DefaultCurrency)
        {
            CalendarChanges = ReadChanges(dto.CalendarChanges,
                new CalendarChange(DateOnly.MinValue, dayStart, dayEnd, workingDays.ToHashSet(), holidays.ToHashSet(), extraWorkingDays.ToHashSet()), errors),
        };
    }

    /// <summary>The changes in the file's order (which must be the dates' order), each completed from the rules before it.</summary>
    private static IReadOnlyList<CalendarChange> ReadChanges(List<CalendarChangeDto>? dtos, CalendarChange before, OrganisationFileErrors errors)
    {
        var changes = new List<CalendarChange>();
        foreach (var dto in dtos ?? [])
        {
            if (dto.From is null)
            {
                errors.Add(dto.Line, "calendar_changes: every change needs 'from' (the first date it applies to, yyyy-MM-dd)");
                continue;
            }

            if (ValueReader.Date(dto.From, "calendar change date", errors) is not { } from) continue;
            if (from <= before.From)
            {
                errors.Add(dto.From, $"calendar_changes: {dto.From.Text} must come after the change before it (list them in date order, one per date)");
                continue;
            }

            var (dayStart, dayEnd) = dto.WorkingHours is { } hours ? ReadWorkingHours(hours, errors) : (before.DayStart, before.DayEnd);
            var holidays = dto.Holidays is null ? before.Holidays : ReadDates(dto.Holidays, "holiday", errors).ToHashSet();
            var extra = dto.ExtraWorkingDays is null ? before.ExtraWorkingDays : ReadDates(dto.ExtraWorkingDays, "extra working day", errors).ToHashSet();
            foreach (var both in (dto.ExtraWorkingDays ?? []).Where(d => IsOneOf(d, [.. holidays])))
            {
                errors.Add(both, $"{both.Text} is listed both as a holiday and as an extra working day");
            }

            before = new CalendarChange(from, dayStart, dayEnd,
                dto.WorkingDays is { } days ? ReadWorkingDays(days, dto.Line, errors).ToHashSet() : before.WorkingDays, holidays, extra);
            changes.Add(before);
        }

        return changes;
    }

    private static string ReadTimeZone(LocatedScalar value, OrganisationFileErrors errors)
    {
        var id = value.Text.Trim();
        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            if (zone.HasIanaId)
            {
                return zone.Id;
            }

            errors.Add(value, $"time zone '{id}' is not an IANA name such as Europe/Moscow");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            errors.Add(value, $"unknown time zone '{id}' (use an IANA name such as Europe/Moscow)");
        }

        return id;
    }

    private static (TimeOnly Start, TimeOnly End) ReadWorkingHours(LocatedScalar value, OrganisationFileErrors errors)
    {
        var match = WorkingHoursPattern().Match(value.Text.Trim());
        if (!match.Success
            || !TryParseTime(match.Groups["start"].Value, out var start)
            || !TryParseTime(match.Groups["end"].Value, out var end))
        {
            errors.Add(value, $"working_hours '{value.Text}' must look like \"09:00-18:00\" (times 00:00-23:59)");
            return (OrganisationDefinition.DefaultDayStart, OrganisationDefinition.DefaultDayEnd);
        }

        if (end <= start)
        {
            errors.Add(value, $"working_hours '{value.Text}' must end after they start");
        }

        return (start, end);
    }

    private static bool TryParseTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static IReadOnlyList<DayOfWeek> ReadWorkingDays(List<LocatedScalar> values, int sectionLine, OrganisationFileErrors errors)
    {
        if (values.Count == 0)
        {
            errors.Add(sectionLine, "organisation: 'working_days' must list at least one day");
        }

        return ValueReader.MondayFirst(values.Select(v => ValueReader.Day(v, "working day", errors)).OfType<DayOfWeek>());
    }

    private static IReadOnlyList<DateOnly> ReadDates(List<LocatedScalar>? values, string what, OrganisationFileErrors errors) =>
        [.. (values ?? []).Select(v => ValueReader.Date(v, what, errors)).OfType<DateOnly>().Distinct().Order()];

    private static bool IsOneOf(LocatedScalar value, IReadOnlyList<DateOnly> dates) =>
        DateOnly.TryParseExact(value.Text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
        && dates.Contains(date);

    private static string ReadCurrency(LocatedScalar value, OrganisationFileErrors errors)
    {
        var code = value.Text.Trim().ToUpperInvariant();
        if (!CurrencyPattern().IsMatch(code))
        {
            errors.Add(value, $"currency '{value.Text}' must be a three-letter ISO 4217 code such as RUB");
        }

        return code;
    }

    [GeneratedRegex(@"^(?<start>\d{1,2}:\d{2})\s*-\s*(?<end>\d{1,2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex WorkingHoursPattern();

    [GeneratedRegex("^[A-Z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyPattern();
}
