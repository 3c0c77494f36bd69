using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace BotPlatform.Bot.Documents.Review;

/// <summary>
/// Where a client opens a review page: <c>Pages:PublicUrl</c> when set (the address the world sees, e.g.
/// behind a reverse proxy), otherwise the host's own first address (the sandbox, a local run).
/// </summary>
public sealed class ReviewAddress(IServer server, IConfiguration configuration)
{
    public const string Path = "/review/";

    public string Link(string token) => Base() + Path + token;

    private string Base()
    {
        if (configuration["Pages:PublicUrl"] is { Length: > 0 } configured) return configured.TrimEnd('/');
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
        return address.Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .TrimEnd('/');
    }
}
