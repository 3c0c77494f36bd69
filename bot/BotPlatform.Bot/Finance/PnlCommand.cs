using BotPlatform.Bot.Approvals;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Finance.Ledger;

namespace BotPlatform.Bot.Finance;

/// <summary>/pnl [PROJECT | client] [period]: profit and loss as a message, an .xlsx with formulas and a chart.</summary>
public sealed class PnlCommand(ProfitAndLoss pnl) : ICommandHandler
{
    public string Command => "pnl";

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (!context.InPrivateChat() || context.Person is not { } me) return;
        var (_, argument) = UpdateRouter.ParseCommand(context.Text);
        var result = await pnl.ShowAsync(me, argument, context.Lang, ct);
        if (result.Value is not { } view)
        {
            context.ReplyProblem(result.Problem!);
            return;
        }
        context.Reply(view.Text);
        context.Out.SendDocument(context.ChatId, view.WorkbookKey, view.WorkbookName);
        if (view.Report.AllRows.Any()) context.Out.SendPhoto(context.ChatId, view.ChartKey, "pnl.png", LedgerTexts.ChartCaption.In(context.Lang));
    }
}
