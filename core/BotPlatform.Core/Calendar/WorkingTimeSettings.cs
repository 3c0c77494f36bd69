namespace BotPlatform.Core.Calendar;

/// <summary>
/// When an organisation works: its time zone, the local working hours of a day, the working weekdays,
/// public holidays and extra working days (weekend days made working by a transfer, as in the Russian
/// production calendar). All dates are local dates of <see cref="TimeZone"/>.
/// </summary>
public sealed record WorkingTimeSettings(
    TimeZoneInfo TimeZone,
    TimeOnly DayStart,
    TimeOnly DayEnd,
    IReadOnlySet<DayOfWeek> WorkingDays,
    IReadOnlySet<DateOnly> Holidays,
    IReadOnlySet<DateOnly> ExtraWorkingDays);
