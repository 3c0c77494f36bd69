using System.Text;
using BotPlatform.Testing;
using BotPlatform.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BotPlatform.Tests.Projects.Archive;

/// <summary>
/// The exported archive opened as a person opens it: the downloaded file in the machine's headless chromium
/// (Playwright, nothing downloaded), from disk, with no network. Screenshots in bin/.../screenshots/archive/.
/// </summary>
[Collection(ChromiumTests.Name)]
public sealed class ArchiveBrowserTests(ChromiumFixture chromium, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _folder = Chromium.Screenshots("archive");
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await ProjectArrange.StartAsync();

    public async Task DisposeAsync()
    {
        await chromium.ClosePagesAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task The_exported_archive_reads_as_a_chat_log_in_a_browser_with_edits_and_a_deleted_message()
    {
        var pm = await _host.JoinedAsync("Катя", "pm_kate");
        var designer = await _host.JoinedAsync("Лена", "des_lena");
        var client = _host.Tg.CreateUser("Ирина", "irina_romashka");
        var boss = _host.Tg.CreateUser("Борис", null);
        await _host.ProjectAsync();
        var group = _host.Tg.CreateGroup("Ромашка × Агентство", pm, designer, client, boss);
        await _host.SaysInAsync(pm, group, "/link PRJ-0001");
        _host.Tg.SendText(client, group, "Добрый день! Рады начать. Бриф пришлём сегодня.");
        var brief = _host.Tg.SendDocument(client, group, "Бриф ООО Ромашка.docx", new byte[48_213], "application/msword", "Вот бриф, посмотрите, пожалуйста");
        _host.Tg.Reply(designer, group, brief, "Спасибо! Посмотрю до обеда и вернусь с вопросами.");
        var budget = _host.Tg.SendText(boss, group, "Бюджет на рекламу — 50 000 ₽ в месяц");
        _host.Tg.SendPhoto(client, group, [0xFF, 0xD8, 0xFF, 0xE0], "Референс: так нам нравится");
        var secret = _host.Tg.SendText(client, group, "Пароль от Instagram: romashka-2026 (удалю потом)");
        await _host.SettledAsync();
        _host.Tg.EditText(boss, budget, "Бюджет на рекламу — 70 000 ₽ в месяц <с НДС>");
        await _host.SettledAsync();
        _host.Tg.DeleteMessage(client, secret);

        var (_, html) = await _host.AsksForArchiveAsync(pm);
        var file = Path.Combine(_folder, "PRJ-0001-archive.html");
        await File.WriteAllTextAsync(file, html!, Encoding.UTF8);
        var page = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 900, Height = 900 } });
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        await page.GotoAsync(new Uri(file).AbsoluteUri);
        await page.Locator("details summary").First.ClickAsync();
        await ShotAsync(page, "01-archive");

        Assert.Equal("Архив переписки — PRJ-0001 «SMM декабрь»", await page.Locator("h1").InnerTextAsync());
        // The people's messages and the PM's /link, and what the bot posted in the group (its greeting first).
        Assert.Equal(8, await page.Locator("article.msg").CountAsync());
        Assert.InRange(await page.Locator("article.msg.bot").CountAsync(), 1, 2);
        Assert.Equal(2, await page.Locator("article.msg.agency").CountAsync()); // the staff message and the PM's /link
        Assert.Contains("Пароль от Instagram", await page.Locator("main").InnerTextAsync());
        Assert.Equal("Бюджет на рекламу — 70 000 ₽ в месяц <с НДС>", await page.Locator("article.msg .text").Filter(new() { HasText = "70 000" }).First.InnerTextAsync());
        Assert.True(await page.Locator("details .old").First.IsVisibleAsync());
        Assert.Equal("Бюджет на рекламу — 50 000 ₽ в месяц", await page.Locator("details .old").First.InnerTextAsync());
        Assert.Contains("В ответ на Ирина", await page.Locator(".quote").First.InnerTextAsync());
        Assert.Equal([new Uri(file).AbsoluteUri], requests);
    }

    private async Task ShotAsync(IPage page, string name)
    {
        var path = Path.Combine(_folder, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine("screenshot: " + path);
    }
}
