using BotPlatform.Core.People;
using BotPlatform.Core.Timers;
using Microsoft.Extensions.Logging;
using Quartz;

namespace BotPlatform.Jobs;

/// <summary>Every minute (and once at start, catching up on downtime): fire the timers that are due.</summary>
[DisallowConcurrentExecution]
public sealed class TimerSweepJob(TimerSweep sweep, DepartmentsSync departments, ILogger<TimerSweepJob> logger) : IJob
{
    public static readonly JobKey Key = new("timer-sweep");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            // Reminders name departments: another replica may have renamed one.
            await departments.EnsureCurrentAsync(cancellationToken);
            var fired = await sweep.RunAsync(cancellationToken);
            if (fired > 0) logger.LogInformation("Timer sweep fired {Fired} timers", fired);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Timer sweep failed");
        }
    }
}
