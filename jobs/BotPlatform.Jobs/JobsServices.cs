using BotPlatform.Core.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Quartz;

namespace BotPlatform.Jobs;

public static class JobsServices
{
    public const string SchedulerNameSetting = "Jobs:SchedulerName";
    public const string DefaultSchedulerName = "botplatform";

    /// <summary>
    /// Quartz inside the host. Schedules only trigger sweeps: the due items live in storage. With
    /// <c>Storage:Provider=postgres</c> the schedule lives in the same database (Quartz's clustered
    /// AdoJobStore, tables from migration 0005): every replica runs a scheduler of the same name and
    /// each tick fires on one of them.
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        // Quartz keeps schedulers in a process-wide repository by name: two hosts in one process (tests,
        // the sandbox) need different names (Jobs:SchedulerName) or they silently share one scheduler.
        var clustered = string.Equals(configuration["Storage:Provider"], "postgres", StringComparison.OrdinalIgnoreCase);
        services.AddQuartz(q =>
        {
            if (clustered)
            {
                var connectionString = configuration["Storage:ConnectionString"]
                    ?? throw new InvalidOperationException("Storage:ConnectionString is not set");
                q.UsePersistentStore(s =>
                {
                    s.UsePostgres(connectionString);
                    s.UseSystemTextJsonSerializer();
                    s.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(5);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(20);
                    });
                });
            }
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
        services.AddOptions<QuartzOptions>().Configure<IConfiguration>((options, config) =>
            options.Properties["quartz.scheduler.instanceName"] = SchedulerName(config));
        if (clustered) services.AddHostedService<QuartzLockRows>();
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    public static string SchedulerName(IConfiguration configuration) =>
        configuration[SchedulerNameSetting] is { Length: > 0 } name ? name : DefaultSchedulerName;
}

/// <summary>
/// Inserts the scheduler's two rows in qrtz_locks before Quartz starts (quartznet#1786: replicas
/// starting together on an empty table race to create them). Runs after the storage has migrated.
/// </summary>
internal sealed class QuartzLockRows(IServiceProvider services, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<IInboxStore>(); // resolving a store migrates the schema (0005 creates qrtz_locks)
        await using var source = NpgsqlDataSource.Create(configuration["Storage:ConnectionString"]!);
        await using var command = source.CreateCommand("""
            INSERT INTO qrtz_locks (sched_name, lock_name) VALUES (@name, 'TRIGGER_ACCESS'), (@name, 'STATE_ACCESS')
            ON CONFLICT DO NOTHING
            """);
        command.Parameters.AddWithValue("name", JobsServices.SchedulerName(configuration));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
