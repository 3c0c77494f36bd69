using System.Globalization;
using System.Text;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Billing;
using BotPlatform.Core.Common;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;

namespace BotPlatform.Bot.Billing;

/// <summary>
/// /reports [client] [period] [status]: every report ever made, newest first, ten a page. Each report's button opens
/// its card; ⬅️/➡️ turn the page in place. Buttons: "rps:p:{page}:{client}:{from}:{to}:{status}" (0 / - for none)
/// and "rps:o:{report}". The query travels in the button, so a page survives a restart.
/// </summary>
public sealed class ReportsCommand(ReportHistory history) : ICommandHandler
{
    public string Command => "reports";

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (context.Person is not { } person || !context.IsPrivateChat) return;
        var query = await history.ParseAsync(context.Args, ct);
        if (!query.IsOk)
        {
            context.ReplyProblem(query.Problem!);
            return;
        }
        var page = await history.PageAsync(query.Value!, 1, person, ct);
        if (!page.IsOk)
        {
            context.ReplyProblem(page.Problem!);
            return;
        }
        var (text, buttons) = ReportsView.Render(page.Value!, query.Value!, context.Lang);
        context.Reply(text, buttons);
    }
}

public sealed class ReportsCallback(ReportHistory history, IReportLinks links) : ICallbackHandler
{
    public string Prefix => ReportsView.Prefix;

    public async Task HandleAsync(UpdateContext context, string[] data, CancellationToken ct)
    {
        if (context.Person is not { IsActive: true } person || context.Update.CallbackQuery?.Message is not { Id: var message })
        {
            await context.AnswerCallbackAsync(RoutingTexts.StaleButton.In(context.Lang), ct: ct);
            return;
        }
        switch (data)
        {
            case [_, ReportsView.Open, var idText] when long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var reportId):
                var opened = await history.OpenAsync(reportId, person, ct);
                await context.AnswerCallbackAsync(opened.IsOk ? null : ProblemTexts.Render(opened.Problem!, context.Lang), alert: !opened.IsOk, ct: ct);
                if (!opened.IsOk) return;
                var report = opened.Value!;
                var card = ReportCard.Text(report, context.Lang);
                if (report.PageToken is { } token && !report.PageRevoked) card += "\n\n" + ReportDialogTexts.PageLink.In(context.Lang, links.PageUrl(token));
                context.Reply(card, ReportDesk.MayChange(report, person) ? ReportCard.Buttons(report, context.Lang) : null);
                return;
            case [_, ReportsView.Turn, var pageText, .. var rest] when int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                                                                     && ReportsView.Query(rest) is { } query:
                var page = await history.PageAsync(query, number, person, ct);
                await context.AnswerCallbackAsync(page.IsOk ? null : ProblemTexts.Render(page.Problem!, context.Lang), alert: !page.IsOk, ct: ct);
                if (!page.IsOk) return;
                var (text, buttons) = ReportsView.Render(page.Value!, query, context.Lang);
                context.Out.Edit(context.ChatId, message, text, buttons);
                return;
            default:
                await context.AnswerCallbackAsync(RoutingTexts.StaleButton.In(context.Lang), ct: ct);
                return;
        }
    }
}

public static class ReportsView
{
    public const string Prefix = "rps";
    public const string Open = "o";
    public const string Turn = "p";

    public static (string Text, IEnumerable<IEnumerable<InlineButton>> Buttons) Render(ReportsPage page, ReportsQuery query, Lang lang)
    {
        var scope = Scope(page, query, lang);
        if (page.Total == 0) return (ReportDialogTexts.HistoryEmpty.In(lang, scope), []);
        var text = new StringBuilder(ReportDialogTexts.HistoryTitle.In(lang, scope, page.Total, page.Page, page.Pages));
        foreach (var report in page.Reports)
        {
            var totals = report.Totals();
            text.AppendLine().Append(ReportDialogTexts.HistoryLine.In(lang, report.Number, report.ClientName, report.From.ToDateTime(TimeOnly.MinValue),
                report.To.ToDateTime(TimeOnly.MinValue), ReportCard.Money(totals.Total, report.Currency, lang), BillingTexts.Status(report.Status).In(lang)));
        }
        var buttons = page.Reports.Chunk(2)
            .Select(pair => pair.Select(r => new InlineButton($"📊 {r.Number}", string.Create(CultureInfo.InvariantCulture, $"{Prefix}:{Open}:{r.Id}"))).ToArray())
            .ToList();
        var turn = new List<InlineButton>();
        if (page.Page > 1) turn.Add(new InlineButton(ReportDialogTexts.Previous.In(lang), Data(page.Page - 1, query)));
        if (page.Page < page.Pages) turn.Add(new InlineButton(ReportDialogTexts.More.In(lang), Data(page.Page + 1, query)));
        if (turn.Count > 0) buttons.Add([.. turn]);
        return (text.ToString(), buttons);
    }

    private static string Scope(ReportsPage page, ReportsQuery query, Lang lang)
    {
        var parts = new List<string>();
        if (query.ClientId is not null && page.Reports.FirstOrDefault() is { } any) parts.Add(any.ClientName);
        if (query.From is { } from && query.To is { } to) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{from:dd.MM.yyyy}–{to:dd.MM.yyyy}"));
        if (query.Status is { } status) parts.Add(BillingTexts.Status(status).In(lang));
        return parts.Count == 0 ? "" : $" ({string.Join(", ", parts)})";
    }

    private static string Data(int page, ReportsQuery query) => string.Create(CultureInfo.InvariantCulture,
        $"{Prefix}:{Turn}:{page}:{query.ClientId ?? 0}:{Date(query.From)}:{Date(query.To)}:{(query.Status is { } s ? ((int)s).ToString(CultureInfo.InvariantCulture) : "-")}");

    private static string Date(DateOnly? date) => date?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "0";

    /// <summary>The query a page button carries; null for anything malformed.</summary>
    public static ReportsQuery? Query(string[] parts)
    {
        if (parts is not [var client, var from, var to, var status] || !long.TryParse(client, NumberStyles.None, CultureInfo.InvariantCulture, out var clientId)) return null;
        DateOnly? Parse(string text) => DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        ReportStatus? state = status == "-" ? null
            : int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && Enum.IsDefined((ReportStatus)s) ? (ReportStatus)s : (ReportStatus)(-1);
        if (state == (ReportStatus)(-1)) return null;
        return new ReportsQuery(clientId == 0 ? null : clientId, Parse(from), Parse(to), state);
    }
}

public static class ReportHistoryHandlers
{
    /// <summary>The guided /report new dialog and /reports.</summary>
    public static IServiceCollection AddReportHistoryHandlers(this IServiceCollection services) => services
        .AddScoped<ReportDialog>()
        .AddScoped<IConversationFlow, ReportDialogFlow>()
        .AddScoped<ICallbackHandler, ReportDialogCallback>()
        .AddScoped<ICommandHandler, ReportsCommand>()
        .AddScoped<ICallbackHandler, ReportsCallback>();
}
