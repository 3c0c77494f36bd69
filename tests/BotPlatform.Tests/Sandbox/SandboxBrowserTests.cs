using System.Text;
using System.Text.RegularExpressions;
using BotPlatform.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BotPlatform.Tests.Sandbox;

/// <summary>
/// The sandbox as a visitor uses it: the built host started without a token, its page in the machine's
/// headless chromium (.ci/run installs it; Playwright drives it, nothing is downloaded). Every step
/// leaves a screenshot in the test output folder: bin/.../screenshots/sandbox/.
/// </summary>
[Collection(HostProcesses.Name)]
public sealed partial class SandboxBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly float Patience = 30_000;
    private static readonly byte[] Invoice = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

    private readonly List<string> _pageErrors = [];
    private readonly string _screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots", "sandbox");
    private SandboxProcess? _sandbox;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage? _page;
    private int _shots;
    private string _scenario = "payment";

    private IPage Page => _page ?? throw new InvalidOperationException("The page opens in InitializeAsync");

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxProcess.StartAsync();
        var address = _sandbox.Address;
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
        _page = await _browser.NewPageAsync(new() { BaseURL = address, ViewportSize = new() { Width = 1440, Height = 900 } });
        _page.PageError += (_, error) => _pageErrors.Add(error);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_sandbox is not null) await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task An_employee_files_a_payment_the_head_approves_it_and_the_finance_manager_is_reminded()
    {
        await Page.GotoAsync("/");
        await Shows(BotSays("Здравствуйте, Анна Петрова"));
        await ShotAsync("employee-anna-sees-the-welcome");

        await SayAsync("/pay");
        await Shows(BotSays("Кому платим?"));
        await Shows(Page.Locator("#reply-bar"));
        await ShotAsync("pay-asks-whom-with-a-forcereply");
        await SayAsync("ООО «Ромашка»");
        await Shows(BotSays("Какая сумма к оплате?"));
        await SayAsync("150 000");
        await PressAsync("Выберите статью расходов", "Реклама");
        await PressAsync("До какого числа нужно оплатить?", "Пропустить");
        await Shows(BotSays("Пришлите счёт"));
        await Page.SetInputFilesAsync("#file-document", new FilePayload { Name = "invoice.pdf", MimeType = "application/pdf", Buffer = Invoice });
        await Shows(Page.Locator("#messages .msg.mine .doc", new() { HasText = "invoice.pdf" }));
        await ShotAsync("invoice-uploaded-with-the-file-input");
        await PressAsync("Добавьте комментарий", "Пропустить");
        await PressAsync("К какому проекту относится", "Пропустить");
        await Shows(BotSays("Проверьте заявку на оплату"));
        await ShotAsync("confirmation-card");
        await PressAsync("Проверьте заявку на оплату", "✅ Отправить");
        var submitted = BotSays("отправлена на согласование");
        await Shows(submitted);
        var number = RequestNumber().Match(await submitted.InnerTextAsync()).Value;
        await ShotAsync("submitted");

        await ActAsAsync("i_ivanov");
        var card = Page.Locator("#messages .msg.bot", new() { Has = Page.Locator("button.kb", new() { HasText = "✅ Согласовать" }) }).Last;
        await Shows(card);
        var invoice = Page.Locator("#messages .msg.bot .doc", new() { HasText = "invoice.pdf" }).Last;
        var download = await Page.APIRequest.GetAsync(await invoice.GetAttributeAsync("href") ?? "");
        await ShotAsync("head-ivan-gets-the-card-and-the-invoice");
        await card.Locator("button.kb", new() { HasText = "✅ Согласовать" }).ClickAsync();
        await Expect(Page.Locator("#messages button.kb", new() { HasText = "✅ Согласовать" })).ToHaveCountAsync(0, new() { Timeout = Patience });
        await ShotAsync("head-approved");

        await ActAsAsync("a_petrova");
        var outcome = BotSays("👍 " + number);
        await Shows(outcome);
        var outcomeText = await outcome.InnerTextAsync();
        await ShotAsync("employee-sees-the-outcome");

        await ActAsAsync("m_kuznetsova");
        await Shows(Page.Locator("#messages .msg.bot", new() { HasText = number, Has = Page.Locator("button.kb", new() { HasText = "✅ Согласовать" }) }));
        await ShotAsync("finance-manager-gets-the-card");
        var before = await Page.Locator("#clock-text").InnerTextAsync();
        await Page.Locator(".clock-button", new() { HasText = "Следующее рабочее утро" }).ClickAsync();
        await Expect(Page.Locator("#clock-text")).Not.ToHaveTextAsync(before, new() { Timeout = Patience });
        await Page.Locator(".clock-button", new() { HasText = "+4 ч" }).ClickAsync();
        var reminder = BotSays("⏰ Напоминание");
        await Shows(reminder);
        await ShotAsync("clock-moved-and-the-reminder-arrives");

        Assert.Matches(RequestNumber(), number);
        Assert.Equal(200, download.Status);
        Assert.Equal(Invoice, await download.BodyAsync());
        Assert.Contains(number, await reminder.InnerTextAsync());
        Assert.Contains("Иван Иванов", outcomeText);
        Assert.Empty(_pageErrors);
    }

    [Fact]
    public async Task The_admin_sees_people_in_their_own_menu_opens_a_persons_card_and_the_employees_menu_is_shorter()
    {
        _scenario = "people";
        await Page.GotoAsync("/");
        await ActAsAsync("e_smirnova");
        await Page.Locator("#menu-button").ClickAsync();
        var menu = Page.Locator("#menu");
        await Shows(menu.Locator("button", new() { HasText = "/people" }));
        await ShotAsync("admin-menu-has-people");
        await menu.Locator("button", new() { HasText = "/people" }).ClickAsync();
        var list = BotSays("👥 Сотрудники");
        await Shows(list);
        await ShotAsync("people-list");
        await PressAsync("👥 Сотрудники", "Анна Петрова");
        var card = BotSays("👤 Анна Петрова");
        await Shows(card);
        var cardText = await card.InnerTextAsync();
        await ShotAsync("a-persons-card");
        await PressAsync("👤 Анна Петрова", "🎭 Роли");
        await Shows(Page.Locator("#messages button.kb", new() { HasText = "✅ сотрудник" }));
        await ShotAsync("roles-as-buttons");

        await ActAsAsync("a_petrova");
        await Page.Locator("#menu-button").ClickAsync();
        await Shows(menu.Locator("button", new() { HasText = "/pay" }));
        await ShotAsync("employee-menu");

        Assert.Equal(0, await menu.Locator("button", new() { HasText = "/people" }).CountAsync());
        Assert.Equal(0, await menu.Locator("button", new() { HasText = "/template" }).CountAsync());
        Assert.Contains("Отдел:", cardText);
        Assert.Empty(_pageErrors);
    }

    private ILocator BotSays(string fragment) => Page.Locator("#messages .msg.bot", new() { HasText = fragment }).Last;

    private static Task Shows(ILocator locator) => Expect(locator).ToBeVisibleAsync(new() { Timeout = Patience });

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private async Task SayAsync(string text)
    {
        await Page.Locator("#text").FillAsync(text);
        await Page.Locator("#text").PressAsync("Enter");
        await Shows(Page.Locator("#messages .msg.mine", new() { HasText = text }).Last);
    }

    private async Task PressAsync(string messageFragment, string button)
    {
        var message = BotSays(messageFragment);
        await Shows(message.Locator("button.kb", new() { HasText = button }));
        await message.Locator("button.kb", new() { HasText = button }).ClickAsync();
    }

    private async Task ActAsAsync(string username)
    {
        await Page.Locator($".persona[data-persona=\"{username}\"]").ClickAsync();
        await Expect(Page.Locator($".persona.on[data-persona=\"{username}\"]")).ToBeVisibleAsync(new() { Timeout = Patience });
        await Expect(Page.Locator($"#messages[data-persona=\"{username}\"]")).ToBeVisibleAsync(new() { Timeout = Patience });
    }

    private async Task ShotAsync(string step)
    {
        var folder = Path.Combine(_screenshots, _scenario);
        if (_shots == 0 && Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{++_shots:00}-{step}.png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine("screenshot: " + path);
    }

    [GeneratedRegex(@"ЗО-\d{4}-\d{4}")]
    private static partial Regex RequestNumber();
}
