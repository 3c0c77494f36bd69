using System.ComponentModel.DataAnnotations;

namespace BotPlatform.Core.Documents.Review;

/// <summary>
/// The review page is open to anyone with the link, so what one request and one link may hold is bounded here
/// (section "Review"; docs/operations.md lists the keys).
/// </summary>
public sealed class ReviewOptions
{
    public const string Section = "Review";

    [Range(10, 1000)]
    public int MaxNameLength { get; set; } = 80;

    [Range(10, 100_000)]
    public int MaxCommentLength { get; set; } = 2000;

    [Range(10, 100_000)]
    public int MaxProposalLength { get; set; } = 2000;

    /// <summary>Comments one document's review keeps; past it the page refuses more (the manager still has the chat).</summary>
    [Range(1, 100_000)]
    public int MaxCommentsPerDocument { get; set; } = 300;

    /// <summary>The largest comment POST read at all; a larger body is refused before it is parsed.</summary>
    [Range(1024, 10_000_000)]
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    [Required]
    public ReviewRateLimitOptions RateLimit { get; set; } = new();
}

/// <summary>
/// Fixed windows of <see cref="WindowSeconds"/>: every request to one link (whoever sends it), every request to
/// any review page from one client address, and comments posted to one link. The first one used up answers 429.
/// </summary>
public sealed class ReviewRateLimitOptions
{
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;

    [Range(1, 1_000_000)]
    public int RequestsPerLink { get; set; } = 120;

    [Range(1, 1_000_000)]
    public int RequestsPerIp { get; set; } = 60;

    [Range(1, 1_000_000)]
    public int CommentsPerLink { get; set; } = 20;
}
