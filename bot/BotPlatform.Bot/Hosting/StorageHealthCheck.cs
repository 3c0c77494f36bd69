using BotPlatform.Core.People;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BotPlatform.Bot.Hosting;

/// <summary>
/// /health answers 503 once the storage no longer reads: LiteDB closes its engine after an internal error
/// and every store throws from then on, so the supervisor (Docker's HEALTHCHECK, systemd, Kubernetes) must
/// restart the process; the data on disk is intact and the inbox and outbox resume where they were.
/// </summary>
public sealed class StorageHealthCheck(IPeopleStore people) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await people.GetAsync(0, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The storage does not read; restart the process", ex);
        }
    }
}
