using System.Text;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Documents.Review;
using BotPlatform.Core.Localization;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.Documents.Review;

/// <summary>The review on the document's card (a summary and the latest comments) and in full with /doc NUMBER comments.</summary>
public sealed class ReviewHistory(DocumentReviews reviews, IDocumentStore documents, IPeopleStore people, Organisation organisation, TimeProvider time)
{
    private const int OnCard = 3;

    public async Task<string> CardLinesAsync(Document doc, Lang lang, CancellationToken ct)
    {
        var text = new StringBuilder();
        if (doc.TextVersions.Count > 1) text.Append('\n').Append(ReviewTexts.CardVersions.In(lang, doc.TextVersions.Count));
        if (await reviews.OfAsync(doc, ct) is not { } review) return text.ToString();
        var c = review.Comments;
        text.Append('\n').Append(ReviewTexts.CardReview.In(lang, Local(review.IssuedAt), c.Count, c.Count(x => x.Proposal is not null), c.Count(x => x.IsAccepted)));
        foreach (var comment in c.TakeLast(OnCard)) text.Append('\n').Append(Line(comment, lang));
        if (c.Count > 0 || doc.TextVersions.Count > 1) text.Append('\n').Append(ReviewTexts.CardCommentsMore.In(lang, doc.Number));
        return text.ToString();
    }

    public async Task ShowAsync(UpdateContext context, string number, CancellationToken ct)
    {
        var lang = context.Lang;
        if (await documents.FindByNumberAsync(number.Trim(), ct) is not { } doc)
        {
            context.ReplyProblem(new Core.Common.Problem(DocumentProblems.NotFound, number.Trim()));
            return;
        }
        var review = await reviews.OfAsync(doc, ct);
        var text = new StringBuilder();
        if (review is null || review.Comments.Count == 0) text.AppendLine(ReviewTexts.CommentsNone.In(lang, doc.Number));
        else
        {
            text.AppendLine(ReviewTexts.CommentsTitle.In(lang, doc.Number));
            foreach (var comment in review.Comments)
            {
                text.AppendLine(Line(comment, lang));
                if (comment.Proposal is { } proposal) text.AppendLine("     ✏️ «" + proposal + "»");
                foreach (var reply in comment.Replies) text.AppendLine($"     ↩️ {reply.Author}: {reply.Text}");
            }
        }
        if (doc.TextVersions.Count > 0)
        {
            var directory = await PeopleDirectory.LoadAsync(people, time.GetUtcNow(), ct);
            text.AppendLine().AppendLine(ReviewTexts.VersionsTitle.In(lang));
            foreach (var v in doc.TextVersions)
            {
                var what = v.No == 1 ? ReviewTexts.Generated.In(lang) : ReviewTexts.EditedByManager.In(lang);
                var who = v.ActorId is { } id ? directory.Name(id) : "";
                text.AppendLine(ReviewTexts.VersionLine.In(lang, v.No, Local(v.At), who, v.Reason is { Length: > 0 } r ? $" — {what}: {r}" : $" — {what}"));
            }
        }
        // A long review is cut at Telegram's message size; the page and the store keep all of it.
        var all = text.ToString().TrimEnd();
        context.Reply(all.Length > 4000 ? all[..3999] + "…" : all);
    }

    private static string Line(ReviewComment c, Lang lang) => ReviewTexts.CardComment.In(lang, c.No, c.Clause.TrimEnd('.'), c.Author,
        c.Text.Length > 0 ? Shorten(c.Text) : "✏️ " + Shorten(c.Proposal ?? ""), c.IsAccepted ? ReviewTexts.CardCommentAccepted.In(lang) : "");

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..79] + "…";

    private string Local(DateTimeOffset at) => organisation.Calendar.ToLocal(at).ToString("dd.MM HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
