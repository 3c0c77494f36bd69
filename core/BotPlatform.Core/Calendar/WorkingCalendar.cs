namespace BotPlatform.Core.Calendar;

/// <summary>
/// Working-time arithmetic for one organisation. Every working day is the local interval
/// [DayStart, DayEnd); the calendar turns both ends into instants and does all arithmetic on instants,
/// so results are exact across midnight, weekends, holidays and DST changes.
/// All results are UTC instants (offset zero) except <see cref="ToLocal"/>.
/// </summary>
/// <remarks>
/// DST rule for turning a local time into an instant:
/// <list type="bullet">
/// <item>A local time that does not exist (spring-forward gap) maps to the first instant after the gap,
/// i.e. the moment of the transition.</item>
/// <item>An ambiguous local time (fall-back overlap) maps to the earlier instant, its first occurrence.</item>
/// </list>
/// So a working day that contains a DST change is shorter or longer than <see cref="WorkingDayLength"/>
/// by the shift; <see cref="WorkingDayLength"/> stays the nominal length used to count working days.
/// <para>The rules may change over time (<see cref="WorkingTimeSettings.Changes"/>): every date is judged by the
/// rules in force on that date, so the working time of a past item is counted on the calendar that applied then,
/// whatever the calendar says today. The time zone is the same for all of them.</para>
/// </remarks>
public sealed class WorkingCalendar
{
    private readonly TimeZoneInfo _zone;
    private readonly CalendarChange[] _periods;

    public WorkingCalendar(WorkingTimeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(settings.TimeZone);
        ArgumentNullException.ThrowIfNull(settings.WorkingDays);
        ArgumentNullException.ThrowIfNull(settings.Holidays);
        ArgumentNullException.ThrowIfNull(settings.ExtraWorkingDays);
        ArgumentNullException.ThrowIfNull(settings.Changes);
        _periods =
        [
            new CalendarChange(DateOnly.MinValue, settings.DayStart, settings.DayEnd, settings.WorkingDays, settings.Holidays, settings.ExtraWorkingDays),
            .. settings.Changes.OrderBy(c => c.From),
        ];
        foreach (var period in _periods)
        {
            if (period.DayEnd <= period.DayStart)
            {
                throw new ArgumentException(
                    $"The working day must end after it starts ({period.DayStart:HH\\:mm}-{period.DayEnd:HH\\:mm}).",
                    nameof(settings));
            }

            // Holidays and extra days are finite, so at least one working weekday guarantees that every
            // search for the next working interval terminates.
            if (period.WorkingDays.Count == 0)
            {
                throw new ArgumentException("At least one weekday must be a working day.", nameof(settings));
            }
        }

        if (_periods.Skip(1).Select(p => p.From).Distinct().Count() != _periods.Length - 1)
        {
            throw new ArgumentException("Two calendar changes start on the same date.", nameof(settings));
        }

        Settings = settings;
        _zone = settings.TimeZone;
        WorkingDayLength = _periods[^1].DayEnd - _periods[^1].DayStart;
    }

    public WorkingTimeSettings Settings { get; }

    /// <summary>The nominal length of a working day, DayEnd - DayStart, of the latest rules (the ones going forward).</summary>
    public TimeSpan WorkingDayLength { get; }

    /// <summary>
    /// A working weekday that is not a holiday, or an extra working day (which wins over both the
    /// weekday and the holiday list).
    /// </summary>
    public bool IsWorkingDay(DateOnly localDate) => IsWorkingDay(RulesOn(localDate), localDate);

    /// <summary>The rules in force on a local date: the latest change from that date or before, else the base rules.</summary>
    public CalendarChange RulesOn(DateOnly localDate)
    {
        for (var i = _periods.Length - 1; i > 0; i--)
        {
            if (_periods[i].From <= localDate) return _periods[i];
        }

        return _periods[0];
    }

    private static bool IsWorkingDay(CalendarChange rules, DateOnly localDate) =>
        rules.ExtraWorkingDays.Contains(localDate)
        || (rules.WorkingDays.Contains(localDate.DayOfWeek) && !rules.Holidays.Contains(localDate));

    /// <summary>True when the instant lies in [DayStart, DayEnd) of a working day.</summary>
    public bool IsWorkingMoment(DateTimeOffset instant)
    {
        var date = LocalDate(instant);
        for (var d = date.AddDays(-1); d <= date.AddDays(1); d = d.AddDays(1))
        {
            if (WorkingIntervalOf(d) is { } interval && interval.Contains(instant))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The instant itself when it is inside working hours, otherwise the start of the next working interval.</summary>
    public DateTimeOffset NextWorkingMoment(DateTimeOffset instant)
    {
        var interval = WorkingIntervalsEndingAfter(instant).First();
        return Max(interval.Start, instant).ToUniversalTime();
    }

    /// <summary>
    /// Moves forward by the given amount of working time. A result that falls exactly on the end of a
    /// working day is that DayEnd, not the next working morning. Adding zero returns
    /// <see cref="NextWorkingMoment"/> of the start.
    /// </summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan workingTime)
    {
        if (workingTime < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(workingTime), workingTime, "Working time to add must not be negative.");
        }

        var remaining = workingTime;
        foreach (var interval in WorkingIntervalsEndingAfter(start))
        {
            var from = Max(interval.Start, start);
            var available = interval.End - from;
            if (remaining <= available)
            {
                return (from + remaining).ToUniversalTime();
            }

            remaining -= available;
        }

        throw new InvalidOperationException("Unreachable: the sequence of working intervals is infinite.");
    }

    public DateTimeOffset AddWorkingHours(DateTimeOffset start, double hours)
    {
        if (double.IsNaN(hours) || double.IsInfinity(hours) || hours < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(hours), hours, "Hours to add must be a non-negative finite number.");
        }

        return AddWorkingTime(start, TimeSpan.FromHours(hours));
    }

