using BotPlatform.Bot.Approvals;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Analytics.Stats;

namespace BotPlatform.Bot.Analytics;

/// <summary>/stats [period] [approvals|documents]: bottlenecks for the director, the ops manager, admins, and heads (their department).</summary>
public sealed class StatsCommand(StatsService stats) : ICommandHandler
{
    public string Command => "stats";

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (!context.InPrivateChat() || context.Person is not { } me) return;
        var scope = StatsScope.All;
        string? periodText = null;
        foreach (var word in context.Args)
        {
            switch (word.ToLowerInvariant())
            {
                case "approvals" or "согласования" or "заявки":
                    scope = StatsScope.Approvals;
                    break;
                case "documents" or "документы":
                    scope = StatsScope.Documents;
                    break;
                default:
                    if (periodText is not null)
                    {
                        context.Reply(StatsTexts.BadArgument.In(context.Lang, word) + StatsTexts.Usage.In(context.Lang));
                        return;
                    }
                    periodText = word;
                    break;
            }
        }
        if (!stats.TryParsePeriod(periodText, out var period))
        {
            context.Reply(StatsTexts.BadArgument.In(context.Lang, periodText) + StatsTexts.Usage.In(context.Lang));
            return;
        }
        var report = await stats.ReportAsync(me, period, scope, ct);
        if (report.Value is not { } value)
        {
            context.ReplyProblem(report.Problem!);
            return;
        }
        context.Reply(stats.Render(value, context.Lang));
    }
}
