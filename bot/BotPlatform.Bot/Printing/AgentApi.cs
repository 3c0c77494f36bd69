using System.ComponentModel.DataAnnotations;
using BotPlatform.Bot.Mail;
using BotPlatform.Bot.Routing;
using BotPlatform.Bot.Telegram;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Mail;
using BotPlatform.Core.Common;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.Printing;
using BotPlatform.Core.Printing.Agents;
using Microsoft.Extensions.Options;

namespace BotPlatform.Bot.Printing;

public sealed class AgentApiOptions
{
    public const string Section = "AgentApi";

    /// <summary>How long a claimed job stays the agent's without a renewal; after it the job returns to the queue.</summary>
    [Range(5, 3600)]
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>The longest a claim waits for a job before it answers 204.</summary>
    [Range(0, 120)]
    public int MaxWaitSeconds { get; set; } = 30;

    /// <summary>How often a waiting claim looks at the queue again (real time).</summary>
    [Range(10, 5000)]
    public int PollMilliseconds { get; set; } = 200;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);
}

/// <summary>
/// The printing agents' HTTP API (see <see cref="AgentRoutes"/>): a thin layer that authenticates the agent's
/// token and calls the print queue. The waiting of a long-poll claim runs on real time, leases on business time.
/// </summary>
public static class AgentApi
{
    public static IEndpointRouteBuilder MapAgentApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(AgentRoutes.Root).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var header = http.Request.Headers.Authorization.ToString();
            var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
            var agent = await http.RequestServices.GetRequiredService<PrintAgents>().AuthenticateAsync(token, http.RequestAborted);
            if (agent is null) return Results.Text("Unauthorized: a valid agent token is required", statusCode: 401);
            http.Items[nameof(PrintAgent)] = agent;
            return await next(context);
        });

        api.MapPost("/claim", async (HttpContext http, int? wait, PrintQueue queue, PrintAgents agents, TransportClock clock,
            IOptions<AgentApiOptions> options, CancellationToken ct) =>
        {
            var agent = Agent(http);
            var o = options.Value;
            await agents.HeartbeatAsync(agent.Id, null, null, ct);
            var deadline = clock.Now + TimeSpan.FromSeconds(Math.Clamp(wait ?? o.MaxWaitSeconds, 0, o.MaxWaitSeconds));
            while (true)
            {
                if (await queue.ClaimAsync(agent.Queues, agent.Name, o.Lease, ct) is { } job) return Results.Ok(ToWire(job));
                var left = deadline - clock.Now;
                if (left <= TimeSpan.Zero) return Results.NoContent();
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(o.PollMilliseconds, left.TotalMilliseconds)), clock.Time, ct);
                }
                catch (OperationCanceledException)
                {
                    // The agent hung up (or the host stops): nothing was claimed for it.
                    return Results.NoContent();
                }
            }
        });

        api.MapGet("/jobs/{id:long}/file", async (HttpContext http, long id, IPrintJobStore jobs, IFileStore files, CancellationToken ct) =>
        {
            var agent = Agent(http);
            if (await jobs.GetAsync(id, ct) is not { } job) return Results.NotFound();
            if (job.ClaimedBy != agent.Name) return Results.Conflict();
            if (string.IsNullOrEmpty(job.FileKey) || await files.OpenAsync(job.FileKey, ct) is not { } stream) return Results.NotFound();
            return Results.Stream(stream, "application/pdf", job.FileName);
        });

        api.MapPost("/jobs/{id:long}/ack", async (HttpContext http, long id, PrintQueue queue, CancellationToken ct) =>
            Answer(await queue.AckPrintedAsync(id, Agent(http).Name, ct)));

        api.MapPost("/jobs/{id:long}/fail", async (HttpContext http, long id, AgentFailure? failure, PrintQueue queue, CancellationToken ct) =>
        {
            var reason = string.IsNullOrWhiteSpace(failure?.Reason) ? "unknown" : failure.Reason.Trim();
            return Answer(await queue.FailAsync(id, Agent(http).Name, reason[..Math.Min(reason.Length, 500)], ct));
        });

        api.MapPost("/jobs/{id:long}/renew", async (HttpContext http, long id, PrintQueue queue, IOptions<AgentApiOptions> options, CancellationToken ct) =>
            Answer(await queue.RenewAsync(id, Agent(http).Name, options.Value.Lease, ct)));

        api.MapPost("/heartbeat", async (HttpContext http, AgentHeartbeat? heartbeat, PrintAgents agents, TimeProvider time, CancellationToken ct) =>
        {
            await agents.HeartbeatAsync(Agent(http).Id, heartbeat?.Printers ?? [], heartbeat?.Version, ct);
            return Results.Ok(new AgentAnswer("ok", time.GetUtcNow()));
        });

        api.MapPost("/scan", async (HttpContext http, AgentScan? scan, MailScanning scanning, TimeProvider time, CancellationToken ct) =>
        {
            var agent = Agent(http);
            if (scan is null || string.IsNullOrWhiteSpace(scan.Code) || string.IsNullOrWhiteSpace(scan.ScanId)) return Results.BadRequest();
            MailDirection? direction = scan.Direction?.Trim().ToLowerInvariant() switch
            {
                "out" => MailDirection.Out,
                "in" => MailDirection.In,
                _ => null,
            };
            if (direction is null) return Results.BadRequest();
            var scanId = $"{agent.Id}:{scan.ScanId.Trim()}";
            var outgoing = new Outgoing("agent-scan:" + scanId, time);
            var result = await scanning.ScanAsync(MailScanning.ParseCodes(scan.Code), direction.Value, new ScanActor(null, agent.Name), scanId, outgoing, ct);
            if (!result.IsOk) return Results.Ok(new AgentScanAnswer(false, ProblemTexts.Render(result.Problem!, Langs.Default)));
            var report = result.Value!;
            return Results.Ok(new AgentScanAnswer(report.Outcomes.All(o => o.Problem is null), MailViews.Report(report, Langs.Default)));
        });

        return app;
    }

    private static PrintAgent Agent(HttpContext http) => (PrintAgent)http.Items[nameof(PrintAgent)]!;

    private static AgentJob ToWire(PrintJob job) => new(job.Id, PrinterKinds.KindOf(job), job.DocumentNumber, job.FileName, job.Copies, job.Duplex,
        job.Attempts, job.LeaseUntil ?? default, job.Label);

    private static IResult Answer(Result<PrintJob> result) => result switch
    {
        { IsOk: true, Value: { } job } => Results.Ok(new AgentAnswer(job.State.ToString(), job.LeaseUntil)),
        { Problem.Code: PrintProblems.NotFound } => Results.NotFound(),
        _ => Results.Conflict(new AgentAnswer(result.Problem!.Code)),
    };
}
