using Microsoft.Extensions.Logging;

namespace BotPlatform.Core.Timers;

/// <summary>
/// A kind of due timer kept on aggregates (a due time stored with the aggregate and cleared when
/// handled). Firing must be idempotent: a timer that fired is cleared in the same update that records
/// its effect, so a sweep after a crash or downtime fires each overdue timer once.
/// </summary>
public interface ITimerSource
{
    string Name { get; }

    /// <summary>Fires every timer due at or before <paramref name="now"/>; returns how many fired.</summary>
    Task<int> FireDueAsync(DateTimeOffset now, CancellationToken ct);
}

/// <summary>Runs every timer source once; one failing source does not stop the others.</summary>
public sealed class TimerSweep(IEnumerable<ITimerSource> sources, TimeProvider time, ILogger<TimerSweep> logger)
{
    private long _runs;

    /// <summary>How many sweeps have completed since start (health checks and tests read it).</summary>
    public long Runs => Interlocked.Read(ref _runs);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        try
        {
            return await FireAllAsync(ct);
        }
        finally
        {
            Interlocked.Increment(ref _runs);
        }
    }

    private async Task<int> FireAllAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var fired = 0;
        foreach (var source in sources)
        {
            try
            {
                fired += await source.FireDueAsync(now, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Timer source {TimerSource} failed", source.Name);
            }
        }
        return fired;
    }
}
