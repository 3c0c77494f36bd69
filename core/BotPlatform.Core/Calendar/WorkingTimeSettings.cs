namespace BotPlatform.Core.Calendar;

/// <summary>
/// When an organisation works: its time zone, the local working hours of a day, the working weekdays,
/// public holidays and extra working days (weekend days made working by a transfer, as in the Russian
/// production calendar). All dates are local dates of <see cref="TimeZone"/>. <see cref="Changes"/> are the
/// same rules as they changed over time: each applies to the dates from its own on.
/// </summary>
public sealed record WorkingTimeSettings(
    TimeZoneInfo TimeZone,
    TimeOnly DayStart,
    TimeOnly DayEnd,
    IReadOnlySet<DayOfWeek> WorkingDays,
    IReadOnlySet<DateOnly> Holidays,
    IReadOnlySet<DateOnly> ExtraWorkingDays)
{
    /// <summary>Later versions of the rules, each in force from its date (until the next one); the rules above apply before the first.</summary>
    public IReadOnlyList<CalendarChange> Changes { get; init; } = [];
}

/// <summary>
/// The working rules in force from <see cref="From"/> (a local date) on, complete (what a change did not name is
/// carried over from the rules before it by whoever builds it). A holiday list here governs the dates from
/// <see cref="From"/> on; a date before it keeps the rules of its own time.
/// </summary>
public sealed record CalendarChange(
    DateOnly From,
    TimeOnly DayStart,
    TimeOnly DayEnd,
    IReadOnlySet<DayOfWeek> WorkingDays,
    IReadOnlySet<DateOnly> Holidays,
    IReadOnlySet<DateOnly> ExtraWorkingDays);
