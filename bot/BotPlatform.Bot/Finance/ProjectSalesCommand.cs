using BotPlatform.Bot.Projects;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Finance.Ledger;
using BotPlatform.Core.Projects;

namespace BotPlatform.Bot.Finance;

/// <summary>
/// "/project NUMBER retainer AMOUNT|off" and "/project NUMBER upsell DEAL [off]": what a project was sold for. The
/// /project command hands these words over; the answer is a line and the project's card as it now reads.
/// </summary>
public sealed class ProjectSalesCommand(ProjectSales sales, ProjectViews views)
{
    private static readonly string[] RetainerWords = ["retainer", "абонентка"];
    private static readonly string[] UpsellWords = ["upsell", "допродажа"];

    public static bool Handles(string[] args) => args is [_, var word, ..] && (Is(word, RetainerWords) || Is(word, UpsellWords));

    public async Task HandleAsync(UpdateContext context, Project project, string[] args, CancellationToken ct)
    {
        if (context.Person is not { } person) return;
        var rest = args[2..];
        var retainer = Is(args[1], RetainerWords);
        Core.Common.Result<SaleChange>? result = rest switch
        {
            [] => (Core.Common.Result<SaleChange>?)null,
            _ when retainer => await sales.SetRetainerAsync(person, project, string.Join(' ', rest), ct),
            [var deal] => await sales.UpsellAsync(person, project, deal, unlink: false, ct),
            [var deal, var word] when ProjectSales.IsOff(word) => await sales.UpsellAsync(person, project, deal, unlink: true, ct),
            _ => null,
        };
        if (result is not { } read)
        {
            context.Reply(LedgerTexts.SalesUsage);
            return;
        }
        if (read.Value is not { } change)
        {
            context.ReplyProblem(read.Problem!);
            return;
        }
        var lang = context.Lang;
        var number = change.Project.Number;
        context.Reply(change.Kind switch
        {
            SaleChangeKind.RetainerSet => LedgerTexts.RetainerSet.In(lang, number, change.Retainer!.Value.Format(lang)),
            SaleChangeKind.RetainerCleared => LedgerTexts.RetainerCleared.In(lang, number),
            SaleChangeKind.RetainerUnchanged => LedgerTexts.RetainerUnchanged.In(lang, number),
            SaleChangeKind.UpsellLinked => LedgerTexts.UpsellLinked.In(lang, number, change.Deal!.Number),
            SaleChangeKind.UpsellAlreadyLinked => LedgerTexts.UpsellAlreadyLinked.In(lang, number, change.Deal!.Number),
            _ => LedgerTexts.UpsellUnlinked.In(lang, number, change.Deal!.Number),
        });
        if (change.Kind is not (SaleChangeKind.RetainerUnchanged or SaleChangeKind.UpsellAlreadyLinked))
            await views.SendCardAsync(context, change.Project, ct);
    }

    private static bool Is(string word, string[] words) => words.Contains(word, StringComparer.OrdinalIgnoreCase);
}
