using BotPlatform.Bot.Sandbox;
using BotPlatform.Tests.Calendar;
using Microsoft.Extensions.Time.Testing;

namespace BotPlatform.Tests.Sandbox;

public sealed class SandboxClockTests
{
    private static readonly DateTimeOffset Monday10 = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero); // 10:00 in Moscow

    [Fact]
    public void Business_time_is_real_time_plus_what_the_visitor_added()
    {
        var real = new FakeTimeProvider(Monday10);
        var clock = new SandboxClock(real);

        clock.Advance(TimeSpan.FromHours(4));
        real.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(Monday10.AddHours(4).AddMinutes(5), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromHours(4), clock.Offset);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Time_never_goes_back(int hours)
    {
        var clock = new SandboxClock(new FakeTimeProvider(Monday10));

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromHours(hours)));
    }

    [Theory]
    [InlineData("2026-11-23T10:00:00+03:00", "2026-11-24T09:00:00+03:00")] // in working time: tomorrow's opening
    [InlineData("2026-11-23T07:30:00+03:00", "2026-11-23T09:00:00+03:00")] // before the opening: today's
    [InlineData("2026-11-27T19:00:00+03:00", "2026-11-30T09:00:00+03:00")] // Friday evening: Monday
    [InlineData("2026-11-03T12:00:00+03:00", "2026-11-05T09:00:00+03:00")] // the day before a holiday
    public void The_next_working_morning_is_the_nearest_opening_ahead(string now, string expected)
    {
        var calendar = new WorkingTimeSettingsBuilder().WithHoliday(2026, 11, 4).BuildCalendar();

        var morning = SandboxClock.NextWorkingMorning(calendar, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), morning);
    }
}
