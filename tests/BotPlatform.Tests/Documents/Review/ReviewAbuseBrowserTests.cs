using BotPlatform.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BotPlatform.Tests.Documents.Review;

/// <summary>
/// The page's defences as a client meets them in the machine's headless chromium: a too-long comment is refused
/// with the message by its clause and nothing reaches the manager; a reload after posting posts nothing; past the
/// link's rate limit the page answers 429 in the page's own style. Screenshots in bin/.../screenshots/review/abuse/.
/// </summary>
[Collection(ChromiumTests.Name)]
public sealed class ReviewAbuseBrowserTests(ChromiumFixture chromium, ITestOutputHelper output) : IAsyncLifetime
{
    private const int PerLink = 12;
    private static readonly float Patience = 30_000;

    private readonly string _screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots", "review", "abuse");
    private readonly List<string> _pageErrors = [];
    private ReviewArrange _a = null!;
    private IPage _page = null!;
    private int _shots;

    public async Task InitializeAsync()
    {
        _a = await ReviewArrange.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Review:MaxCommentLength"] = "300",
            ["Review:RateLimit:WindowSeconds"] = "3600",
            ["Review:RateLimit:RequestsPerLink"] = PerLink.ToString(),
        });
        _page = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1100, Height = 900 }, Locale = "ru-RU" });
        _page.PageError += (_, error) => _pageErrors.Add(error);
    }

    public async Task DisposeAsync()
    {
        await chromium.ClosePagesAsync();
        await _a.DisposeAsync();
    }

    [Fact]
    public async Task A_too_long_comment_is_refused_a_reload_after_posting_posts_nothing_and_past_the_limit_the_page_answers_429()
    {
        var link = await _a.SendForReviewAsync();
        var requests = 0;
        _page.Request += (_, request) => { if (request.Url.Contains("/review/")) requests++; };

        await _page.GotoAsync(link);
        var clause = _page.Locator("[id='c-1.1.']");
        await clause.Locator("summary").ClickAsync();
        await clause.Locator("input[name=name]").FillAsync("Иван Петров");
        await clause.Locator("textarea[name=text]").FillAsync(new string('я', 301));
        await clause.Locator("button[type=submit]").ClickAsync();
        await Shows(_page.Locator("[id='c-1.1.'] .notice.error", new() { HasText = "Слишком длинно: комментарий — не больше 300 символов (сейчас 301)." }));
        await ShotAsync("too-long-refused", _page.Locator("[id='c-1.1.']"));
        var keptText = await _page.Locator("[id='c-1.1.'] textarea[name=text]").InputValueAsync();
        await _a.Host.IdleAsync();
        var noticesAfterRefusal = _a.Host.Tg.BotMessages(_a.Olga.PrivateChat).Count(m => m.Text?.StartsWith("💬") == true);

        await clause.Locator("textarea[name=text]").FillAsync("Срок в пункте 1.1 хорошо бы уточнить.");
        await clause.Locator("button[type=submit]").ClickAsync();
        await Shows(_page.Locator(".notice.ok", new() { HasText = "Комментарий отправлен менеджеру" }));
        var afterPost = _page.Url;
        var reload = await _page.ReloadAsync();
        await Shows(_page.Locator("[id='c-1.1.'] .comment", new() { HasText = "уточнить" }));
        await ShotAsync("reloaded-after-post", _page.Locator("[id='c-1.1.']"));
        await _a.NoticeAsync(1);
        await _a.Host.IdleAsync();

        IResponse? last = null;
        for (var i = 0; i < PerLink && last?.Status != 429; i++) last = await _page.ReloadAsync();
        await Shows(_page.Locator("h1", new() { HasText = "Слишком много запросов" }));
        await ShotAsync("too-many-requests-429");

        Assert.Equal(301, keptText.Length);
        Assert.Equal(0, noticesAfterRefusal);
        Assert.Contains("sent=1", afterPost);
        Assert.Equal("GET", reload!.Request.Method);
        Assert.Single((await _a.ReviewAsync())!.Comments);
        Assert.Single(_a.Host.Tg.BotMessages(_a.Olga.PrivateChat), m => m.Text?.StartsWith("💬") == true);
        Assert.Equal(429, last!.Status);
        Assert.True(int.Parse((await last.AllHeadersAsync())["retry-after"]) > 0);
        Assert.Contains("Попробуйте снова через", await _page.Locator("p").First.InnerTextAsync());
        Assert.Equal(PerLink + 1, requests);
        Assert.Empty(_pageErrors);
    }

    private static Task Shows(ILocator locator) => Assertions.Expect(locator.First).ToBeVisibleAsync(new() { Timeout = Patience });

    private async Task ShotAsync(string step, ILocator? focus = null)
    {
        if (focus is not null) await focus.First.ScrollIntoViewIfNeededAsync();
        await _page.ScreenshotAsync(new() { Path = NextShot(step), FullPage = focus is null });
    }

    private string NextShot(string step)
    {
        if (_shots == 0 && Directory.Exists(_screenshots)) Directory.Delete(_screenshots, recursive: true);
        Directory.CreateDirectory(_screenshots);
        var path = Path.Combine(_screenshots, $"{++_shots:00}-{step}.png");
        output.WriteLine("screenshot: " + path);
        return path;
    }
}
