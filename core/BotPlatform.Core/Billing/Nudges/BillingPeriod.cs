using System.Globalization;
using System.Text.RegularExpressions;

namespace BotPlatform.Core.Billing.Nudges;

public enum BillingUnit
{
    Month,
    Week,
}

/// <summary>
/// How often a project is paid for: every <see cref="Every"/> months or weeks from <see cref="Anchor"/>, the first day of
/// the first period. A period is [start, next start): months are added to the anchor (not to the previous start), so an
/// anchor on the 31st keeps the month's last day in short months and comes back to the 31st.
/// </summary>
public sealed class BillingPeriod
{
    public BillingUnit Unit { get; set; }
    public int Every { get; set; } = 1;
    public DateOnly Anchor { get; set; }

    public DateOnly StartOf(int n) => Unit == BillingUnit.Month ? Anchor.AddMonths(n * Every) : Anchor.AddDays(7 * n * Every);

    /// <summary>The period holding the date (start inclusive, end exclusive); the first period for a date before the anchor.</summary>
    public (DateOnly Start, DateOnly End) Containing(DateOnly date)
    {
        if (date < Anchor) return (StartOf(0), StartOf(1));
        var n = Unit == BillingUnit.Month
            ? ((date.Year - Anchor.Year) * 12 + date.Month - Anchor.Month) / Every
            : (date.DayNumber - Anchor.DayNumber) / (7 * Every);
        while (n > 0 && StartOf(n) > date) n--;
        while (StartOf(n + 1) <= date) n++;
        return (StartOf(n), StartOf(n + 1));
    }

    public string Describe(Localization.Lang lang) => BillingPeriodSpec.Describe(Unit, Every, lang);
}

/// <summary>How a period is typed after <c>/project NUMBER billing</c>: monthly, quarterly, "2m" (every 2 months), "2w" (every 2 weeks).</summary>
public static partial class BillingPeriodSpec
{
    public const int MaxMonths = 12;
    public const int MinWeeks = 2;
    public const int MaxWeeks = 26;

    public static bool TryParse(string? text, out BillingUnit unit, out int every)
    {
        (unit, every) = (BillingUnit.Month, 1);
        var s = text?.Trim().ToLowerInvariant() ?? "";
        switch (s)
        {
            case "monthly" or "month" or "ежемесячно" or "месяц" or "1m" or "1м":
                return true;
            case "quarterly" or "quarter" or "ежеквартально" or "квартал":
                every = 3;
                return true;
        }
        if (Pattern().Match(s) is not { Success: true } m) return false;
        every = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        unit = m.Groups[2].Value is "w" or "н" ? BillingUnit.Week : BillingUnit.Month;
        return unit == BillingUnit.Month ? every is >= 1 and <= MaxMonths : every is >= MinWeeks and <= MaxWeeks;
    }

    /// <summary>Without a typed start: the 1st of this month (of this quarter for quarterly), or this week's Monday.</summary>
    public static DateOnly DefaultAnchor(BillingUnit unit, int every, DateOnly today) => unit switch
    {
        BillingUnit.Week => today.AddDays(-(((int)today.DayOfWeek + 6) % 7)),
        _ when every == 3 => new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1),
        _ => new DateOnly(today.Year, today.Month, 1),
    };

    public static string Describe(BillingUnit unit, int every, Localization.Lang lang) => (unit, every) switch
    {
        (BillingUnit.Month, 1) => NudgeTexts.Monthly.In(lang),
        (BillingUnit.Month, 3) => NudgeTexts.Quarterly.In(lang),
        (BillingUnit.Month, _) => NudgeTexts.EveryMonths.In(lang, every),
        _ => NudgeTexts.EveryWeeks.In(lang, every),
    };

    [GeneratedRegex(@"^(\d{1,2})\s*(m|м|w|н)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
