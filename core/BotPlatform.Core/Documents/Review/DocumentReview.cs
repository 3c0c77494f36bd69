using BotPlatform.Core.Common;
using BotPlatform.Core.Documents.Registry;

namespace BotPlatform.Core.Documents.Review;

/// <summary>What the review page allows, from the document's status: comments on a draft, reading while it is approved, nothing once printed.</summary>
public enum ReviewState
{
    Open,
    ReadOnly,
    Closed,
}

/// <summary>The manager's answer to a comment, given as a Telegram reply.</summary>
public sealed class ReviewReply
{
    public DateTimeOffset At { get; set; }
    public long ActorId { get; set; }
    public string Author { get; set; } = "";
    public string Text { get; set; } = "";
}

/// <summary>A comment on one clause by whoever has the link, perhaps with a new wording for it.</summary>
public sealed class ReviewComment
{
    /// <summary>1, 2, 3... within the review.</summary>
    public int No { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The clause's number as printed: "2.1.".</summary>
    public string Clause { get; set; } = "";
    /// <summary>The clause's text when the comment was written (what the manager sees quoted).</summary>
    public string ClauseText { get; set; } = "";
    /// <summary>The document's text version the comment was written on.</summary>
    public int TextVersion { get; set; }
    public string Author { get; set; } = "";
    public string Text { get; set; } = "";
    public string? Proposal { get; set; }
    public List<ReviewReply> Replies { get; set; } = [];
    public DateTimeOffset? AcceptedAt { get; set; }
    public long? AcceptedBy { get; set; }
    /// <summary>The text version the accepted wording made.</summary>
    public int? AcceptedVersion { get; set; }

    public bool IsAccepted => AcceptedAt is not null;
}

/// <summary>
/// The client's review of one document: the link (only its SHA-256 is kept; a new link revokes the old one)
/// and every comment with its replies. The text's versions live on the document itself.
/// </summary>
public sealed class DocumentReview : IVersioned
{
    public long Id { get; set; }
    public int Version { get; set; }
    public long DocumentId { get; set; }
    /// <summary>Lower-case hex SHA-256 of the link's token; null when revoked.</summary>
    public string? TokenHash { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public long IssuedBy { get; set; }
    /// <summary>How many links were issued (each new one revokes the previous).</summary>
    public int Links { get; set; }
    public List<ReviewComment> Comments { get; set; } = [];

    public ReviewComment? Comment(int no) => Comments.FirstOrDefault(c => c.No == no);

    public static ReviewState StateOf(DocumentStatus status) => status switch
    {
        DocumentStatus.Draft => ReviewState.Open,
        DocumentStatus.OnApproval or DocumentStatus.Approved => ReviewState.ReadOnly,
        _ => ReviewState.Closed,
    };
}

public interface IDocumentReviewStore
{
    Task<DocumentReview?> GetAsync(long id, CancellationToken ct);
    Task<DocumentReview?> ByDocumentAsync(long documentId, CancellationToken ct);
    /// <summary>The review whose live link has this token hash; a revoked link finds nothing.</summary>
    Task<DocumentReview?> FindByTokenHashAsync(string tokenHash, CancellationToken ct);
    /// <summary>Assigns the id.</summary>
    Task InsertAsync(DocumentReview review, CancellationToken ct);
    /// <summary>Saves when the stored version equals review.Version, then increments it; false on a conflict.</summary>
    Task<bool> TryUpdateAsync(DocumentReview review, CancellationToken ct);
}

public static class ReviewProblems
{
    public const string NotFound = "review.not_found";
    public const string Gone = "review.gone";
    public const string ReadOnly = "review.read_only";
    public const string NameRequired = "review.name_required";
    public const string TextRequired = "review.text_required";
    public const string TooLong = "review.too_long";
    public const string UnknownClause = "review.unknown_clause";
    public const string CommentNotFound = "review.comment_not_found";
    public const string NoProposal = "review.no_proposal";
    public const string AlreadyAccepted = "review.already_accepted";
    public const string Stale = "review.stale";
    public const string NotDraft = "review.not_draft";
    public const string NoLink = "review.no_link";
    public const string TooMany = "review.too_many";
    public const string RequestTooLarge = "review.request_too_large";
    /// <summary>The page was told a comment was refused but no longer knows why (another replica, minutes later).</summary>
    public const string Refused = "review.refused";
}
