using BotPlatform.Core.Documents.Registry;
using BotPlatform.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BotPlatform.Tests.Documents.Review;

/// <summary>
/// The client's review as it happens: the manager sends the link from the card, the client comments in
/// the machine's headless chromium (Playwright, nothing downloaded), the manager answers and accepts in
/// Telegram, the document goes on to approval and printing, and the page follows. Every step leaves a
/// screenshot in bin/.../screenshots/review/.
/// </summary>
[Collection(ChromiumTests.Name)]
public sealed class ReviewPageBrowserTests(ChromiumFixture chromium, ITestOutputHelper output) : IAsyncLifetime
{
    private const string NewWording =
        "Заказчик оплачивает 50% стоимости Услуг в течение 5 (пяти) рабочих дней с даты выставления счёта, остальные 50% — в течение 5 (пяти) рабочих дней после подписания Акта.";
    private static readonly float Patience = 30_000;

    private string _screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots", "review", "flow");
    private readonly List<string> _pageErrors = [];
    private ReviewArrange _a = null!;
    private IPage _page = null!;
    private int _shots;

    public async Task InitializeAsync()
    {
        _a = await ReviewArrange.StartAsync();
        _page = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1100, Height = 900 }, Locale = "ru-RU" });
        _page.PageError += (_, error) => _pageErrors.Add(error);
    }

    public async Task DisposeAsync()
    {
        await chromium.ClosePagesAsync();
        await _a.DisposeAsync();
    }

    [Fact]
    public async Task The_client_comments_the_manager_answers_and_accepts_the_wording_and_the_page_closes_once_the_contract_is_printed()
    {
        var host = _a.Host;
        var link = await _a.SendForReviewAsync();
        var toGroup = host.Tg.BotMessages(_a.Group!).Last();

        var opened = await _page.GotoAsync(link);
        await Shows(_page.Locator("h1", new() { HasText = "Договор оказания услуг № Д-2026-0001" }));
        await ShotAsync("open", _page.Locator("h1"));
        await PhoneShotAsync(link, "open-on-a-phone");
        var clause = _page.Locator("[id='c-3.2.']");
        await clause.Locator("summary").ClickAsync();
        await clause.Locator("input[name=name]").FillAsync("Иван Петров, ООО «Ромашка»");
        await clause.Locator("textarea[name=text]").FillAsync("Просим разбить оплату <b>на две части</b>: бюджет квартала уже утверждён.");
        await clause.Locator("textarea[name=proposal]").FillAsync(NewWording);
        await ShotAsync("comment-typed", clause);
        await clause.Locator("button[type=submit]").ClickAsync();
        await Shows(_page.Locator(".notice.ok", new() { HasText = "Комментарий отправлен менеджеру" }));
        await Shows(_page.Locator("[id='c-3.2.'] .comment", new() { HasText = "на две части" }));
        await ShotAsync("comment-sent", _page.Locator("[id='c-3.2.']"));

        var notice = await _a.NoticeAsync(1);
        Assert.StartsWith("💬 Договор оказания услуг Д-2026-0001, пункт 3.2.\n«Если иное не предусмотрено Приложением, Заказчик оплачивает 100%", notice.Text);
        Assert.Contains("Иван Петров, ООО «Ромашка»: Просим разбить оплату <b>на две части</b>", notice.Text);
        Assert.Contains("✏️ Предлагает формулировку:\n«" + NewWording + "»", notice.Text);
        Assert.NotNull(notice.Button(ReviewArrange.AcceptButton));

        host.Tg.Reply(_a.Olga, _a.Olga.PrivateChat, notice, "Согласны на 50/50, поправим пункт.");
        await host.Tg.WaitForBotMessageAsync(_a.Olga.PrivateChat, m => m.Text == "✅ Ответ на комментарий 1 показан на странице.");
        await _page.ReloadAsync();
        await Shows(_page.Locator("[id='c-3.2.'] .reply", new() { HasText = "Согласны на 50/50" }));
        await ShotAsync("manager-reply-shown", _page.Locator("[id='c-3.2.']"));

        await host.PressesAsync(_a.Olga, notice, ReviewArrange.AcceptButton);
        var accepted = await host.Tg.WaitForBotMessageAsync(_a.Olga.PrivateChat, m => m.Text?.StartsWith("✅ Формулировка пункта 3.2.") == true);
        await host.IdleAsync();
        await _page.ReloadAsync();
        await Shows(_page.Locator("[id='c-3.2.'] .text", new() { HasText = "остальные 50%" }));
        await Shows(_page.Locator("[id='c-3.2.'] .accepted-note", new() { HasText = "версия текста 2" }));
        await ShotAsync("wording-accepted", _page.Locator("[id='c-3.2.']"));

        await host.PressesAsync(_a.Olga, accepted, "📤 Отправить");
        await host.IdleAsync();
        await _page.ReloadAsync();
        await Shows(_page.Locator(".intro", new() { HasText = "текст больше не обсуждается" }));
        await ShotAsync("read-only-on-approval", _page.Locator(".intro"));
        var formsOnApproval = await _page.Locator("form").CountAsync();
        using var http = _a.Http();
        var late = await http.SendAsync(ReviewArrange.Post(link, "3.2.", "Иван", "Ещё одно"));
        var lateBody = await late.Content.ReadAsStringAsync();

        await _a.ApprovedAsync();
        await _a.PrintedAsync();
        var closed = await _page.ReloadAsync();
        await Shows(_page.Locator("h1", new() { HasText = "Согласование закрыто" }));
        await ShotAsync("closed-410");

        Assert.Equal(200, opened!.Status);
        Assert.Contains(link, toGroup.Text);
        Assert.Equal(link, toGroup.Button("📝 Открыть документ")?.Url);
        Assert.Contains("🔗 Ссылка на согласование Д-2026-0001 отправлена в группу проекта", host.Tg.BotMessages(_a.Olga.PrivateChat).Single(m => m.Text?.StartsWith("🔗") == true).Text);
        Assert.Contains("согласование: юрист → директор (текст изменён)", accepted.Text);
        var doc = await host.DocAsync(ReviewArrange.Contract);
        Assert.Equal(DocumentStatus.Printed, doc.Status);
        Assert.True(doc.TextEdited);
        Assert.Equal([1, 2], doc.TextVersions.Select(v => v.No));
        Assert.Contains("100%", doc.TextVersions[0].Text);
        Assert.Equal("пункт 3.2.: формулировка Иван Петров, ООО «Ромашка» (комментарий 1)", doc.TextVersions[1].Reason);
        Assert.Contains(NewWording, PdfTools.ExtractFlatText(host.PdfIn(_a.P.Lawyer!, ReviewArrange.Contract).Document!.Content));
        Assert.Contains("остальные 50%", PdfTools.ExtractFlatText(host.PdfIn(_a.Olga, ReviewArrange.Contract).Document!.Content));
        Assert.Equal(0, formsOnApproval);
        Assert.Contains("refused=", late.RequestMessage!.RequestUri!.Query);
        Assert.Contains("комментарии не принимаются", lateBody);
        Assert.Equal(410, closed!.Status);
        Assert.Contains("напечатан", await _page.Locator("p").First.InnerTextAsync());
        var review = (await _a.ReviewAsync())!;
        var comment = Assert.Single(review.Comments);
        Assert.Equal((2, "Согласны на 50/50, поправим пункт."), (comment.AcceptedVersion, Assert.Single(comment.Replies).Text));
        var card = await host.SaysAsync(_a.Olga, "/doc " + ReviewArrange.Contract, m => m.Text?.StartsWith("📄") == true);
        Assert.Contains("Версий текста: 2", card.Text);
        Assert.Contains("Согласование с клиентом: ссылка от 23.11 10:00, комментариев 1, предложений 1, принято 1", card.Text);
        Assert.Contains(doc.History, e => e.Action == DocumentActions.ReviewLink);
        var history = await host.SaysAsync(_a.Olga, "/doc " + ReviewArrange.Contract + " comments", m => m.Text?.StartsWith("💬 Согласование") == true);
        Assert.Contains("↩️ Ольга Сотрудникова: Согласны на 50/50, поправим пункт.", history.Text);
        Assert.Contains("v2 — 23.11 10:00 (Ольга", history.Text);
        Assert.Contains("— изменён: пункт 3.2.: формулировка Иван Петров, ООО «Ромашка» (комментарий 1)", history.Text);
        Assert.Empty(_pageErrors);
        host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task The_page_reads_in_english_and_a_refused_comment_keeps_what_was_typed()
    {
        _screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots", "review", "english");
        var link = await _a.SendForReviewAsync();

        await _page.GotoAsync(link + "?lang=en");
        var clause = _page.Locator("[id='c-1.1.']");
        await clause.Locator("summary", new() { HasText = "Comment" }).ClickAsync();
        await clause.Locator("input[name=name]").FillAsync("John Smith");
        await clause.Locator("textarea[name=text]").FillAsync(new string('x', 2001));
        await clause.Locator("button[type=submit]").ClickAsync();
        await Shows(_page.Locator("[id='c-1.1.'] .notice.error", new() { HasText = "Too long: the comment takes at most 2000 characters (this is 2001)" }));
        await ShotAsync("english-oversized-comment-refused", _page.Locator("[id='c-1.1.']"));

        Assert.Equal("John Smith", await _page.Locator("[id='c-1.1.'] input[name=name]").InputValueAsync());
        Assert.Equal(2001, (await _page.Locator("[id='c-1.1.'] textarea[name=text]").InputValueAsync()).Length);
        Assert.Empty((await _a.ReviewAsync())!.Comments);
        Assert.Empty(_pageErrors);
    }

    private static Task Shows(ILocator locator) => Assertions.Expect(locator.First).ToBeVisibleAsync(new() { Timeout = Patience });

    private async Task PhoneShotAsync(string link, string step)
    {
        var phone = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, DeviceScaleFactor = 2 });
        await phone.GotoAsync(link);
        await Shows(phone.Locator("h1"));
        var width = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"The page is {width}px wide on a 390px phone");
        await phone.ScreenshotAsync(new() { Path = NextShot(step), FullPage = false });
        await phone.CloseAsync();
    }

    /// <summary>The whole page, or the screen around <paramref name="focus"/> (the document is long; the step happens there).</summary>
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
