using BotPlatform.Core.Calendar;

namespace BotPlatform.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    // November 2026: Fri 20, Sat 21, Sun 22, Mon 23, Tue 24, Wed 25.
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static DateTimeOffset Msk(int month, int day, int hour, int minute = 0) => At(Moscow, 2026, month, day, hour, minute);

    private static DateTimeOffset At(TimeZoneInfo zone, int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) =>
        new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Adding_hours_on_Friday_afternoon_skips_the_weekend()
    {
        var calendar = new WorkingTimeSettingsBuilder().BuildCalendar();

        var result = calendar.AddWorkingHours(Msk(11, 20, 16), 4);

        Assert.Equal(Msk(11, 23, 11), result);
    }

    [Fact]
    public void Adding_hours_skips_a_holiday()
    {
        var calendar = new WorkingTimeSettingsBuilder().WithHoliday(2026, 11, 23).BuildCalendar();

        var result = calendar.AddWorkingHours(Msk(11, 20, 16), 4);

        Assert.Equal(Msk(11, 24, 11), result);
    }

    [Fact]
    public void An_extra_working_Saturday_is_counted()
    {
        var calendar = new WorkingTimeSettingsBuilder().WithExtraWorkingDay(2026, 11, 21).BuildCalendar();

        var result = calendar.AddWorkingHours(Msk(11, 20, 16), 4);

        Assert.Equal(Msk(11, 21, 11), result);
    }

    [Fact]
    public void An_extra_working_day_is_a_working_day_and_other_weekend_days_are_not()
    {
        var calendar = new WorkingTimeSettingsBuilder().WithExtraWorkingDay(2026, 11, 21).BuildCalendar();

        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 11, 21)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 11, 22)));
    }

    [Fact]
    public void A_holiday_on_a_weekend_stays_non_working_and_does_not_shift_anything()
    {
        var calendar = new WorkingTimeSettingsBuilder().WithHoliday(2026, 11, 21).BuildCalendar();

        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 11, 21)));
        Assert.Equal(Msk(11, 23, 11), calendar.AddWorkingHours(Msk(11, 20, 16), 4));
    }

    [Fact]
    public void Adding_past_the_evening_continues_after_midnight_next_morning()
    {
        var calendar = new WorkingTimeSettingsBuilder().BuildCalendar();

        var result = calendar.AddWorkingHours(Msk(11, 24, 17), 2);

        Assert.Equal(Msk(11, 25, 10), result);
    }

    [Fact]
    public void Adding_across_local_midnight_inside_a_night_shift_counts_the_hours_after_midnight()
    {
        // 00:00-23:59 every day: the only gap is the last minute before midnight.
        var calendar = new WorkingTimeSettingsBuilder().WithHours(0, 0, 23, 59).EveryDayOfTheWeek().BuildCalendar();

        var result = calendar.AddWorkingHours(Msk(11, 24, 23), 2);

        Assert.Equal(Msk(11, 25, 1, 1), result);
    }

    [Fact]
    public void Starting_before_opening_counts_from_opening()
    {
        var calendar = new WorkingTimeSettingsBuilder().BuildCalendar();

        var result = calendar.AddWorkingHours(Msk(11, 24, 7), 2);

        Assert.Equal(Msk(11, 24, 11), result);
    }

    [Fact]
    public void Starting_after_closing_counts_from_the_next_working_morning()
    {
        var calendar = new WorkingTimeSettingsBuilder().BuildCalendar();

        var result = calendar.AddWorkingHours(Msk(11, 24, 20), 2);

        Assert.Equal(Msk(11, 25, 11), result);
    }

    [Fact]
    public void Starting_on_a_weekend_counts_from_Monday_morning()
    {
        var calendar = new WorkingTimeSettingsBuilder().BuildCalendar();

        var result = calendar.AddWorkingHours(Msk(11, 21, 12), 2);

        Assert.Equal(Msk(11, 23, 11), result);
    }

    [Fact]
    public void Time_that_runs_out_exactly_at_closing_ends_at_closing_not_next_morning()
    {
        var calendar = new WorkingTimeSettingsBuilder().BuildCalendar();

        var result = calendar.AddWorkingHours(Msk(11, 20, 10), 8);

        Assert.Equal(Msk(11, 20, 18), result);
    }

    [Fact]
    public void Starting_exactly_at_closing_counts_from_the_next_working_morning()
    {
        var calendar = new WorkingTimeSettingsBuilder().BuildCalendar();

        var result = calendar.AddWorkingHours(Msk(11, 20, 18), 1);

        Assert.Equal(Msk(11, 23, 10), result);
    }

    [Fact]
    public void Working_time_between_skips_a_weekend_and_a_holiday()
    {
        var calendar = new WorkingTimeSettingsBuilder().WithHoliday(2026, 11, 23).BuildCalendar();

        var result = calendar.WorkingTimeBetween(Msk(11, 20, 16), Msk(11, 24, 11));

        Assert.Equal(TimeSpan.FromHours(4), result);
    }

    [Fact]
    public void Working_time_between_is_zero_when_the_end_is_not_after_the_start()
    {
        var calendar = new WorkingTimeSettingsBuilder().BuildCalendar();

        Assert.Equal(TimeSpan.Zero, calendar.WorkingTimeBetween(Msk(11, 24, 12), Msk(11, 24, 10)));
        Assert.Equal(TimeSpan.Zero, calendar.WorkingTimeBetween(Msk(11, 24, 12), Msk(11, 24, 12)));
    }

    [Theory]
    [InlineData(11, 20, 16, 0, 11, 24, 11, 0)]
    [InlineData(11, 21, 3, 0, 11, 24, 9, 30)]
    [InlineData(11, 20, 19, 0, 11, 24, 9, 0)]
    [InlineData(11, 19, 9, 0, 11, 26, 17, 59)]
    [InlineData(11, 24, 10, 15, 11, 24, 10, 45)]
    public void Adding_the_working_time_between_two_moments_lands_on_the_later_one(
        int fromMonth, int fromDay, int fromHour, int fromMinute, int toMonth, int toDay, int toHour, int toMinute)
    {
        var calendar = new WorkingTimeSettingsBuilder().WithHoliday(2026, 11, 23).BuildCalendar();
        var from = Msk(fromMonth, fromDay, fromHour, fromMinute);
        var to = Msk(toMonth, toDay, toHour, toMinute);

        var result = calendar.AddWorkingTime(from, calendar.WorkingTimeBetween(from, to));

        Assert.Equal(to, result);
    }

    [Fact]
    public void Adding_four_hours_repeatedly_from_Friday_afternoon_walks_through_Monday_and_Tuesday()
    {
        var calendar = new WorkingTimeSettingsBuilder().BuildCalendar();
        var start = Msk(11, 20, 16);

        var first = calendar.AddWorkingHours(start, 4);
        var second = calendar.AddWorkingHours(first, 4);
        var third = calendar.AddWorkingHours(second, 4);
        var fourth = calendar.AddWorkingHours(third, 4);
        var twoDays = calendar.AddWorkingDays(start, 2);
        var twoDaysAndAnHour = calendar.AddWorkingHours(twoDays, 1);

        Assert.Equal(Msk(11, 23, 11), first);
        Assert.Equal(Msk(11, 23, 15), second);
        Assert.Equal(Msk(11, 24, 10), third);
        Assert.Equal(Msk(11, 24, 14), fourth);
        Assert.Equal(Msk(11, 24, 16), twoDays);
        Assert.Equal(Msk(11, 24, 17), twoDaysAndAnHour);
    }

    [Fact]
    public void Adding_four_hours_repeatedly_from_Friday_afternoon_skips_a_Monday_holiday()
    {
        var calendar = new WorkingTimeSettingsBuilder().WithHoliday(2026, 11, 23).BuildCalendar();
        var start = Msk(11, 20, 16);

        var first = calendar.AddWorkingHours(start, 4);
        var second = calendar.AddWorkingHours(first, 4);
        var third = calendar.AddWorkingHours(second, 4);
        var fourth = calendar.AddWorkingHours(third, 4);
        var twoDays = calendar.AddWorkingDays(start, 2);
        var twoDaysAndAnHour = calendar.AddWorkingHours(twoDays, 1);

        Assert.Equal(Msk(11, 24, 11), first);
        Assert.Equal(Msk(11, 24, 15), second);
        Assert.Equal(Msk(11, 25, 10), third);
        Assert.Equal(Msk(11, 25, 14), fourth);
        Assert.Equal(Msk(11, 25, 16), twoDays);
        Assert.Equal(Msk(11, 25, 17), twoDaysAndAnHour);
    }

    [Fact]
    public void Results_are_utc_instants()
    {
        var calendar = new WorkingTimeSettingsBuilder().BuildCalendar();

        var result = calendar.AddWorkingHours(Msk(11, 20, 16), 4);

        Assert.Equal(TimeSpan.Zero, result.Offset);
        Assert.Equal(Utc(11, 23, 8), result);
    }

    [Fact]
    public void A_working_moment_includes_opening_and_excludes_closing()
    {
        var calendar = new WorkingTimeSettingsBuilder().BuildCalendar();

        Assert.True(calendar.IsWorkingMoment(Msk(11, 24, 9)));
        Assert.True(calendar.IsWorkingMoment(Msk(11, 24, 17, 59)));
        Assert.False(calendar.IsWorkingMoment(Msk(11, 24, 18)));
        Assert.False(calendar.IsWorkingMoment(Msk(11, 21, 12)));
    }

    [Fact]
    public void Next_working_moment_is_the_instant_itself_inside_working_hours()
    {
        var calendar = new WorkingTimeSettingsBuilder().BuildCalendar();

        Assert.Equal(Msk(11, 24, 12, 34), calendar.NextWorkingMoment(Msk(11, 24, 12, 34)));
    }

    [Fact]
    public void Next_working_moment_after_Friday_closing_is_Monday_opening()
    {
        var calendar = new WorkingTimeSettingsBuilder().BuildCalendar();

        Assert.Equal(Msk(11, 23, 9), calendar.NextWorkingMoment(Msk(11, 20, 18)));
    }

    [Fact]
    public void Next_working_day_start_is_tomorrows_opening_even_before_todays_opening()
    {
        var calendar = new WorkingTimeSettingsBuilder().BuildCalendar();

        Assert.Equal(Msk(11, 25, 9), calendar.NextWorkingDayStart(Msk(11, 24, 7)));
    }

    [Fact]
    public void Next_working_day_start_on_Friday_is_Monday_opening_or_later_after_a_holiday()
    {
        var calendar = new WorkingTimeSettingsBuilder().WithHoliday(2026, 11, 23).BuildCalendar();

        Assert.Equal(Msk(11, 24, 9), calendar.NextWorkingDayStart(Msk(11, 20, 12)));
    }

    [Fact]
    public void Local_date_is_the_date_in_the_organisation_zone()
    {
        var calendar = new WorkingTimeSettingsBuilder().BuildCalendar();

        Assert.Equal(new DateOnly(2026, 11, 21), calendar.LocalDate(Utc(11, 20, 22)));
    }

    [Fact]
    public void To_local_keeps_the_instant_and_uses_the_zone_offset()
    {
        var calendar = new WorkingTimeSettingsBuilder().BuildCalendar();

        var local = calendar.ToLocal(Utc(11, 20, 22));

        Assert.Equal(TimeSpan.FromHours(3), local.Offset);
        Assert.Equal(Utc(11, 20, 22), local);
        Assert.Equal(new DateTime(2026, 11, 21, 1, 0, 0), local.DateTime);
    }

    [Fact]
    public void Start_of_local_day_is_local_midnight()
    {
        var calendar = new WorkingTimeSettingsBuilder().BuildCalendar();

        var result = calendar.StartOfLocalDay(new DateOnly(2026, 11, 21));

        Assert.Equal(Utc(11, 20, 21), result);
        Assert.Equal(TimeSpan.Zero, result.Offset);
    }

    [Fact]
    public void Adding_working_days_adds_whole_nominal_days()
    {
        var calendar = new WorkingTimeSettingsBuilder().BuildCalendar();

        var result = calendar.AddWorkingDays(Msk(11, 24, 11), 3);

        Assert.Equal(Msk(11, 27, 11), result);
    }

    [Fact]
    public void A_day_that_ends_before_it_starts_is_rejected()
    {
        var settings = new WorkingTimeSettingsBuilder().WithHours(18, 0, 9, 0).Build();

        Assert.Throws<ArgumentException>(() => new WorkingCalendar(settings));
    }

    // DST: Europe/Berlin jumps 02:00 CET -> 03:00 CEST on Sunday 2026-03-29 and falls back
    // 03:00 CEST -> 02:00 CET on Sunday 2026-10-25. A 7-day week, 01:00-05:00, puts the switch
    // inside working hours.

    [Fact]
    public void A_working_day_containing_the_spring_forward_gap_is_an_hour_shorter()
    {
        var calendar = new WorkingTimeSettingsBuilder().InZone("Europe/Berlin").WithHours(1, 0, 5, 0).EveryDayOfTheWeek().BuildCalendar();
        var day = new DateOnly(2026, 3, 29);

        var length = calendar.WorkingTimeBetween(calendar.StartOfLocalDay(day), calendar.StartOfLocalDay(day.AddDays(1)));

        Assert.Equal(TimeSpan.FromHours(3), length);
    }

    [Fact]
    public void Adding_working_time_across_the_spring_forward_gap_skips_the_missing_hour()
    {
        var calendar = new WorkingTimeSettingsBuilder().InZone("Europe/Berlin").WithHours(1, 0, 5, 0).EveryDayOfTheWeek().BuildCalendar();
        var start = At(Berlin, 2026, 3, 29, 1);

        var result = calendar.AddWorkingHours(start, 2);

        Assert.Equal(Utc(3, 29, 2), result);
        Assert.Equal(At(Berlin, 2026, 3, 29, 4), result);
    }

    [Fact]
    public void Working_time_left_after_the_spring_forward_day_carries_to_the_next_day()
    {
        var calendar = new WorkingTimeSettingsBuilder().InZone("Europe/Berlin").WithHours(1, 0, 5, 0).EveryDayOfTheWeek().BuildCalendar();
        var start = At(Berlin, 2026, 3, 29, 1);

        var result = calendar.AddWorkingHours(start, 4);

        Assert.Equal(At(Berlin, 2026, 3, 30, 2), result);
    }

    [Fact]
    public void A_day_start_inside_the_spring_forward_gap_maps_to_the_first_instant_after_the_gap()
    {
        var calendar = new WorkingTimeSettingsBuilder().InZone("Europe/Berlin").WithHours(2, 30, 5, 0).EveryDayOfTheWeek().BuildCalendar();

        var opening = calendar.NextWorkingDayStart(At(Berlin, 2026, 3, 28, 12));

        Assert.Equal(Utc(3, 29, 1), opening);
        Assert.Equal(new TimeOnly(3, 0), TimeOnly.FromDateTime(calendar.ToLocal(opening).DateTime));
    }

    [Fact]
    public void A_working_day_containing_the_fall_back_overlap_is_an_hour_longer()
    {
        var calendar = new WorkingTimeSettingsBuilder().InZone("Europe/Berlin").WithHours(1, 0, 5, 0).EveryDayOfTheWeek().BuildCalendar();
        var day = new DateOnly(2026, 10, 25);

        var length = calendar.WorkingTimeBetween(calendar.StartOfLocalDay(day), calendar.StartOfLocalDay(day.AddDays(1)));

        Assert.Equal(TimeSpan.FromHours(5), length);
    }

    [Fact]
    public void Adding_working_time_across_the_fall_back_overlap_counts_the_repeated_hour()
    {
        var calendar = new WorkingTimeSettingsBuilder().InZone("Europe/Berlin").WithHours(1, 0, 5, 0).EveryDayOfTheWeek().BuildCalendar();
        var start = At(Berlin, 2026, 10, 25, 1);

        var result = calendar.AddWorkingHours(start, 4);

        Assert.Equal(Utc(10, 25, 3), result);
        Assert.Equal(new DateTime(2026, 10, 25, 4, 0, 0), calendar.ToLocal(result).DateTime);
    }

    [Fact]
    public void An_ambiguous_day_start_maps_to_its_first_occurrence()
    {
        var calendar = new WorkingTimeSettingsBuilder().InZone("Europe/Berlin").WithHours(2, 30, 5, 0).EveryDayOfTheWeek().BuildCalendar();

        var opening = calendar.NextWorkingDayStart(At(Berlin, 2026, 10, 24, 12));

        Assert.Equal(Utc(10, 25, 0, 30), opening);
        Assert.Equal(TimeSpan.FromHours(2), calendar.ToLocal(opening).Offset);
    }

    [Fact]
    public void Start_of_a_local_day_whose_midnight_is_skipped_is_the_end_of_the_gap()
    {
        // America/Santiago jumps 00:00 -04 -> 01:00 -03 on Sunday 2026-09-06.
        var calendar = new WorkingTimeSettingsBuilder().InZone("America/Santiago").BuildCalendar();

        var result = calendar.StartOfLocalDay(new DateOnly(2026, 9, 6));

        Assert.Equal(Utc(9, 6, 4), result);
        Assert.Equal(new DateTime(2026, 9, 6, 1, 0, 0), calendar.ToLocal(result).DateTime);
    }
}
