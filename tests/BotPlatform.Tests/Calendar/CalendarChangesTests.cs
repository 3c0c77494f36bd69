using BotPlatform.Core.Calendar;
using BotPlatform.Core.People;
using BotPlatform.Infrastructure.Organisation;

namespace BotPlatform.Tests.Calendar;

/// <summary>A calendar that changed over time: every date is judged by the rules in force on it.</summary>
public sealed class CalendarChangesTests
{
    private static readonly TimeSpan Msk = TimeSpan.FromHours(3);
    private static DateTimeOffset T(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, Msk);

    private const string Yaml = """
        organisation:
          name: Тест
          time_zone: Europe/Moscow
          working_hours: "09:00-18:00"
          holidays: [2026-11-04]
          calendar_changes:
            - from: 2026-11-16
              working_hours: "10:00-19:00"
              holidays: [2026-12-31]
            - from: 2026-12-01
              working_days: [mon, tue, wed, thu, fri, sat]
        """;

    private static WorkingCalendar Calendar() => new Organisation(OrganisationYamlLoader.Parse(Yaml, "test.yaml")).Calendar;

    [Fact]
    public void A_day_that_was_a_holiday_under_the_old_calendar_stays_one_for_durations_across_it()
    {
        var calendar = Calendar();
        var todaysRulesOnly = new WorkingCalendar(calendar.Settings with
        {
            DayStart = new TimeOnly(10, 0), DayEnd = new TimeOnly(19, 0), Holidays = new HashSet<DateOnly> { new(2026, 12, 31) }, Changes = [],
        });

        Assert.Equal(TimeSpan.FromHours(4), calendar.WorkingTimeBetween(T(3, 16), T(5, 11)));
        Assert.Equal(TimeSpan.FromHours(13), todaysRulesOnly.WorkingTimeBetween(T(3, 16), T(5, 11)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 11, 4)));
    }

    [Fact]
    public void Working_hours_and_days_follow_the_rules_of_each_date_and_carry_over_what_a_change_does_not_name()
    {
        var calendar = Calendar();

        // Fri 13.11 17:00 -> Mon 16.11 11:00: 1 h on the old hours, 1 h on the new ones (from 10:00).
        Assert.Equal(TimeSpan.FromHours(2), calendar.WorkingTimeBetween(T(13, 17), T(16, 11)));
        Assert.Equal(T(16, 10).ToUniversalTime(), calendar.NextWorkingMoment(T(14, 12)));
        // From 01.12 Saturdays work, still 10:00-19:00 and still without 04.11-style holidays.
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 12, 5)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 11, 28)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 12, 31)));
        Assert.Equal(new TimeOnly(10, 0), calendar.RulesOn(new DateOnly(2026, 12, 5)).DayStart);
        Assert.Equal(TimeSpan.FromHours(9), calendar.WorkingDayLength);
    }

    [Fact]
    public void Changes_out_of_date_order_or_without_a_date_are_refused_with_their_line()
    {
        var error = Assert.Throws<OrganisationFileException>(() => OrganisationYamlLoader.Parse("""
            organisation:
              name: Тест
              calendar_changes:
                - from: 2027-01-01
                  working_hours: "10:00-19:00"
                - from: 2026-06-01
                - working_hours: "08:00-17:00"
            """, "test.yaml"));

        Assert.Contains("line 6", error.Message);
        Assert.Contains("must come after the change before it", error.Message);
        Assert.Contains("line 7", error.Message);
        Assert.Contains("every change needs 'from'", error.Message);
    }
}
