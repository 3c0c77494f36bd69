using BotPlatform.Core.Timers;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Support;
using Npgsql;

namespace BotPlatform.Tests.Replicas;

/// <summary>Quartz clustered on the hosts' PostgreSQL: a sweep due while three replicas run fires each reminder once.</summary>
public sealed class ClusteredTimerTests
{
    private static readonly TimeSpan Msk = TimeSpan.FromHours(3);

    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, Msk);

    [Fact]
    public async Task A_sweep_due_while_three_replicas_run_fires_each_reminder_once()
    {
        await using var first = await BotHost.StartAsync(now: At(20, 15), storage: StorageEngine.Postgres);
        await using var second = first.StartReplica();
        await using var third = first.StartReplica();
        BotHost[] hosts = [first, second, third];
        var p = await ApprovalPeople.JoinAsync(first);
        await SweepAtAsync(hosts, At(20, 16));
        await first.FilePaymentAsync(p.Olga);

        await SweepAtAsync(hosts, At(23, 10, 59));
        Assert.Empty(first.BotSaid(p.Igor, "⏰ Напоминание"));
        await SweepAtAsync(hosts, At(23, 11));
        await SweepAtAsync(hosts, At(23, 11, 1));

        Assert.Single(first.BotSaid(p.Igor, "⏰ Напоминание"));
        Assert.Equal(3, await ClusterMembersAsync(first));
        first.AssertNoInvalidCalls();
    }

    /// <summary>Moves the shared business clock and waits until some member of the cluster has swept.</summary>
    private static async Task SweepAtAsync(BotHost[] hosts, DateTimeOffset when)
    {
        long Runs() => hosts.Sum(h => h.Get<TimerSweep>().Runs);
        var before = Runs();
        hosts[0].Time.SetUtcNow(when);
        await hosts[0].Tg.WaitUntilAsync(() => Runs() > before, TimeSpan.FromSeconds(20));
        await hosts[0].IdleAsync();
    }

    private static async Task<long> ClusterMembersAsync(BotHost host)
    {
        await using var source = NpgsqlDataSource.Create(host.DatabaseConnectionString!);
        await using var command = source.CreateCommand("SELECT count(*) FROM qrtz_scheduler_state");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
