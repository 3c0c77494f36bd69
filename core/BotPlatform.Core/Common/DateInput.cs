using System.Globalization;

namespace BotPlatform.Core.Common;

/// <summary>Dates as people type them: "25.11", "25.11.2026", "2026-11-25", "завтра", "today".</summary>
public static class DateInput
{
    private static readonly string[] FullFormats = ["d.M.yyyy", "d.M.yy", "yyyy-M-d", "d/M/yyyy"];

    public static bool TryParse(string? text, DateOnly today, out DateOnly date)
    {
        date = default;
        var s = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(s)) return false;
        switch (s)
        {
            case "сегодня" or "today":
                date = today;
                return true;
            case "завтра" or "tomorrow":
                date = today.AddDays(1);
                return true;
            case "послезавтра":
                date = today.AddDays(2);
                return true;
        }
        if (DateOnly.TryParseExact(s, FullFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return true;
        // "25.11" is the next 25 November that is not in the past.
        if (DateOnly.TryParseExact(s + "." + today.Year, "d.M.yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            if (date < today) date = date.AddYears(1);
            return true;
        }
        return false;
    }
}
