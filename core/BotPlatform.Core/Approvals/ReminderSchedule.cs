using BotPlatform.Core.Calendar;

namespace BotPlatform.Core.Approvals;

/// <summary>
/// The nagging of an untouched step, in the organisation's working time: regular reminders every N
/// working hours until the strong reminder (or the escalation when there is none), the strong
/// reminder once the step has waited N working days, then the escalation. After the escalation the
/// ops manager holds the request and the timers stop. A working day is the calendar's working-day
/// length (9 hours for 09:00-18:00), so "2 working days" from Friday 16:00 is Tuesday 16:00.
/// </summary>
public static class ReminderSchedule
{
    public readonly record struct Fire(DateTimeOffset At, TimerKind Kind);

    public static DateTimeOffset? StrongAt(ReminderPolicy policy, WorkingCalendar calendar, DateTimeOffset start) =>
        policy.StrongAfterWorkingDays is { } days ? Open(calendar, calendar.AddWorkingTime(start, calendar.WorkingDayLength * days)) : null;

    public static DateTimeOffset? EscalationAt(ReminderPolicy policy, WorkingCalendar calendar, DateTimeOffset start)
    {
        if (StrongAt(policy, calendar, start) is { } strong)
            return policy.EscalateAfterStrongWorkingHours is { } hours ? Open(calendar, calendar.AddWorkingHours(strong, hours)) : null;
        return policy.EscalateAfterWorkingDays is { } days ? Open(calendar, calendar.AddWorkingTime(start, calendar.WorkingDayLength * days)) : null;
    }

    /// <summary>A moment that falls on the close of a day (18:00) is the same working time as the next opening; nobody reads it at 18:00.</summary>
    private static DateTimeOffset Open(WorkingCalendar calendar, DateTimeOffset at) => calendar.NextWorkingMoment(at);

    /// <summary>The first timer strictly after <paramref name="after"/>, or null when the step has nothing more to say.</summary>
    public static Fire? Next(ReminderPolicy? policy, WorkingCalendar calendar, DateTimeOffset start, DateTimeOffset after)
    {
        if (policy is null) return null;
        var strong = StrongAt(policy, calendar, start);
        var escalation = EscalationAt(policy, calendar, start);
        var regularUntil = strong ?? escalation;
        if (policy.EveryWorkingHours is { } every)
        {
            // Start near the answer (the working time already waited) rather than counting from the step's start.
            var waited = after > start ? calendar.WorkingTimeBetween(start, after).TotalHours : 0;
            for (var k = Math.Max(1, (int)(waited / every)); ; k++)
            {
                var at = Open(calendar, calendar.AddWorkingHours(start, every * k));
                if (regularUntil is { } limit && at >= limit) break;
                if (at > after) return new Fire(at, TimerKind.Reminder);
            }
        }
        if (strong is { } s && s > after) return new Fire(s, TimerKind.StrongReminder);
        if (escalation is { } e && e > after) return new Fire(e, TimerKind.Escalation);
        return null;
    }
}
