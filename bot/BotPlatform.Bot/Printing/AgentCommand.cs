using BotPlatform.Bot.Approvals;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Localization;
using BotPlatform.Core.People;
using BotPlatform.Core.Printing;
using BotPlatform.Core.Printing.Agents;

namespace BotPlatform.Bot.Printing;

/// <summary>/agent - the printing agents; /agent new NAME - register one (its token shown once); /agent NAME revoke.</summary>
public sealed class AgentCommand(PrintAgents agents, Organisation organisation) : ICommandHandler
{
    public string Command => "agent";

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (!context.InPrivateChat() || context.Person is not { } me) return;
        var (_, args) = UpdateRouter.ParseCommand(context.Text);
        var parts = args.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        switch (parts)
        {
            case []:
                await ListAsync(context, me, ct);
                break;
            case ["new" or "новый", var name]:
                var created = await agents.RegisterAsync(name, me, ct);
                if (!created.IsOk) context.ReplyProblem(created.Problem!);
                else context.Reply(PrintingTexts.AgentCreated, created.Value.Agent.Name, created.Value.Token);
                break;
            case [var name, "revoke" or "отозвать"]:
                var revoked = await agents.RevokeAsync(name, me, ct);
                if (!revoked.IsOk) context.ReplyProblem(revoked.Problem!);
                else context.Reply(PrintingTexts.AgentRevoked, revoked.Value!.Name);
                break;
            default:
                context.Reply(PrintingTexts.AgentUsage);
                break;
        }
    }

    private async Task ListAsync(UpdateContext context, Person me, CancellationToken ct)
    {
        var list = await agents.ListAsync(me, ct);
        if (!list.IsOk)
        {
            context.ReplyProblem(list.Problem!);
            return;
        }
        var lang = context.Lang;
        if (list.Value!.Count == 0)
        {
            context.Reply(PrintingTexts.NoAgents);
            return;
        }
        var lines = new List<string> { PrintingTexts.AgentsTitle.In(lang) };
        foreach (var (agent, waiting) in list.Value)
        {
            var seen = agent.IsRevoked ? PrintingTexts.AgentRevokedMark.In(lang)
                : agent.LastSeenAt is { } at ? PrintingTexts.LastSeen.In(lang, organisation.Calendar.ToLocal(at)) : PrintingTexts.NeverSeen.In(lang);
            lines.Add(PrintingTexts.AgentLine.In(lang, agent.Name, seen, waiting));
            lines.AddRange(agent.Printers.Select(p => PrintingTexts.PrinterLine.In(lang, p.Name, PrintingTexts.KindName(p.Kind).In(lang),
                p.Error is { Length: > 0 } error ? $"{p.State} — {error}" : p.State)));
        }
        context.Reply(string.Join("\n", lines));
    }
}

public static class PrintingHandlers
{
    public static IServiceCollection AddPrintingHandlers(this IServiceCollection services)
    {
        services.AddOptions<AgentApiOptions>().BindConfiguration(AgentApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services.AddScoped<ICommandHandler, AgentCommand>();
    }
}
