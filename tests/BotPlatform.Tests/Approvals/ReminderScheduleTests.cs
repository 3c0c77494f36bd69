using BotPlatform.Core.Approvals;
using BotPlatform.Core.Calendar;
using BotPlatform.Tests.Calendar;

namespace BotPlatform.Tests.Approvals;

public sealed class ReminderScheduleTests
{
    private static readonly TimeSpan Msk = TimeSpan.FromHours(3);
    private static readonly WorkingCalendar Calendar = new(new WorkingTimeSettingsBuilder().Build());

    private static DateTimeOffset At(int day, int hour) => new(2026, 11, day, hour, 0, 0, Msk);

    private static List<ReminderSchedule.Fire> All(ReminderPolicy policy, DateTimeOffset start)
    {
        var fires = new List<ReminderSchedule.Fire>();
        for (var after = start; ReminderSchedule.Next(policy, Calendar, start, after) is { } next && fires.Count < 50; after = next.At)
            fires.Add(next);
        return fires;
    }

    [Fact]
    public void The_approval_policy_walks_the_worked_example_and_stops_after_the_escalation()
    {
        var fires = All(ApprovalsDefinition.DefaultApprovalReminders, At(20, 16));

        Assert.Equal(
            [
                new(At(23, 11), TimerKind.Reminder), new(At(23, 15), TimerKind.Reminder), new(At(24, 10), TimerKind.Reminder),
                new(At(24, 14), TimerKind.Reminder), new(At(24, 16), TimerKind.StrongReminder), new ReminderSchedule.Fire(At(24, 17), TimerKind.Escalation),
            ],
            fires);
    }

    [Fact]
    public void The_finance_policy_reminds_every_four_hours_and_escalates_after_two_working_days()
    {
        var fires = All(ApprovalsDefinition.DefaultFinanceReminders, At(23, 10));

        Assert.Equal([At(23, 14), At(24, 9), At(24, 13), At(24, 17)], fires.Where(f => f.Kind == TimerKind.Reminder).Select(f => f.At));
        Assert.Equal(new ReminderSchedule.Fire(At(25, 10), TimerKind.Escalation), fires[^1]);
    }

    [Fact]
    public void Asking_from_a_late_moment_gives_the_next_timer_without_replaying_the_earlier_ones()
    {
        var next = ReminderSchedule.Next(ApprovalsDefinition.DefaultApprovalReminders, Calendar, At(20, 16), At(24, 12));

        Assert.Equal(new ReminderSchedule.Fire(At(24, 14), TimerKind.Reminder), next);
    }

    [Fact]
    public void A_step_without_a_policy_has_no_timers()
    {
        Assert.Null(ReminderSchedule.Next(null, Calendar, At(20, 16), At(20, 16)));
    }

    [Fact]
    public void Without_a_strong_reminder_or_escalation_reminders_go_on()
    {
        var fires = All(new ReminderPolicy(4, null, null, null), At(23, 10));

        Assert.Equal(50, fires.Count);
        Assert.All(fires, f => Assert.Equal(TimerKind.Reminder, f.Kind));
    }
}