    /// <summary>Adds <paramref name="days"/> nominal working days: AddWorkingTime(start, days * WorkingDayLength).</summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return AddWorkingTime(start, WorkingDayLength * days);
    }

    /// <summary>The working time inside [from, to); zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        if (to <= from)
        {
            return total;
        }

        foreach (var interval in WorkingIntervalsEndingAfter(from))
        {
            if (interval.Start >= to)
            {
                break;
            }

            total += Min(interval.End, to) - Max(interval.Start, from);
        }

        return total;
    }

    /// <summary>
    /// DayStart of the first working day whose local date is after the instant's local date: the
    /// "next working morning", even when the instant is before today's opening.
    /// </summary>
    public DateTimeOffset NextWorkingDayStart(DateTimeOffset instant)
    {
        for (var date = LocalDate(instant).AddDays(1); ; date = date.AddDays(1))
        {
            if (WorkingIntervalOf(date) is { } interval)
            {
                return interval.Start;
            }
        }
    }

    /// <summary>The local date of the instant in the organisation's zone.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>The same instant with the organisation zone's offset, for display.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone);

    /// <summary>Local midnight of the date as an instant (after the gap when midnight itself is skipped by DST).</summary>
    public DateTimeOffset StartOfLocalDay(DateOnly date) => ToInstant(date.ToDateTime(TimeOnly.MinValue));

    /// <summary>
    /// Working intervals in chronological order, starting with the first one that ends after the
    /// instant. Infinite: callers stop enumerating.
    /// </summary>
    private IEnumerable<WorkingInterval> WorkingIntervalsEndingAfter(DateTimeOffset instant)
    {
        // The day before is included because a DST shift near midnight could, in principle, move an
        // interval's end past the local date boundary.
        for (var date = LocalDate(instant).AddDays(-1); ; date = date.AddDays(1))
        {
            if (WorkingIntervalOf(date) is { } interval && interval.End > instant)
            {
                yield return interval;
            }
        }
    }

    private WorkingInterval? WorkingIntervalOf(DateOnly date)
    {
        var rules = RulesOn(date);
        if (!IsWorkingDay(rules, date))
        {
            return null;
        }

        var start = ToInstant(date.ToDateTime(rules.DayStart));
        var end = ToInstant(date.ToDateTime(rules.DayEnd));

        // Only possible when a DST gap swallows the whole working day.
        return end > start ? new WorkingInterval(start, end) : null;
    }

    /// <summary>Local wall-clock time to a UTC instant, following the DST rule in the class remarks.</summary>
    private DateTimeOffset ToInstant(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);

        if (_zone.IsAmbiguousTime(local))
        {
            // The first occurrence is the one with the larger offset (before the clocks went back).
            var offset = _zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, offset).ToUniversalTime();
        }

        if (_zone.IsInvalidTime(local))
        {
            return EndOfGap(local);
        }

        return new DateTimeOffset(local, _zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>
    /// The transition instant of the gap containing <paramref name="local"/>: the earliest instant whose
    /// offset is no longer the one in force before the gap.
    /// </summary>
    private DateTimeOffset EndOfGap(DateTime local)
    {
        var offsetBefore = _zone.GetUtcOffset(local.AddDays(-1));
        var offsetAfter = _zone.GetUtcOffset(local.AddDays(1));

        // Read with the later offset, the local time is an instant before the transition; read with the
        // earlier offset, it is an instant after it. Bisect between the two.
        var low = new DateTimeOffset(local, offsetAfter).UtcTicks;
        var high = new DateTimeOffset(local, offsetBefore).UtcTicks;
        if (low >= high)
        {
            // Not a simple one-step gap (two transitions within a day); the later reading is still after the gap.
            return new DateTimeOffset(high, TimeSpan.Zero);
        }

        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (_zone.GetUtcOffset(new DateTimeOffset(middle, TimeSpan.Zero)) == offsetBefore)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return new DateTimeOffset(high, TimeSpan.Zero);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    private readonly record struct WorkingInterval(DateTimeOffset Start, DateTimeOffset End)
    {
        public bool Contains(DateTimeOffset instant) => Start <= instant && instant < End;
    }
}
