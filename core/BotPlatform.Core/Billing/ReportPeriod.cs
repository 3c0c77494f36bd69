using System.Globalization;

namespace BotPlatform.Core.Billing;

/// <summary>A report's period: a month ("11.2026", "2026-11") or two dates ("01.11.2026-30.11.2026"), at most a year long.</summary>
public static class ReportPeriod
{
    private static readonly string[] MonthFormats = ["MM.yyyy", "M.yyyy", "yyyy-MM"];
    private static readonly string[] DateFormats = ["dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd"];

    public static (DateOnly From, DateOnly To)? Parse(string? text)
    {
        var value = text?.Trim() ?? "";
        foreach (var format in MonthFormats)
        {
            if (DateOnly.TryParseExact(value, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
                return (month, month.AddMonths(1).AddDays(-1));
        }
        // ISO dates hold hyphens themselves: split on the hyphen that has a full date on both sides.
        for (var i = value.IndexOf('-', StringComparison.Ordinal); i > 0; i = value.IndexOf('-', i + 1))
        {
            if (TryDate(value[..i], out var from) && TryDate(value[(i + 1)..], out var to))
                return from <= to && to <= from.AddYears(1) ? (from, to) : null;
        }
        return null;
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
