using System.Text.RegularExpressions;
using BotPlatform.Core.Common;
using BotPlatform.Core.People;

namespace BotPlatform.Core.Printing.Agents;

/// <summary>An agent as /agent lists it: its printers, when it was last heard of, and how many jobs wait for it.</summary>
public sealed record AgentView(PrintAgent Agent, int JobsWaiting);

/// <summary>A printer's state as the agent reports it in a heartbeat.</summary>
public sealed record PrinterReport(string Name, string Kind, string State, string? Error);

/// <summary>Registering, listing and revoking printing agents; authenticating their calls; their heartbeats.</summary>
public sealed partial class PrintAgents(IPrintAgentStore agents, IPrintJobStore jobs, IUnitOfWork unitOfWork, TimeProvider time)
{
    public static bool MayManage(Person person) => person.Has(Role.Admin);

    /// <summary>A new agent and its token, returned once: only the token's hash is stored.</summary>
    public Task<Result<(PrintAgent Agent, string Token)>> RegisterAsync(string name, Person actor, CancellationToken ct) =>
        unitOfWork.RunAsync(async () =>
        {
            if (!MayManage(actor)) return Result<(PrintAgent, string)>.Fail(AgentProblems.NotAllowed);
            name = name.Trim();
            if (!NamePattern().IsMatch(name)) return Result<(PrintAgent, string)>.Fail(AgentProblems.BadName, name);
            if (await agents.FindByNameAsync(name, ct) is not null) return Result<(PrintAgent, string)>.Fail(AgentProblems.NameTaken, name);
            var (token, hash) = PrintAgent.NewToken();
            var agent = new PrintAgent { Name = name, TokenHash = hash, CreatedBy = actor.Id, CreatedAt = time.GetUtcNow() };
            await agents.InsertAsync(agent, ct);
            return Result<(PrintAgent, string)>.Ok((agent, token));
        }, ct);

    public Task<Result<PrintAgent>> RevokeAsync(string name, Person actor, CancellationToken ct) => unitOfWork.RunAsync(async () =>
    {
        if (!MayManage(actor)) return Result<PrintAgent>.Fail(AgentProblems.NotAllowed);
        if (await agents.FindByNameAsync(name.Trim(), ct) is not { } agent) return Result<PrintAgent>.Fail(AgentProblems.NotFound, name.Trim());
        if (agent.IsRevoked) return Result<PrintAgent>.Fail(AgentProblems.AlreadyRevoked, agent.Name);
        agent.RevokedAt = time.GetUtcNow();
        agent.RevokedBy = actor.Id;
        if (!await agents.TryUpdateAsync(agent, ct)) throw new InvalidOperationException($"Agent {agent.Name} changed inside a unit of work");
        return Result<PrintAgent>.Ok(agent);
    }, ct);

    /// <summary>Every agent with the number of jobs waiting in the queues it serves (admins and office managers see it).</summary>
    public async Task<Result<IReadOnlyList<AgentView>>> ListAsync(Person actor, CancellationToken ct)
    {
        if (!MayManage(actor) && !actor.Has(Role.OfficeManager)) return Result<IReadOnlyList<AgentView>>.Fail(AgentProblems.NotAllowed);
        var now = time.GetUtcNow();
        var waiting = new Dictionary<string, int>();
        foreach (var queue in new[] { PrintJob.DocumentsPrinter, PrintJob.LabelsPrinter })
            waiting[queue] = (await jobs.ClaimableAsync(queue, now, 10_000, ct)).Count;
        var views = (await agents.ListAsync(ct))
            .OrderBy(a => a.IsRevoked).ThenBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .Select(a => new AgentView(a, a.IsRevoked ? 0 : a.Queues.Sum(q => waiting.GetValueOrDefault(q))))
            .ToList();
        return Result<IReadOnlyList<AgentView>>.Ok(views);
    }

    /// <summary>The live agent holding this token, or null (unknown, wrong or revoked token).</summary>
    public async Task<PrintAgent?> AuthenticateAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token)) return null;
        var agent = await agents.FindByTokenHashAsync(PrintAgent.Hash(token), ct);
        return agent is { IsRevoked: false } ? agent : null;
    }

    /// <summary>Records the agent's printers and that it was seen now.</summary>
    public Task<PrintAgent?> HeartbeatAsync(long agentId, IReadOnlyList<PrinterReport>? printers, string? version, CancellationToken ct) =>
        unitOfWork.RunAsync(async () =>
        {
            if (await agents.GetAsync(agentId, ct) is not { IsRevoked: false } agent) return null;
            agent.LastSeenAt = time.GetUtcNow();
            if (version is not null) agent.AgentVersion = version;
            if (printers is not null)
                agent.Printers = printers.Where(p => PrinterKinds.IsKnown(p.Kind))
                    .Select(p => new AgentPrinter { Name = p.Name, Kind = p.Kind, State = p.State, Error = p.Error })
                    .ToList();
            if (!await agents.TryUpdateAsync(agent, ct)) throw new InvalidOperationException($"Agent {agent.Name} changed inside a unit of work");
            return agent;
        }, ct);

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,39}$")]
    private static partial Regex NamePattern();
}
