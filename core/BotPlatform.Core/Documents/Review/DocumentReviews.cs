using System.Security.Cryptography;
using System.Text;
using BotPlatform.Core.Audit;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents.Generation;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Documents.Templates.Markup;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Core.Projects;
using Microsoft.Extensions.Options;

namespace BotPlatform.Core.Documents.Review;

/// <summary>A new review link: the token (shown once, never stored) and where it goes.</summary>
public sealed record ReviewLink(Document Document, DocumentReview Review, string Token, Client? Client, IReadOnlyList<long> GroupChatIds);

/// <summary>What the review page shows.</summary>
public sealed record ReviewPage(Document Document, DocumentReview Review, ReviewState State, IReadOnlyList<SourcedBlock> Blocks, string Seller);

/// <summary>A comment as the page's form sends it.</summary>
public sealed record CommentForm(string? Clause, string? Author, string? Text, string? Proposal);

/// <summary>
/// The client's review of a draft: a link with an unguessable token, comments and proposed wordings from
/// whoever has it (each one to the manager in Telegram), the manager's replies, and accepting a wording,
/// which edits the draft as a new text version (an edited document then needs the edited-document route).
/// </summary>
public sealed class DocumentReviews(
    IDocumentReviewStore reviews,
    IDocumentStore documents,
    DocumentWorkflow workflow,
    DocumentRendering rendering,
    IClientStore clients,
    IProjectStore projects,
    IPeopleStore people,
    IUnitOfWork unitOfWork,
    IOutboxStore outbox,
    IAuditLog audit,
    IOptions<ReviewOptions> options,
    TimeProvider time)
{
    private const int MaxConflictRetries = 5;

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A new link for a draft (revoking the previous one); the groups are the client's project groups, the deal's project first.</summary>
    public async Task<Result<ReviewLink>> IssueAsync(string number, Person actor, CancellationToken ct)
    {
        var loaded = await LoadAsync(number, actor, ct);
        if (!loaded.IsOk) return loaded.Problem!;
        var doc = loaded.Value!;
        if (doc.Status != DocumentStatus.Draft) return new Problem(ReviewProblems.NotDraft, doc.Number, DocumentTexts.StatusArg(doc.Status));
        // 256 random bits, URL-safe; only the hash is stored, so a leaked database holds no working link.
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow();
        var review = await unitOfWork.RunAsync(async () =>
        {
            var fresh = (await documents.GetAsync(doc.Id, ct))!;
            var existing = await reviews.ByDocumentAsync(fresh.Id, ct);
            var r = existing ?? new DocumentReview { DocumentId = fresh.Id };
            r.TokenHash = Hash(token);
            r.IssuedAt = now;
            r.IssuedBy = actor.Id;
            r.Links++;
            if (existing is null) await reviews.InsertAsync(r, ct);
            else if (!await reviews.TryUpdateAsync(r, ct)) throw new InvalidOperationException($"The review of {fresh.Number} changed inside a unit of work");
            var before = fresh.History.Count;
            fresh.Record(DocumentActions.ReviewLink, now, actor.Id, r.Links > 1 ? "#" + r.Links : null);
            await SaveAsync(fresh, before, ct);
            doc = fresh;
            return r;
        }, ct);
        var client = doc.ClientId is { } clientId ? await clients.GetAsync(clientId, ct) : null;
        return Result<ReviewLink>.Ok(new ReviewLink(doc, review, token, client, await GroupsAsync(doc, client, ct)));
    }

    /// <summary>Revokes the live link: the page answers 404 from now on; comments stay.</summary>
    public async Task<Result<Document>> RevokeAsync(string number, Person actor, CancellationToken ct)
    {
        var loaded = await LoadAsync(number, actor, ct);
        if (!loaded.IsOk) return loaded;
        return await unitOfWork.RunAsync(async () =>
        {
            var doc = (await documents.GetAsync(loaded.Value!.Id, ct))!;
            if (await reviews.ByDocumentAsync(doc.Id, ct) is not { TokenHash: not null } review) return Result<Document>.Fail(ReviewProblems.NoLink, doc.Number);
            review.TokenHash = null;
            if (!await reviews.TryUpdateAsync(review, ct)) throw new InvalidOperationException($"The review of {doc.Number} changed inside a unit of work");
            var before = doc.History.Count;
            doc.Record(DocumentActions.ReviewRevoked, time.GetUtcNow(), actor.Id);
            await SaveAsync(doc, before, ct);
            return Result<Document>.Ok(doc);
        }, ct);
    }

    /// <summary>The page behind a token: not found (unknown or revoked), gone (printed or later), or the text with its comments.</summary>
    public async Task<Result<ReviewPage>> OpenAsync(string token, CancellationToken ct)
    {
        if (await FindAsync(token, ct) is not { } review || await documents.GetAsync(review.DocumentId, ct) is not { } doc)
            return Result<ReviewPage>.Fail(ReviewProblems.NotFound);
        var state = DocumentReview.StateOf(doc.Status);
        if (state == ReviewState.Closed) return Result<ReviewPage>.Fail(ReviewProblems.Gone, doc.Number);
        return Result<ReviewPage>.Ok(new ReviewPage(doc, review, state, ReviewClauses.Blocks(doc.Text), rendering.Seller.LegalName));
    }

    /// <summary>A comment from the page: checked (name, sizes, clause, an open review), kept, and sent to the manager with the clause quoted.</summary>
    public async Task<Result<ReviewComment>> CommentAsync(string token, CommentForm form, CancellationToken ct)
    {
        var author = (form.Author ?? "").Trim();
        var text = (form.Text ?? "").Trim();
        var proposal = ReviewClauses.OneLine(form.Proposal ?? "");
        var limits = options.Value;
        if (author.Length > limits.MaxNameLength) return TooLong("name", limits.MaxNameLength, author.Length);
        if (text.Length > limits.MaxCommentLength) return TooLong("text", limits.MaxCommentLength, text.Length);
        if (proposal.Length > limits.MaxProposalLength) return TooLong("proposal", limits.MaxProposalLength, proposal.Length);
        for (var attempt = 0; ; attempt++)
        {
            if (await FindAsync(token, ct) is not { } review || await documents.GetAsync(review.DocumentId, ct) is not { } doc)
                return Result<ReviewComment>.Fail(ReviewProblems.NotFound);
            switch (DocumentReview.StateOf(doc.Status))
            {
                case ReviewState.Closed: return Result<ReviewComment>.Fail(ReviewProblems.Gone, doc.Number);
                case ReviewState.ReadOnly: return Result<ReviewComment>.Fail(ReviewProblems.ReadOnly, doc.Number);
            }
            if (author.Length == 0) return Result<ReviewComment>.Fail(ReviewProblems.NameRequired);
            if (text.Length == 0 && proposal.Length == 0) return Result<ReviewComment>.Fail(ReviewProblems.TextRequired);
            if (ReviewClauses.Find(doc.Text, form.Clause ?? "") is not { } clause)
                return Result<ReviewComment>.Fail(ReviewProblems.UnknownClause, (form.Clause ?? "").Trim());
            if (review.Comments.Count >= limits.MaxCommentsPerDocument) return Result<ReviewComment>.Fail(ReviewProblems.TooMany, limits.MaxCommentsPerDocument);
            var comment = new ReviewComment
            {
                No = review.Comments.Count == 0 ? 1 : review.Comments.Max(c => c.No) + 1,
                At = time.GetUtcNow(), Clause = clause.Number, ClauseText = clause.Text, TextVersion = doc.CurrentTextVersion(),
                Author = author, Text = text, Proposal = proposal.Length > 0 ? proposal : null,
            };
            review.Comments.Add(comment);
            var manager = await people.GetAsync(doc.ManagerId, ct);
            var saved = await unitOfWork.RunAsync(async () =>
            {
                if (!await reviews.TryUpdateAsync(review, ct)) return false;
                if (manager is { TelegramUserId: { } chat })
                {
                    var outgoing = new Outgoing($"review:{review.Id}:c{comment.No}", time);
                    outgoing.Send(chat, Notice(doc, review, comment, manager.Language),
                        comment.Proposal is null ? null : [[ReviewButtons.AcceptButton(review.Id, comment.No, manager.Language)]]);
                    await outbox.EnqueueAsync(outgoing.Messages, ct);
                }
                return true;
            }, ct);
            if (saved) return Result<ReviewComment>.Ok(comment);
            if (attempt >= MaxConflictRetries) throw new InvalidOperationException($"The review of {doc.Number} kept changing");
        }
    }

    /// <summary>The manager's Telegram reply to a comment's notice, shown under the comment on the page.</summary>
    public async Task<Result<ReviewComment>> ReplyAsync(long reviewId, int commentNo, Person actor, string text, CancellationToken ct)
    {
        text = text.Trim();
        if (text.Length == 0) return Result<ReviewComment>.Fail(ReviewProblems.TextRequired);
        if (text.Length > options.Value.MaxCommentLength) return TooLong("text", options.Value.MaxCommentLength, text.Length);
        for (var attempt = 0; ; attempt++)
        {
            if (await reviews.GetAsync(reviewId, ct) is not { } review || review.Comment(commentNo) is not { } comment)
                return Result<ReviewComment>.Fail(ReviewProblems.CommentNotFound, commentNo);
            if (await documents.GetAsync(review.DocumentId, ct) is not { } doc) return Result<ReviewComment>.Fail(ReviewProblems.NotFound);
            if (!DocumentWorkflow.MayHandle(doc, actor)) return Result<ReviewComment>.Fail(DocumentProblems.NotAllowed, doc.Number);
            if (DocumentReview.StateOf(doc.Status) == ReviewState.Closed) return Result<ReviewComment>.Fail(ReviewProblems.Gone, doc.Number);
            comment.Replies.Add(new ReviewReply { At = time.GetUtcNow(), ActorId = actor.Id, Author = actor.Name, Text = text });
            if (await reviews.TryUpdateAsync(review, ct)) return Result<ReviewComment>.Ok(comment);
            if (attempt >= MaxConflictRetries) throw new InvalidOperationException($"The review of {doc.Number} kept changing");
        }
    }

    /// <summary>
    /// The manager accepts a proposed wording: the clause is replaced and the draft re-rendered as a new text
    /// version, in one unit of work with the comment marked accepted. Refused to anyone who may not act on the
    /// document, once the document is past a draft, and when the clause changed after the proposal.
    /// </summary>
    public Task<Result<Document>> AcceptAsync(long reviewId, int commentNo, Person actor, CancellationToken ct) =>
        unitOfWork.RunAsync(async () =>
        {
            if (await reviews.GetAsync(reviewId, ct) is not { } review || review.Comment(commentNo) is not { } comment)
                return Result<Document>.Fail(ReviewProblems.CommentNotFound, commentNo);
            if (await documents.GetAsync(review.DocumentId, ct) is not { } doc) return Result<Document>.Fail(ReviewProblems.NotFound);
            if (!DocumentWorkflow.MayHandle(doc, actor)) return Result<Document>.Fail(DocumentProblems.NotAllowed, doc.Number);
            if (comment.Proposal is not { } proposal) return Result<Document>.Fail(ReviewProblems.NoProposal, commentNo);
            if (comment.IsAccepted) return Result<Document>.Fail(ReviewProblems.AlreadyAccepted, commentNo);
            if (doc.Status != DocumentStatus.Draft) return Result<Document>.Fail(DocumentProblems.NotEditable, doc.Number, DocumentTexts.StatusArg(doc.Status));
            if (ReviewClauses.Find(doc.Text, comment.Clause) is not { } clause || clause.Text != comment.ClauseText)
                return Result<Document>.Fail(ReviewProblems.Stale, comment.Clause, doc.CurrentTextVersion());
            var reason = ReviewTexts.AcceptedReason.In(Langs.Default, comment.Clause, comment.Author, comment.No);
            var edited = await workflow.EditAsync(doc.Number, ReviewClauses.Replace(doc.Text, clause, proposal), actor, ct, reason);
            if (!edited.IsOk) return edited;
            comment.AcceptedAt = time.GetUtcNow();
            comment.AcceptedBy = actor.Id;
            comment.AcceptedVersion = edited.Value!.CurrentTextVersion();
            if (!await reviews.TryUpdateAsync(review, ct)) throw new InvalidOperationException($"The review of {doc.Number} changed inside a unit of work");
            return edited;
        }, ct);

    public Task<DocumentReview?> OfAsync(Document doc, CancellationToken ct) => reviews.ByDocumentAsync(doc.Id, ct);

    /// <summary>The notice a manager gets: the clause quoted, the comment, the proposed wording, and the tag a reply is matched by.</summary>
    public static string Notice(Document doc, DocumentReview review, ReviewComment comment, Lang lang)
    {
        var text = new StringBuilder(ReviewTexts.CommentNotice.In(lang, doc.Title, doc.Number, comment.Clause, Shorten(comment.ClauseText, 600),
            comment.Author, comment.Text.Length > 0 ? comment.Text : "—"));
        if (comment.Proposal is { } proposal) text.Append("\n\n").Append(ReviewTexts.ProposalNotice.In(lang, proposal));
        text.Append("\n\n").Append(ReviewTexts.ReplyHint.In(lang)).Append('\n').Append(ReviewButtons.Tag(review.Id, comment.No));
        return text.ToString();
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private async Task<DocumentReview?> FindAsync(string token, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(token) || token.Length > 100 ? null : await reviews.FindByTokenHashAsync(Hash(token.Trim()), ct);

    private async Task<IReadOnlyList<long>> GroupsAsync(Document doc, Client? client, CancellationToken ct)
    {
        if (client is null) return [];
        var live = (await projects.ByClientAsync(client.Id, ct)).Where(p => p.Status == ProjectStatus.Active && p.GroupChatIds.Count > 0).ToList();
        var ofDeal = live.Where(p => doc.DealId is not null && p.DealId == doc.DealId).ToList();
        return (ofDeal.Count > 0 ? ofDeal : live).SelectMany(p => p.GroupChatIds).Distinct().ToList();
    }

    private async Task<Result<Document>> LoadAsync(string number, Person actor, CancellationToken ct)
    {
        if (await documents.FindByNumberAsync(number.Trim(), ct) is not { } doc) return Result<Document>.Fail(DocumentProblems.NotFound, number.Trim());
        return DocumentWorkflow.MayHandle(doc, actor) ? Result<Document>.Ok(doc) : Result<Document>.Fail(DocumentProblems.NotAllowed, doc.Number);
    }

    private async Task SaveAsync(Document doc, int historyBefore, CancellationToken ct)
    {
        if (!await documents.TryUpdateAsync(doc, ct)) throw new InvalidOperationException($"{doc.Number} changed inside a unit of work");
        await GenerateDocuments.AuditAsync(audit, doc, historyBefore, ct);
    }

    private static Result<ReviewComment> TooLong(string field, int max, int length) =>
        Result<ReviewComment>.Fail(ReviewProblems.TooLong, new TextList([ReviewTexts.FieldName(field)]), max, length);
}
