using BotPlatform.Jobs;
using BotPlatform.Tests.Support;
using Quartz;

namespace BotPlatform.Tests.Timers;

public sealed class TimerScheduleTests
{
    [Fact]
    public async Task The_host_schedules_the_timer_sweep_every_minute()
    {
        await using var host = await BotHost.StartAsync();
        var scheduler = await host.Get<ISchedulerFactory>().GetScheduler();

        var triggers = await scheduler.GetTriggersOfJob(TimerSweepJob.Key);

        var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(Assert.Single(triggers));
        Assert.Equal(TimeSpan.FromMinutes(1), trigger.RepeatInterval);
        Assert.Equal(-1, trigger.RepeatCount); // repeat forever
        Assert.StartsWith("test-", scheduler.SchedulerName); // each host its own scheduler
    }
}
