using BotPlatform.Core.Calendar;

namespace BotPlatform.Bot.Sandbox;

/// <summary>
/// Business time of the sandbox: real time plus an offset that only grows, so a visitor can jump to
/// the moment a reminder or an escalation is due. Timers and delays keep real durations (the base
/// class's), which is what Quartz and the outbox pace with.
/// </summary>
public sealed class SandboxClock(TimeProvider real) : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => real.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => real.LocalTimeZone;

    /// <summary>Moves business time forward; time never goes back, as stored due times assume.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }

    /// <summary>The nearest start of a working day still ahead: today's opening before it, else the next working day's.</summary>
    public static DateTimeOffset NextWorkingMorning(WorkingCalendar calendar, DateTimeOffset now)
    {
        var next = calendar.NextWorkingMoment(now);
        return next > now ? next : calendar.NextWorkingDayStart(now);
    }
}
