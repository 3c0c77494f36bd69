using BotPlatform.Bot.Approvals;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Generation;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Documents.Review;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.Documents;

/// <summary>
/// /doc NUMBER - the card with its PDF; /doc NUMBER submit - send a draft on; /doc NUMBER edit - get the
/// text as a file to edit; /doc NUMBER sent|returned|archive - the paper trail; /doc NUMBER annul REASON - annul it.
/// </summary>
public sealed class DocCommand(DocumentWorkflow workflow, DocumentCards cards, DocumentEditing editing, IPeopleStore people, TimeProvider time,
    RecentDocuments recent, Review.ReviewLinks reviewLinks, Review.ReviewHistory reviewHistory) : ICommandHandler
{
    public string Command => "doc";

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (!context.InPrivateChat() || context.Person is not { } me) return;
        var (_, args) = UpdateRouter.ParseCommand(context.Text);
        var parts = args.Split([' ', '\n'], 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            var mine = await recent.TouchedByAsync(me.Id, DocumentPicks.MaxDocuments, ct);
            if (mine.Count == 0) context.Reply(DocumentTexts.DocUsage);
            else context.Reply(DocumentPicks.Latest.In(context.Lang) + "\n\n" + DocumentTexts.DocUsage.In(context.Lang), DocumentPicks.DocumentButtons(mine));
            return;
        }
        var number = parts[0];
        switch (parts.Length > 1 ? parts[1].ToLowerInvariant() : "")
        {
            case "":
                await ShowAsync(context, number, workflow, cards, people, time, ct, reviewHistory);
                break;
            case "submit" or "отправить":
                await SubmitAsync(context, workflow, number, me, ct);
                break;
            case "edit" or "изменить":
                await editing.StartAsync(context, number, me, ct);
                break;
            case "review" or "клиенту" when parts.Length > 2 && parts[2].ToLowerInvariant() is "revoke" or "отозвать":
                await reviewLinks.RevokeAsync(context, number, me, ct);
                break;
            case "review" or "клиенту":
                await reviewLinks.SendAsync(context, number, me, ct);
                break;
            case "comments" or "комментарии":
                await reviewHistory.ShowAsync(context, number, ct);
                break;
            case "sent" or "отправлен":
                await MoveAsync(context, number, PaperStep.Sent, me, ct);
                break;
            case "returned" or "возвращён" or "возвращен":
                await MoveAsync(context, number, PaperStep.Returned, me, ct);
                break;
            case "archive" or "архив":
                await MoveAsync(context, number, PaperStep.Archived, me, ct);
                break;
            case "annul" or "аннулировать":
                await AnnulAsync(context, number, parts.Length > 2 ? parts[2] : null, me, ct);
                break;
            default:
                context.Reply(DocumentTexts.DocUsage);
                break;
        }
    }

    internal static async Task ShowAsync(UpdateContext context, string number, DocumentWorkflow workflow, DocumentCards cards, IPeopleStore people,
        TimeProvider time, CancellationToken ct, Review.ReviewHistory? reviewHistory = null)
    {
        var view = await workflow.ViewAsync(number, ct);
        if (!view.IsOk)
        {
            context.ReplyProblem(view.Problem!);
            return;
        }
        var doc = view.Value!.Document;
        var directory = await PeopleDirectory.LoadAsync(people, time.GetUtcNow(), ct);
        if (doc.PdfKey is { } key) context.Out.SendDocument(context.ChatId, key, DocumentRendering.FileName(doc), $"{doc.Title} {doc.Number}");
        var review = reviewHistory is null ? "" : await reviewHistory.CardLinesAsync(doc, context.Lang, ct);
        context.Reply(cards.Card(view.Value, directory, context.Lang) + review,
            (Buttons(doc, context.Lang) ?? []).Append([Analytics.RouteCallback.ForDocument(doc, context.Lang)]));
    }

    public static IEnumerable<IEnumerable<InlineButton>>? Buttons(Document doc, Lang lang) => doc.Status == DocumentStatus.Draft
        ?
        [[
            new InlineButton(DocumentTexts.SubmitButton.In(lang), DocumentButtons.SubmitDocument(doc.Id)),
            new InlineButton(DocumentTexts.EditButton.In(lang), DocumentButtons.EditDocument(doc.Id)),
        ], [new InlineButton(ReviewTexts.ReviewButton.In(lang), DocumentButtons.ReviewDocument(doc.Id))]]
        : null;

    internal static async Task SubmitAsync(UpdateContext context, DocumentWorkflow workflow, string number, Person me, CancellationToken ct)
    {
        var result = await workflow.SubmitAsync(number, me, context.Out, ct);
        if (!result.IsOk)
        {
            context.ReplyProblem(result.Problem!);
            return;
        }
        context.Reply(Submitted(result.Value!, context.Lang));
    }

    internal static string Submitted(Document doc, Lang lang) => DocumentTexts.Submitted.In(lang, doc.Title, doc.Number,
        doc.ApprovalSkipped ? DocumentTexts.SubmittedToPrint.In(lang) : DocumentTexts.SubmittedOnApproval.In(lang, DocumentCards.Route(doc).In(lang)));

    private async Task MoveAsync(UpdateContext context, string number, PaperStep step, Person me, CancellationToken ct)
    {
        var result = await workflow.MoveAsync(number, step, me, ct);
        if (!result.IsOk)
        {
            context.ReplyProblem(result.Problem!);
            return;
        }
        var doc = result.Value!;
        context.Reply(DocumentTexts.Moved.In(context.Lang, doc.Title, doc.Number, DocumentTexts.StatusName(doc.Status).In(context.Lang)));
    }

    private async Task AnnulAsync(UpdateContext context, string number, string? reason, Person me, CancellationToken ct)
    {
        var before = await workflow.ViewAsync(number, ct);
        var result = await workflow.AnnulAsync(number, reason, me, context.Out, ct);
        if (!result.IsOk)
        {
            context.ReplyProblem(result.Problem!);
            return;
        }
        var doc = result.Value!;
        var lang = context.Lang;
        var text = doc.DealId is not null && before.Value?.Deal is { } deal
            ? DocumentTexts.Annulled.In(lang, doc.Number, doc.AnnulReason, deal.Number)
            : DocumentTexts.AnnulledNoDeal.In(lang, doc.Number, doc.AnnulReason);
        var appendices = before.Value?.Appendices.Where(a => a.IsLive).Select(a => a.Number).ToList() ?? [];
        if (appendices.Count > 0) text += "\n" + DocumentTexts.AnnulledAppendices.In(lang, string.Join(", ", appendices));
        context.Reply(text);
    }
}
