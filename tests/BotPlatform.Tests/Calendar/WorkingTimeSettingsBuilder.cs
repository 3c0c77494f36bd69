using BotPlatform.Core.Calendar;

namespace BotPlatform.Tests.Calendar;

/// <summary>Defaults: Europe/Moscow, 09:00-18:00, Monday to Friday, no holidays.</summary>
internal sealed class WorkingTimeSettingsBuilder
{
    private TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
    private TimeOnly _dayStart = new(9, 0);
    private TimeOnly _dayEnd = new(18, 0);
    private HashSet<DayOfWeek> _workingDays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
    private readonly HashSet<DateOnly> _holidays = [];
    private readonly HashSet<DateOnly> _extraWorkingDays = [];

    public WorkingTimeSettingsBuilder InZone(string timeZoneId)
    {
        _zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        return this;
    }

    public WorkingTimeSettingsBuilder WithHours(int startHour, int startMinute, int endHour, int endMinute)
    {
        _dayStart = new TimeOnly(startHour, startMinute);
        _dayEnd = new TimeOnly(endHour, endMinute);
        return this;
    }

    public WorkingTimeSettingsBuilder EveryDayOfTheWeek()
    {
        _workingDays = [.. Enum.GetValues<DayOfWeek>()];
        return this;
    }

    public WorkingTimeSettingsBuilder WithHoliday(int year, int month, int day)
    {
        _holidays.Add(new DateOnly(year, month, day));
        return this;
    }

    public WorkingTimeSettingsBuilder WithExtraWorkingDay(int year, int month, int day)
    {
        _extraWorkingDays.Add(new DateOnly(year, month, day));
        return this;
    }

    public WorkingTimeSettings Build() =>
        new(_zone, _dayStart, _dayEnd, _workingDays, _holidays, _extraWorkingDays);

    public WorkingCalendar BuildCalendar() => new(Build());
}
