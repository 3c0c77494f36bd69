using BotPlatform.Core.People;
using BotPlatform.Infrastructure.Storage;
using BotPlatform.Infrastructure.Storage.Postgres;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace BotPlatform.Bot.Hosting;

/// <summary>
/// /health answers 503 once the storage no longer reads: LiteDB closes its engine after an internal error
/// and every store throws from then on, so the supervisor (Docker's HEALTHCHECK, systemd, Kubernetes) must
/// restart the process; the data on disk is intact and the inbox and outbox resume where they were.
/// On PostgreSQL it asks the database itself and names the schema version the host runs on.
/// </summary>
public sealed class StorageHealthCheck(IPeopleStore people, IOptions<StorageOptions> options, IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await people.GetAsync(0, cancellationToken);
            if (!options.Value.IsPostgres) return HealthCheckResult.Healthy("litedb");
            var schema = await services.GetRequiredService<PostgresDatabase>().CurrentSchemaVersionAsync(cancellationToken);
            return HealthCheckResult.Healthy($"postgres, schema version {schema}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy(options.Value.IsPostgres
                ? "The PostgreSQL database does not answer"
                : "The storage does not read; restart the process", ex);
        }
    }

    /// <summary>The status, then each check's description: "Healthy storage: postgres, schema version 1".</summary>
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var lines = report.Entries.Select(e => $"{e.Key}: {e.Value.Status} {e.Value.Description}".TrimEnd());
        return context.Response.WriteAsync(report.Status + "\n" + string.Join("\n", lines) + "\n");
    }

    public static HealthCheckOptions Options => new() { ResponseWriter = WriteAsync };
}
