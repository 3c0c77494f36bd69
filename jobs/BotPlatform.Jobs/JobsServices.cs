using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace BotPlatform.Jobs;

public static class JobsServices
{
    /// <summary>Quartz inside the host. Schedules only trigger sweeps: the due items live in storage.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddQuartz(q =>
        {
            q.AddJob<TimerSweepJob>(j => j.WithIdentity(TimerSweepJob.Key).StoreDurably());
            q.AddTrigger(t => t
                .ForJob(TimerSweepJob.Key)
                .WithIdentity("timer-sweep-every-minute")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(1)).RepeatForever()));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
