using BotPlatform.Bot.Routing;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Generation;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Documents.Review;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using global::Telegram.Bot.Types;

namespace BotPlatform.Bot.Documents.Review;

/// <summary>«🔗 На согласование клиенту» and /doc NUMBER review: the link goes to the client's project group, or to the manager to forward.</summary>
public sealed class ReviewLinks(DocumentReviews reviews, ReviewAddress address, IChatStore chats, Organisation organisation)
{
    public async Task SendAsync(UpdateContext context, string number, Person me, CancellationToken ct)
    {
        var issued = await reviews.IssueAsync(number, me, ct);
        if (!issued.IsOk)
        {
            context.ReplyProblem(issued.Problem!);
            return;
        }
        var link = issued.Value!;
        var url = address.Link(link.Token);
        var doc = link.Document;
        if (link.GroupChatIds.Count == 0)
        {
            context.Reply(ReviewTexts.ForwardIt.In(context.Lang, doc.Number, url));
            return;
        }
        var titles = new List<string>();
        foreach (var group in link.GroupChatIds)
        {
            context.Out.Send(group, ReviewTexts.ToGroup.In(organisation.DefaultLanguage, doc.Title, doc.Number, url),
                [[new InlineButton(ReviewTexts.OpenButton.In(organisation.DefaultLanguage), Url: url)]]);
            if ((await chats.GetAsync(group, ct))?.Title is { Length: > 0 } title) titles.Add($" «{title}»");
        }
        context.Reply(ReviewTexts.SentToGroup.In(context.Lang, doc.Number, string.Concat(titles)));
    }

    public async Task RevokeAsync(UpdateContext context, string number, Person me, CancellationToken ct)
    {
        var revoked = await reviews.RevokeAsync(number, me, ct);
        if (!revoked.IsOk) context.ReplyProblem(revoked.Problem!);
        else context.Reply(ReviewTexts.Revoked.In(context.Lang, revoked.Value!.Number));
    }
}

/// <summary>The manager's «✅ Принять формулировку» under a proposed wording.</summary>
public sealed class ReviewAcceptCallback(DocumentReviews reviews) : ICallbackHandler
{
    public string Prefix => ReviewButtons.Prefix;

    public async Task HandleAsync(UpdateContext context, string[] data, CancellationToken ct)
    {
        if (context.Person is not { IsActive: true } me || !ReviewButtons.TryParse(data, out var reviewId, out var no))
        {
            await context.AnswerCallbackAsync(RoutingTexts.StaleButton.In(context.Lang), alert: true, ct: ct);
            return;
        }
        var accepted = await reviews.AcceptAsync(reviewId, no, me, ct);
        if (!accepted.IsOk)
        {
            await context.AnswerCallbackAsync(ProblemTexts.Render(accepted.Problem!, context.Lang), alert: true, ct: ct);
            return;
        }
        await context.AnswerCallbackAsync(ct: ct);
        var doc = accepted.Value!;
        var lang = context.Lang;
        if (context.Update.CallbackQuery?.Message is { } message) context.Out.RemoveButtons(context.ChatId, message.Id);
        context.Out.SendDocument(context.ChatId, doc.PdfKey!, DocumentRendering.FileName(doc), $"{doc.Title} {doc.Number}");
        var comment = (await reviews.OfAsync(doc, ct))?.Comment(no);
        context.Reply(ReviewTexts.Accepted.In(lang, comment?.Clause ?? "", doc.Title, doc.Number, doc.CurrentTextVersion(),
            ReviewTexts.AcceptedRoute.In(lang, DocumentCards.Route(doc).In(lang))), DocCommand.Buttons(doc, lang));
    }
}

/// <summary>The manager's Telegram reply to a comment's notice: the answer goes on the review page.</summary>
public sealed class ReviewReplyHandler(DocumentReviews reviews) : IServiceUpdateHandler
{
    public bool Accepts(Update update) =>
        update.Message is { Chat.Id: > 0, Text: { Length: > 0 } text, ReplyToMessage: { From.IsBot: true, Text: { } quoted } }
        && !text.StartsWith('/')
        && ReviewButtons.TryParseTag(quoted, out _, out _);

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (context.Update.Message is not { Text: { } text, ReplyToMessage.Text: { } quoted } || !ReviewButtons.TryParseTag(quoted, out var reviewId, out var no))
            return;
        if (context.Person is not { IsActive: true } me)
        {
            context.Reply(PeopleTexts.NotRegistered);
            return;
        }
        var replied = await reviews.ReplyAsync(reviewId, no, me, text, ct);
        if (!replied.IsOk) context.ReplyProblem(replied.Problem!);
        else context.Reply(ReviewTexts.ReplyShown.In(context.Lang, no));
    }
}

public static class ReviewHandlers
{
    public static IServiceCollection AddDocumentReviewHandlers(this IServiceCollection services) => services
        .AddSingleton<ReviewAddress>()
        .AddSingleton<ReviewRefusals>()
        .AddReviewRateLimits()
        .AddOptions<ReviewOptions>().BindConfiguration(ReviewOptions.Section).ValidateDataAnnotations().ValidateOnStart().Services
        .AddScoped<ReviewLinks>()
        .AddScoped<ReviewHistory>()
        .AddScoped<ICallbackHandler, ReviewAcceptCallback>()
        .AddScoped<IServiceUpdateHandler, ReviewReplyHandler>();
}
