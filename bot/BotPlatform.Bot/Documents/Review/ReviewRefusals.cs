using System.Security.Cryptography;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents.Review;
using Microsoft.Extensions.Caching.Memory;

namespace BotPlatform.Bot.Documents.Review;

/// <summary>
/// A refused comment between its POST and the redirected GET: the reason and what was typed, so that the page shows
/// both and nobody retypes a long comment. Kept in this host's memory for a few minutes, bounded in count; the flag in
/// the address is random and only opens on the same link. Behind several replicas without sticky sessions the GET may
/// land elsewhere: the page then says only that the comment was refused.
/// </summary>
public sealed class ReviewRefusals : IDisposable
{
    private static readonly TimeSpan Keep_ = TimeSpan.FromMinutes(10);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 2_000 });

    public sealed record Refusal(string Token, Problem Problem, CommentForm? Input);

    public string Keep(string token, Problem problem, CommentForm? input)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _cache.Set(id, new Refusal(token, problem, input), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Keep_ });
        return id;
    }

    /// <summary>The refusal behind the flag when it belongs to this link; it stays for a reload of the same page.</summary>
    public Refusal? Take(string id, string token) =>
        _cache.TryGetValue(id, out Refusal? refusal) && refusal is not null && refusal.Token == token ? refusal : null;

    public void Dispose() => _cache.Dispose();
}
