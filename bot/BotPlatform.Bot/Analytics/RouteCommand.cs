using System.Globalization;
using BotPlatform.Bot.Approvals;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Analytics.RouteSheets;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;

namespace BotPlatform.Bot.Analytics;

/// <summary>/route NUMBER: the route sheet (маршрутный лист) of a request or a document as a PDF.</summary>
public sealed class RouteCommand(RouteSheets sheets) : ICommandHandler
{
    public string Command => "route";

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (!context.InPrivateChat() || context.Person is not { } me) return;
        var (_, number) = UpdateRouter.ParseCommand(context.Text);
        if (number.Length == 0)
        {
            context.Reply(RouteSheetTexts.Usage);
            return;
        }
        await SendAsync(context, sheets, number, me, ct);
    }

    public static async Task SendAsync(UpdateContext context, RouteSheets sheets, string number, Core.People.Person me, CancellationToken ct)
    {
        var result = await sheets.MakeAsync(number, me, ct);
        if (result.Value is not { } file)
        {
            context.ReplyProblem(result.Problem!);
            return;
        }
        context.Out.SendDocument(context.ChatId, file.FileKey, file.FileName, file.Caption);
    }
}

/// <summary>The «Маршрутный лист» button on request and document cards: "route:a:{request id}" or "route:d:{document id}".</summary>
public sealed class RouteCallback(RouteSheets sheets, IApprovalStore approvals, IDocumentStore documents) : ICallbackHandler
{
    public const string DataPrefix = "route";

    public string Prefix => DataPrefix;

    public static InlineButton ForRequest(ApprovalRequest r, Lang lang) =>
        new(RouteSheetTexts.Button.In(lang), $"{DataPrefix}:a:{r.Id.ToString(CultureInfo.InvariantCulture)}");

    public static InlineButton ForDocument(Document d, Lang lang) =>
        new(RouteSheetTexts.Button.In(lang), $"{DataPrefix}:d:{d.Id.ToString(CultureInfo.InvariantCulture)}");

    public async Task HandleAsync(UpdateContext context, string[] data, CancellationToken ct)
    {
        string? number = null;
        if (context.Person is { IsActive: true } && data.Length == 3 && long.TryParse(data[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            number = data[1] switch
            {
                "a" => (await approvals.GetAsync(id, ct))?.Number,
                "d" => (await documents.GetAsync(id, ct))?.Number,
                _ => null,
            };
        }
        if (number is null || context.Person is not { } me)
        {
            await context.AnswerCallbackAsync(RoutingTexts.StaleButton.In(context.Lang), alert: true, ct: ct);
            return;
        }
        await context.AnswerCallbackAsync(ct: ct);
        await RouteCommand.SendAsync(context, sheets, number, me, ct);
    }
}
