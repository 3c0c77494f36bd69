using BotPlatform.Core.Billing;
using BotPlatform.Testing;
using BotPlatform.Tests.Projects;
using BotPlatform.Tests.Support;
using Microsoft.Playwright;

namespace BotPlatform.Tests.Billing;

/// <summary>
/// A report made with the dialog's filters, sent, and opened in the machine's headless chromium: the page names
/// the filter and lists only the chosen work. Screenshot: bin/.../screenshots/billing/report-filtered-ru.png.
/// </summary>
[Collection(ChromiumTests.Name)]
public sealed class ReportFilterPageBrowserTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private const string Origin = "http://report.test";
    private readonly string _screenshots = Chromium.Screenshots("billing");
    private BotHost _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _host = await BillingArrange.StartAsync();
        _http = _host.CreateClient();
        var pm = await _host.JoinedAsync("Катя", "pm_kate");
        var client = _host.Tg.CreateUser("Ирина", "irina_romashka");
        await _host.NovemberWorkAsync();
        var group = _host.Tg.CreateGroup("Ромашка × Агентство", pm, client);
        _host.Tg.SendText(pm, group, "/link PRJ-0001");
        await _host.CardAsync(group, "Здравствуйте! Этот чат");
        await _host.CardAsync(pm.PrivateChat, "🔗 Группа");
        await _host.IdleAsync();
        var start = await _host.SaysAsync(pm, "/report new");
        await _host.PressWhenShownAsync(pm, start, "ООО «Ромашка»");
        await _host.PressWhenShownAsync(pm, start, "📁 Все проекты");
        await _host.PressWhenShownAsync(pm, start, "Этот месяц (11.2026)");
        await _host.PressWhenShownAsync(pm, start, "▫️ Дизайн");
        await _host.PressWhenShownAsync(pm, start, "Далее ➡️");
        await _host.PressWhenShownAsync(pm, start, "✅ Только завершённые");
        var card = await _host.CardAsync(pm.PrivateChat, "📊 Отчёт ОТЧ-2026-0001");
        await _host.PressWhenShownAsync(pm, card, "📤 Отправить клиенту");
        await _host.CardAsync(group, "📊 Отчёт о выполненных работах");
    }

    public async Task DisposeAsync()
    {
        await chromium.ClosePagesAsync();
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task The_page_of_a_filtered_report_names_its_filter_and_lists_only_that_work()
    {
        var report = (await _host.Get<IBillingReportStore>().FindByNumberAsync("ОТЧ-2026-0001", default))!;
        var page = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.ServeFromAsync(Origin, _http);

        await page.GotoAsync($"{Origin}/r/{report.PageToken}");
        await page.ScreenshotAsync(new() { Path = Path.Combine(_screenshots, "report-filtered-ru.png"), FullPage = true });
        var filter = await page.Locator(".meta .filter").TextContentAsync();
        var tasks = await page.Locator("table.tasks tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.task)");
        await page.GotoAsync($"{Origin}/r/{report.PageToken}?lang=en");
        var english = await page.Locator(".meta .filter").TextContentAsync();

        Assert.Equal("Фильтр: Дизайн · задачи: завершённые", filter);
        Assert.Equal(["PRJ-0001#2"], tasks);
        Assert.Equal("Filter: Дизайн · tasks: done", english);
    }
}
