using Microsoft.Playwright;

namespace BotPlatform.Tests.Support;

/// <summary>
/// The machine's headless chromium (.ci/run installs it; Playwright drives it, nothing is downloaded), launched the
/// one way every browser test launches it, and the screenshots folder in the test output.
/// </summary>
public static class Chromium
{
    public const string Executable = "/usr/bin/chromium";

    private static readonly string[] Args =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new() { ExecutablePath = Executable, Headless = true, Args = Args });

    /// <summary>bin/.../screenshots/{parts}, created if missing.</summary>
    public static string Screenshots(params string[] parts)
    {
        var folder = Path.Combine([AppContext.BaseDirectory, "screenshots", .. parts]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Answers the page's requests to <paramref name="origin"/> from a host in memory (its test client).</summary>
    public static Task ServeFromAsync(this IPage page, string origin, HttpClient http) =>
        page.RouteAsync(origin + "/**", async route =>
        {
            using var response = await http.GetAsync(new Uri(route.Request.Url).PathAndQuery);
            await route.FulfillAsync(new()
            {
                Status = (int)response.StatusCode,
                Headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(", ", h.Value)),
                BodyBytes = await response.Content.ReadAsByteArrayAsync(),
            });
        });
}

/// <summary>
/// One chromium for a collection of browser tests. It holds no test's state: each test opens its own pages (each in
/// a fresh browser context: own cookies, storage and routes) and closes them.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser starts in InitializeAsync");

    /// <summary>Closes every page a test class opened (the collection's tests run one at a time).</summary>
    public async Task ClosePagesAsync()
    {
        foreach (var context in Browser.Contexts.ToList()) await context.CloseAsync();
    }

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

/// <summary>Browser tests on in-memory hosts that share one chromium; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ChromiumTests : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Chromium";
}
