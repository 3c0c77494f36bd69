using System.Net;
using System.Threading.RateLimiting;
using BotPlatform.Core.Documents.Review;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace BotPlatform.Bot.Documents.Review;

/// <summary>
/// The review page is public to whoever has the link, so ASP.NET Core's rate limiter guards it with three fixed
/// windows chained (section Review:RateLimit): every request to one link, every review request from one client
/// address, and comments posted to one link. Other paths pass untouched. A refusal is the page's own 429 with
/// Retry-After. The client address is the connection's: behind a reverse proxy turn on forwarded headers
/// (docs/operations.md), or every visitor shares the proxy's address.
/// </summary>
public static class ReviewRateLimits
{
    public static IServiceCollection AddReviewRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ReviewOptions>>((o, review) =>
        {
            var limits = review.Value.RateLimit;
            var window = TimeSpan.FromSeconds(limits.WindowSeconds);
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                Partitioned(c => Link(c) is { } link ? "link:" + link : null, limits.RequestsPerLink, window),
                Partitioned(c => Link(c) is not null ? "ip:" + Address(c) : null, limits.RequestsPerIp, window),
                Partitioned(c => Link(c) is { } link && HttpMethods.IsPost(c.Request.Method) ? "comments:" + link : null, limits.CommentsPerLink, window));
            o.OnRejected = async (context, ct) =>
            {
                TimeSpan? retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null;
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ReviewRateLimits))
                    .LogWarning("Review page request from {Address} refused by the rate limiter; retry after {RetryAfter}", Address(context.HttpContext), retryAfter);
                await ReviewPages.WriteTooManyAsync(context.HttpContext, retryAfter, ct);
            };
        });
        return services.AddRateLimiter(_ => { });
    }

    private static PartitionedRateLimiter<HttpContext> Partitioned(Func<HttpContext, string?> key, int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => key(context) is { } k
            ? RateLimitPartition.GetFixedWindowLimiter(k, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true,
            })
            : RateLimitPartition.GetNoLimiter(""));

    /// <summary>The link's token for /review/TOKEN and /review/TOKEN/comment; null elsewhere.</summary>
    private static string? Link(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(ReviewAddress.Path.TrimEnd('/'), StringComparison.Ordinal, out var rest)) return null;
        var token = (rest.Value ?? "").TrimStart('/').Split('/')[0];
        // Tokens are 43 characters; a longer key is not a link, but it still counts against the address.
        return token.Length is > 0 and <= 100 ? token : "-";
    }

    private static string Address(HttpContext context) => (context.Connection.RemoteIpAddress ?? IPAddress.None).ToString();
}
