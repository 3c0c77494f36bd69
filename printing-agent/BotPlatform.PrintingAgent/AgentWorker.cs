using System.Collections.Concurrent;
using System.Text;
using BotPlatform.Core.Printing.Agents;
using BotPlatform.Core.Printing.Labels;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace BotPlatform.PrintingAgent;

/// <summary>
/// The agent's main loop: report the printers (heartbeat), long-poll the server for a job, print it, and only then
/// acknowledge it. A printer that does not take the job sends it back with the reason and the agent pauses (doubling
/// up to a limit) before it claims again; the server gives the job to the next claim. An acknowledgement whose answer
/// is lost is repeated (the server counts it once). A stopped agent's leases run out and its jobs return to the queue.
/// </summary>
public sealed class AgentWorker(AgentApiClient api, PrinterDriver driver, PrintJournal journal, IOptions<PrintingAgentOptions> options, TimeProvider time,
    ILogger<AgentWorker> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, (string State, string? Error)> _states = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Jobs printed and acknowledged by this run (the log has them too).</summary>
    public int Printed => _printed;
    private int _printed;

    /// <summary>Jobs whose lease this run lost (a renewal or the acknowledgement refused): another agent has them.</summary>
    public int LostLeases => _lostLeases;
    private int _lostLeases;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.ServerUrl) || string.IsNullOrWhiteSpace(o.Token))
        {
            logger.LogWarning("Printing agent started without Agent:ServerUrl or Agent:Token; it will not pull jobs until both are set");
            return;
        }
        if (o.Printers.Count == 0) logger.LogWarning("Printing agent has no printers configured (Agent:Printers); it serves no jobs");
        foreach (var printer in o.Printers) _states[printer.Name] = ("ready", null);
        logger.LogInformation("Printing agent started for {ServerUrl} with {Printers}", o.ServerUrl,
            string.Join(", ", o.Printers.Select(p => $"{p.Name} ({p.Kind})")));

        var calls = Calls(o, stoppingToken);
        var backoff = TimeSpan.FromSeconds(o.BackoffSeconds);
        try
        {
            await calls.ExecuteAsync(async ct => await HeartbeatAsync(ct), stoppingToken);
            await RecoverAsync(calls, stoppingToken);
            var heartbeats = HeartbeatLoopAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (o.Printers.Count == 0 || await api.ClaimAsync(o.WaitSeconds, stoppingToken) is not { } job)
                    {
                        if (o.Printers.Count == 0) await Task.Delay(TimeSpan.FromSeconds(o.HeartbeatSeconds), time, stoppingToken);
                        continue;
                    }
                    if (await HandleAsync(job, calls, stoppingToken))
                    {
                        backoff = TimeSpan.FromSeconds(o.BackoffSeconds);
                        continue;
                    }
                }
                catch (AgentUnauthorizedException ex)
                {
                    logger.LogError(ex, "The server refused the token");
                    backoff = TimeSpan.FromSeconds(o.MaxBackoffSeconds);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "The server did not answer; trying again in {Backoff}", backoff);
                }
                await Task.Delay(backoff, time, stoppingToken);
                backoff = TimeSpan.FromSeconds(Math.Min(backoff.TotalSeconds * 2, o.MaxBackoffSeconds));
            }
            await heartbeats;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Printing agent stopping");
        }
    }

    /// <summary>Prints one job and acknowledges it; false when the printer did not take it (the job went back with the reason).</summary>
    private async Task<bool> HandleAsync(AgentJob job, ResiliencePipeline calls, CancellationToken stoppingToken)
    {
        var o = options.Value;
        var printer = o.Printers.Where(p => p.Kind == job.Kind).OrderBy(p => _states.GetValueOrDefault(p.Name).State == "ready" ? 0 : 1).FirstOrDefault();
        if (printer is null)
        {
            await calls.ExecuteAsync(async ct => await api.FailAsync(job.Id, $"no {job.Kind} printer at this agent", ct), stoppingToken);
            return false;
        }
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        // Cancelled when the server refuses a renewal: the lease is gone (it ran out and the job went back or to another agent).
        using var lost = new CancellationTokenSource();
        using var printing = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lost.Token);
        var renewals = RenewLoopAsync(job, lost, renewing.Token);
        try
        {
            var payload = await PayloadAsync(job, printer, calls, printing.Token);
            journal.Write(new PrintJournal.Entry(job.Id, PrintJournal.Printing, job.Number, printer.Name, time.GetUtcNow()));
            await driver.PrintAsync(printer, payload, printing.Token);
            journal.Write(new PrintJournal.Entry(job.Id, PrintJournal.Printed, job.Number, printer.Name, time.GetUtcNow()));
        }
        catch (Exception) when (lost.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            // The job is another agent's now: its print stands, ours stops (lp is killed, the printer's connection closed) so
            // that the paper comes out once. What the printer had already taken may show as a partial page; the log says so.
            journal.Write(new PrintJournal.Entry(job.Id, PrintJournal.Resolved, job.Number, printer.Name, time.GetUtcNow()));
            Interlocked.Increment(ref _lostLeases);
            logger.LogWarning("Job {JobId} ({Number}) stopped on {Printer}: the server refused to renew its lease (it ran out and the job went back " +
                "to the queue or to another agent); that print stands. If the printer had started, a partial page may be in its tray", job.Id, job.Number,
                printer.Name);
            return true;
        }
        catch (Exception ex) when (ex is PrinterException or IOException && !stoppingToken.IsCancellationRequested)
        {
            _states[printer.Name] = ("offline", ex.Message);
            logger.LogWarning("Job {JobId} ({Number}) not printed on {Printer}: {Reason}", job.Id, job.Number, printer.Name, ex.Message);
            await renewing.CancelAsync();
            await renewals;
            await calls.ExecuteAsync(async ct => await api.FailAsync(job.Id, ex.Message, ct), stoppingToken);
            journal.Write(new PrintJournal.Entry(job.Id, PrintJournal.Failed, job.Number, printer.Name, time.GetUtcNow()));
            return false;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped while printing: the driver stopped the printer's process; the lease runs out and the job returns.
            journal.Write(new PrintJournal.Entry(job.Id, PrintJournal.Failed, job.Number, printer.Name, time.GetUtcNow()));
            throw;
        }
        finally
        {
            await renewing.CancelAsync();
            await renewals;
        }
        _states[printer.Name] = ("ready", null);
        // The bytes went out: from here on the acknowledgement is repeated until the server has it.
        var taken = await calls.ExecuteAsync(async ct => await api.AckAsync(job.Id, ct), stoppingToken);
        journal.Write(new PrintJournal.Entry(job.Id, taken ? PrintJournal.Acked : PrintJournal.Resolved, job.Number, printer.Name, time.GetUtcNow()));
        if (taken)
        {
            Interlocked.Increment(ref _printed);
            logger.LogInformation("Printed job {JobId} ({Kind} {Number}, {Copies} copies) on {Printer}", job.Id, job.Kind, job.Number, job.Copies, printer.Name);
        }
        else
        {
            Interlocked.Increment(ref _lostLeases);
            logger.LogWarning("Job {JobId} ({Number}) was printed on {Printer} but the server refused the acknowledgement: its lease was lost (it ran out " +
                "before the printer finished) and the job went back or to another agent, so it may be printed twice; check the printer's tray",
                job.Id, job.Number, printer.Name);
        }
        return true;
    }

    /// <summary>
    /// What the journal says a killed run left behind. A job printed but not acknowledged is acknowledged now instead of
    /// printed again; when the server refuses (the lease ran out and the job went back or to another agent) the log says
    /// so plainly: the paper is out once already, the server may print it again. A job that was being printed may have
    /// come out in part: that is logged and the job is left to its lease.
    /// </summary>
    private async Task RecoverAsync(ResiliencePipeline calls, CancellationToken ct)
    {
        foreach (var entry in journal.Unfinished())
        {
            if (entry.State == PrintJournal.Printed)
            {
                var taken = await calls.ExecuteAsync(async c => await api.AckAsync(entry.Job, c), ct);
                if (taken)
                {
                    Interlocked.Increment(ref _printed);
                    logger.LogInformation("Job {JobId} ({Number}) was printed on {Printer} before the agent stopped; acknowledged it now instead of printing it again",
                        entry.Job, entry.Number, entry.Printer);
                }
                else
                    logger.LogWarning("Job {JobId} ({Number}) was printed on {Printer} at {At} but the agent stopped before acknowledging it and its lease is lost: " +
                        "the server has given it out again, so it may be printed twice; check the printer's tray", entry.Job, entry.Number, entry.Printer, entry.At);
                journal.Write(entry with { State = taken ? PrintJournal.Acked : PrintJournal.Resolved, At = time.GetUtcNow() });
            }
            else
            {
                logger.LogWarning("Job {JobId} ({Number}) was being printed on {Printer} at {At} when the agent stopped: it may have come out in part. " +
                    "It returns to the queue when its lease runs out", entry.Job, entry.Number, entry.Printer, entry.At);
                journal.Write(entry with { State = PrintJournal.Resolved, At = time.GetUtcNow() });
            }
        }
        journal.Compact();
    }

    private async Task<PrintPayload> PayloadAsync(AgentJob job, PrinterOptions printer, ResiliencePipeline calls, CancellationToken ct)
    {
        var title = $"{job.Number} #{job.Id}";
        if (job.Kind == PrinterKinds.Label && printer.Language == "zpl" && job.Label is { } label)
            return new PrintPayload(Encoding.UTF8.GetBytes(ZplLabel.Render(label, LabelSize.Parse(options.Value.LabelSize))), title, 1, false, true);
        var bytes = await calls.ExecuteAsync(async c => await api.FileAsync(job.Id, c), ct);
        return new PrintPayload(bytes, title, job.Copies, job.Duplex, false);
    }

    private async Task RenewLoopAsync(AgentJob job, CancellationTokenSource lost, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(options.Value.RenewSeconds), time, ct);
                if (await api.RenewAsync(job.Id, ct)) continue;
                logger.LogWarning("The server refused to renew the lease of job {JobId} ({Number}): it is no longer this agent's; stopping it here", job.Id,
                    job.Number);
                await lost.CancelAsync();
                return;
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "Renewing the lease of job {JobId} failed", job.Id);
        }
    }

    private async Task HeartbeatLoopAsync(CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(options.Value.HeartbeatSeconds), time, ct);
                try
                {
                    await HeartbeatAsync(ct);
                }
                catch (Exception ex) when (ex is HttpRequestException or AgentUnauthorizedException or TaskCanceledException && !ct.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "Heartbeat failed");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private Task HeartbeatAsync(CancellationToken ct) => api.HeartbeatAsync(new AgentHeartbeat(typeof(AgentWorker).Assembly.GetName().Version?.ToString(),
        options.Value.Printers.Select(p =>
        {
            var (state, error) = _states.GetValueOrDefault(p.Name, ("ready", null));
            return new PrinterReport(p.Name, p.Kind, state, error);
        }).ToList()), ct);

    /// <summary>Calls to the server are repeated on network errors and 5xx answers with a growing pause, until they get through or the agent stops.</summary>
    private ResiliencePipeline Calls(PrintingAgentOptions o, CancellationToken stopping) => new ResiliencePipelineBuilder { TimeProvider = time }
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>().Handle<TaskCanceledException>(_ => !stopping.IsCancellationRequested),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromSeconds(o.BackoffSeconds),
            MaxDelay = TimeSpan.FromSeconds(o.MaxBackoffSeconds),
            UseJitter = true,
            OnRetry = args =>
            {
                logger.LogWarning(args.Outcome.Exception, "A call to the server failed (attempt {Attempt}); repeating", args.AttemptNumber + 1);
                return ValueTask.CompletedTask;
            },
        })
        .Build();
}
