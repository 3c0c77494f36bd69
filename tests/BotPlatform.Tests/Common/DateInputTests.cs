using BotPlatform.Core.Common;

namespace BotPlatform.Tests.Common;

public sealed class DateInputTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Theory]
    [InlineData("25.11", 2026, 11, 25)]
    [InlineData("25.11.2026", 2026, 11, 25)]
    [InlineData("2026-11-25", 2026, 11, 25)]
    [InlineData("завтра", 2026, 11, 25)]
    [InlineData("Tomorrow", 2026, 11, 25)]
    [InlineData("сегодня", 2026, 11, 24)]
    [InlineData("10.01", 2027, 1, 10)]
    public void Understands_the_forms_people_type(string text, int year, int month, int day)
    {
        Assert.True(DateInput.TryParse(text, Today, out var date));

        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("31.02.2026")]
    [InlineData("soon")]
    [InlineData("25/25")]
    public void Refuses_what_is_not_a_date(string text)
    {
        Assert.False(DateInput.TryParse(text, Today, out _));
    }
}
