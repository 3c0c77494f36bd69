using BotPlatform.Core.Messaging;
using Microsoft.Extensions.Logging;
using Quartz;

namespace BotPlatform.Jobs;

/// <summary>Daily: remove old handled updates and sent messages (Core's <see cref="Retention"/> decides what goes).</summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(Retention retention, ILogger<RetentionJob> logger) : IJob
{
    public static readonly JobKey Key = new("retention");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await retention.RunAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Retention failed");
        }
    }
}
