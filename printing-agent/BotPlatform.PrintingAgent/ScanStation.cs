using BotPlatform.Core.Printing.Agents;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace BotPlatform.PrintingAgent;

/// <summary>Where the scan station reads codes and writes its feedback: the terminal unless set otherwise.</summary>
public sealed class ScanConsole(TextReader input, TextWriter output)
{
    public TextReader Input { get; } = input;
    public TextWriter Output { get; } = output;
}

/// <summary>
/// The scan station: a USB barcode scanner types each code and Enter. Every line is a code sent to the server in the
/// current mode; "out" and "in" (typed, or scanned from a mode card) switch it. Each scan gets one line of feedback,
/// with a beep when it was refused. A scan is repeated with the same id until the server answers, so it counts once.
/// </summary>
public sealed class ScanStation(AgentApiClient api, ScanConsole console, IOptions<PrintingAgentOptions> options, TimeProvider time,
    ILogger<ScanStation> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.ScanStation.Enabled) return;
        var mode = o.ScanStation.Mode;
        var retry = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>().Handle<TaskCanceledException>(_ => !stoppingToken.IsCancellationRequested),
                MaxRetryAttempts = int.MaxValue, BackoffType = DelayBackoffType.Exponential, Delay = TimeSpan.FromSeconds(o.BackoffSeconds),
                MaxDelay = TimeSpan.FromSeconds(o.MaxBackoffSeconds),
            })
            .Build();
        await Say($"Сканер: режим {Name(mode)}. Сканируйте коды; out / in — смена режима.");
        try
        {
            while (await console.Input.ReadLineAsync(stoppingToken) is { } line)
            {
                var code = line.Trim();
                if (code.Length == 0) continue;
                if (code.ToLowerInvariant() is "out" or "in" or "mode:out" or "mode:in")
                {
                    mode = code.ToLowerInvariant().EndsWith("out") ? "out" : "in";
                    await Say($"Режим: {Name(mode)}");
                    continue;
                }
                var scan = new AgentScan(Guid.NewGuid().ToString("N"), code, mode);
                try
                {
                    var answer = await retry.ExecuteAsync(async ct => await api.ScanAsync(scan, ct), stoppingToken);
                    await Say((answer.Ok ? "" : "\a") + answer.Message);
                    logger.LogInformation("Scanned {Code} ({Mode}): {Answer}", code, mode, answer.Message);
                }
                catch (AgentUnauthorizedException ex)
                {
                    logger.LogError(ex, "The server refused the token; scan {Code} not registered", code);
                    await Say("\a❌ Сервер не принял токен агента: скан не зарегистрирован.");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static string Name(string mode) => mode == "in" ? "возврат (in)" : "отправка (out)";

    private async Task Say(string text)
    {
        await console.Output.WriteLineAsync(text);
        await console.Output.FlushAsync();
    }
}
