using System.Net;
using BotPlatform.Core.Billing;
using BotPlatform.Testing;
using BotPlatform.Tests.Projects;
using BotPlatform.Tests.Support;
using Microsoft.Playwright;

namespace BotPlatform.Tests.Billing;

/// <summary>
/// The client's report page in the machine's headless chromium (Playwright, nothing downloaded): the browser's
/// requests to report.test are answered by the real host in memory. Screenshots go to bin/.../screenshots/billing/.
/// </summary>
[Collection(ChromiumTests.Name)]
public sealed class ReportPageBrowserTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private const string Origin = "http://report.test";
    private readonly string _screenshots = Chromium.Screenshots("billing");
    private BotHost _host = null!;
    private HttpClient _http = null!;
    private FakeUser _pm = null!;
    private FakeMessage _card = null!;

    public async Task InitializeAsync()
    {
        _host = await BillingArrange.StartAsync();
        _http = _host.CreateClient();
        _pm = await _host.JoinedAsync("Катя", "pm_kate");
        var client = _host.Tg.CreateUser("Ирина", "irina_romashka");
        var (project, _) = await _host.NovemberWorkAsync();
        var brief = await _host.TaskAsync(project.Id, 2);
        brief.ResultText = "https://drive.example/makety-noyabr";
        brief.ExpectedResult = "Макеты 12 постов";
        Assert.True(await _host.Get<Core.Projects.IProjectTaskStore>().TryUpdateAsync(brief, default));
        var group = _host.Tg.CreateGroup("Ромашка × Агентство", _pm, client);
        _host.Tg.SendText(_pm, group, "/link PRJ-0001");
        await _host.CardAsync(group, "Здравствуйте! Этот чат");
        await _host.CardAsync(_pm.PrivateChat, "🔗 Группа");
        await _host.IdleAsync();
        _card = await _host.SaysAsync(_pm, "/report new PRJ-0001 11.2026");
        await _host.PressWhenShownAsync(_pm, _card, "📤 Отправить клиенту");
        await _host.CardAsync(group, "📊 Отчёт о выполненных работах");
    }

    public async Task DisposeAsync()
    {
        await chromium.ClosePagesAsync();
        _http.Dispose();
        await _host.DisposeAsync();
    }

    private async Task<BillingReport> ReportAsync() => (await _host.Get<IBillingReportStore>().FindByNumberAsync("ОТЧ-2026-0001", default))!;

    /// <summary>A page whose requests to report.test the in-memory host answers.</summary>
    private async Task<IPage> PageAsync(int width, int height)
    {
        var page = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        await page.ServeFromAsync(Origin, _http);
        return page;
    }

    private async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(_screenshots, name + ".png"), FullPage = true });

    [Fact]
    public async Task The_page_shows_the_reports_tasks_and_totals_and_its_pdf_holds_them()
    {
        var report = await ReportAsync();
        var page = await PageAsync(1280, 900);

        await page.GotoAsync($"{Origin}/r/{report.PageToken}");
        await ShotAsync(page, "report-desktop-ru");
        var rows = await page.Locator("table.tasks tbody tr").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [r.dataset.task, r.className, r.querySelector('.hours').textContent, r.querySelector('.rate').innerText, r.querySelector('.sum').textContent])");
        var totals = await page.Locator(".totals .row").EvaluateAllAsync<string[][]>("rows => rows.map(r => [r.id, r.querySelector('dd').textContent])");
        var header = await page.Locator("header .name").TextContentAsync();
        var colour = await page.Locator("header").EvaluateAsync<string>("h => getComputedStyle(h).backgroundColor");

        Assert.Equal("Агентство «Тест»", header);
        Assert.Equal("rgb(18, 53, 91)", colour);
        Assert.Equal(
        [
            ["PRJ-0001#1", "free", "1,5", "—", "не оплачивается"],
            // Ромашка's design rate went from 3 000 to 3 500 on 15.11: the row says which hours went at which rate.
            ["PRJ-0001#2", "billable", "5", "2 ч × 3 000,00 ₽\n3 ч × 3 500,00 ₽", "16 500,00 ₽"],
            ["PRJ-0001#3", "billable", "4", "2 000,00 ₽", "8 000,00 ₽"],
        ], rows.Select(r => r.Select(c => c.Plain()).ToArray()));
        Assert.Equal(
        [
            ["total-hours", "10,5"], ["total-billable-hours", "9"], ["total-free-hours", "1,5"], ["total-net", "24 500,00 ₽"],
            ["total-vat", "5 390,00 ₽"], ["total-total", "29 890,00 ₽"],
        ], totals.Select(r => r.Select(c => c.Plain()).ToArray()));

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#pdf"));
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        await File.WriteAllBytesAsync(Path.Combine(_screenshots, "report-ru.pdf"), pdf);
        var text = PdfTools.ExtractFlatText(pdf).Plain();
        Assert.Contains("Отчёт о выполненных работах ОТЧ-2026-0001", text);
        Assert.Contains("Итого к оплате 29 890,00 ₽", text);
        Assert.Contains("НДС 22% 5 390,00 ₽", text);
        Assert.Contains("не оплачивается", text);
        Assert.Contains("2 ч × 3 000,00 ₽", text);
        Assert.Contains("3 ч × 3 500,00 ₽", text);
    }

    [Fact]
    public async Task A_task_page_behind_the_same_token_shows_its_result_and_time_and_the_page_reads_on_a_phone_in_english()
    {
        var report = await ReportAsync();
        var phone = await PageAsync(390, 844);

        await phone.GotoAsync($"{Origin}/r/{report.PageToken}?lang=en");
        await ShotAsync(phone, "report-phone-en");
        var overflow = await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        var title = await phone.Locator("h1").TextContentAsync();
        await phone.ClickAsync("text=PRJ-0001#2 Макеты постов");
        await phone.WaitForURLAsync("**/t/**");
        await ShotAsync(phone, "task-phone-en");
        var task = await phone.Locator("main").InnerTextAsync();

        Assert.False(overflow);
        Assert.Equal("Work report ОТЧ-2026-0001", title);
        Assert.Contains("Макеты 12 постов", task);
        Assert.Contains("https://drive.example/makety-noyabr", task);
        Assert.Contains("10.11.2026", task);
        Assert.Contains("20.11.2026", task);
        var other = report.Lines.Single(l => l.TaskNo == 3).TaskId + 1000;
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"/r/{report.PageToken}/t/{other}")).StatusCode);
    }

    [Fact]
    public async Task A_revoked_or_forged_link_shows_the_404_page_and_leaks_nothing()
    {
        var report = await ReportAsync();
        var page = await PageAsync(1280, 800);

        var forged = await page.GotoAsync($"{Origin}/r/{report.PageToken![..^2]}xx");
        await _host.PressWhenShownAsync(_pm, _card, "🔒 Закрыть ссылку");
        await _host.CardAsync(_pm.PrivateChat, "🔒 Ссылка на отчёт ОТЧ-2026-0001 закрыта.");
        var revoked = await page.GotoAsync($"{Origin}/r/{report.PageToken}");
        await ShotAsync(page, "report-revoked-404");
        var body = await page.Locator("body").InnerTextAsync();
        var pdf = await _http.GetAsync($"/r/{report.PageToken}/pdf");

        Assert.Equal(404, forged!.Status);
        Assert.Equal(404, revoked!.Status);
        Assert.Equal(HttpStatusCode.NotFound, pdf.StatusCode);
        Assert.Contains("404 · Страница не найдена", body);
        Assert.DoesNotContain("ОТЧ-2026", body);
        Assert.DoesNotContain("Exception", body);
    }
}
