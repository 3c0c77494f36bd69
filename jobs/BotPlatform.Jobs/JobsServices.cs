using BotPlatform.Core.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace BotPlatform.Jobs;

public static class JobsServices
{
    public const string SchedulerNameSetting = "Jobs:SchedulerName";

    /// <summary>Quartz inside the host. Schedules only trigger sweeps: the due items live in storage.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        // Quartz keeps schedulers in a process-wide repository by name: two hosts in one process (tests,
        // the sandbox) need different names (Jobs:SchedulerName) or they silently share one scheduler.
        services.AddQuartz(q =>
        {
            q.AddJob<TimerSweepJob>(j => j.WithIdentity(TimerSweepJob.Key).StoreDurably());
            q.AddTrigger(t => t
                .ForJob(TimerSweepJob.Key)
                .WithIdentity("timer-sweep-every-minute")
                .StartNow()
                .WithSimpleSchedule(s => s
                    .WithInterval(TimeSpan.FromMinutes(1))
                    .RepeatForever()
                    // A sweep missed while the process slept (or the clock jumped) runs at once, not at
                    // the next whole interval: overdue timers should not wait another minute.
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)));
            // Every night at 03:30 server time; a night missed while the host was down runs once at the next start.
            q.AddJob<RetentionJob>(j => j.WithIdentity(RetentionJob.Key).StoreDurably());
            q.AddTrigger(t => t
                .ForJob(RetentionJob.Key)
                .WithIdentity("retention-daily")
                .WithCronSchedule("0 30 3 * * ?"));
        });
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // After AddQuartz, so that it wins over Quartz's defaults.
        services.AddOptions<QuartzOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            if (configuration[SchedulerNameSetting] is { Length: > 0 } name) options.Properties["quartz.scheduler.instanceName"] = name;
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
