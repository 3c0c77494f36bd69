using Microsoft.Extensions.Options;

namespace BotPlatform.PrintingAgent;

/// <summary>
/// The headless agent's main loop. Claiming, printing and acknowledging jobs arrive with the print-queue
/// issue; until then the agent starts, reports what it would serve, and keeps a heartbeat in the log so
/// that its deployment (service unit, token, network) can be set up and checked ahead of time.
/// </summary>
public sealed class AgentWorker(IOptions<PrintingAgentOptions> options, TimeProvider time, ILogger<AgentWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.ServerUrl) || string.IsNullOrWhiteSpace(o.Token))
            logger.LogWarning("Printing agent started without Agent:ServerUrl or Agent:Token; it will not pull jobs until both are set");
        else
            logger.LogInformation("Printing agent started for {ServerUrl}", o.ServerUrl);

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(o.HeartbeatSeconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) logger.LogDebug("Printing agent alive");
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Printing agent stopping");
        }
    }
}
