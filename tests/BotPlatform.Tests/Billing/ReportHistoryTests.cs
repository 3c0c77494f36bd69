using BotPlatform.Core.Billing;
using BotPlatform.Core.Projects;
using BotPlatform.Testing;
using BotPlatform.Tests.Projects;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Billing;

/// <summary>/reports through the real host: every report, newest first, paged, filtered; a sent report stays the same after rates and tasks change.</summary>
public sealed class ReportHistoryTests : IAsyncLifetime
{
    private BotHost _host = null!;
    private FakeUser _pm = null!;
    private Project _project = null!;
    private FakeChat _group = null!;

    public async Task InitializeAsync()
    {
        _host = await BillingArrange.StartAsync();
        _pm = await _host.JoinedAsync("Катя", "pm_kate");
        (_project, _) = await _host.NovemberWorkAsync();
        var client = _host.Tg.CreateUser("Ирина", "irina_romashka");
        _group = _host.Tg.CreateGroup("Ромашка × Агентство", _pm, client);
        _host.Tg.SendText(_pm, _group, "/link PRJ-0001");
        await _host.CardAsync(_group, "Здравствуйте! Этот чат");
        await _host.CardAsync(_pm.PrivateChat, "🔗 Группа");
        await _host.IdleAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<BillingReport> SentReportAsync()
    {
        var card = await _host.SaysAsync(_pm, "/report new PRJ-0001 11.2026");
        await _host.PressWhenShownAsync(_pm, card, "📤 Отправить клиенту");
        await _host.CardAsync(_group, "📊 Отчёт о выполненных работах");
        await _host.IdleAsync();
        return (await _host.Get<IBillingReportStore>().FindByNumberAsync("ОТЧ-2026-0001", default))!;
    }

    /// <summary>Eleven older cancelled reports of the same client, put straight into the store.</summary>
    private async Task OlderReportsAsync()
    {
        for (var i = 1; i <= 11; i++)
        {
            await _host.Get<IBillingReportStore>().InsertAsync(new BillingReport
            {
                Number = $"ОТЧ-2025-{i:0000}", ClientId = _project.ClientId, ClientName = "ООО «Ромашка»", From = new DateOnly(2025, i, 1),
                To = new DateOnly(2025, i, 1).AddMonths(1).AddDays(-1), Status = ReportStatus.Cancelled, CreatedAt = new DateTimeOffset(2025, i, 28, 9, 0, 0, TimeSpan.Zero),
                Lines = [new ReportLine { TaskId = 1000 + i, ProjectNumber = "PRJ-0001", TaskNo = i, Title = "Старое", Hours = 1, Billable = true, Rate = 1000m, Sum = 1000m, Value = 1000m }],
            }, default);
        }
    }

    [Fact]
    public async Task Reports_are_listed_newest_first_ten_a_page_and_each_opens_its_card()
    {
        await OlderReportsAsync();
        await SentReportAsync();

        var list = await _host.SaysAsync(_pm, "/reports");
        var firstPage = list.Text!.Plain();
        await _host.PressWhenShownAsync(_pm, list, "Дальше ➡️");
        await _host.Tg.WaitUntilAsync(() => _host.Latest(list).Contains("Страница 2 из 2", StringComparison.Ordinal));
        var secondPage = _host.Latest(list).Plain();
        await _host.PressWhenShownAsync(_pm, list, "⬅️ Назад");
        await _host.Tg.WaitUntilAsync(() => _host.Latest(list).Contains("Страница 1 из 2", StringComparison.Ordinal));
        await _host.PressWhenShownAsync(_pm, list, "📊 ОТЧ-2026-0001");
        var card = await _host.CardAsync(_pm.PrivateChat, "📊 Отчёт ОТЧ-2026-0001 · отправлен клиенту", after: list.MessageId);

        var lines = firstPage.Split('\n');
        Assert.Equal("📚 Отчёты: 12. Страница 1 из 2.", lines[0]);
        Assert.Equal("ОТЧ-2026-0001 · ООО «Ромашка» · 01.11.2026–30.11.2026 · 29 890,00 ₽ · отправлен клиенту", lines[1]);
        Assert.StartsWith("ОТЧ-2025-0011 · ООО «Ромашка» · 01.11.2025–30.11.2025", lines[2]);
        Assert.Equal(11, lines.Length);
        Assert.Equal(["📚 Отчёты: 12. Страница 2 из 2.", "ОТЧ-2025-0002 · ООО «Ромашка» · 01.02.2025–28.02.2025 · 1 000,00 ₽ · отменён",
            "ОТЧ-2025-0001 · ООО «Ромашка» · 01.01.2025–31.01.2025 · 1 000,00 ₽ · отменён"], secondPage.Split('\n'));
        Assert.Contains("Итого: 29 890,00 ₽", card.Text!.Plain());
        Assert.Contains("Ссылка для клиента: ", card.Text);
        Assert.Contains(card.Buttons, b => b.Text == "🔒 Закрыть ссылку");
    }

    [Fact]
    public async Task Filters_by_client_period_and_status_and_bad_filters_are_answered()
    {
        await OlderReportsAsync();
        await SentReportAsync();
        var designer = await _host.JoinedAsync("Лена", "des_lena");

        var sent = await _host.SaysAsync(_pm, "/reports Ромашка 11.2026 отправлен");
        var cancelledIn2025 = await _host.SaysAsync(_pm, "/reports cancelled 01.03.2025-30.04.2025 7730123456");
        var nothingPaid = await _host.SaysAsync(_pm, "/reports оплачен");
        var unknown = await _host.SaysAsync(_pm, "/reports Василёк");
        var odd = await _host.SaysAsync(_pm, "/reports 13.2026");
        var notAllowed = await _host.SaysAsync(designer, "/reports");
        var forged = await _host.Tg.WaitForCallbackAnswerAsync(_host.Tg.PressCallbackData(_pm, sent, "rps:p:1:x:0:0:-"));

        Assert.Equal("📚 Отчёты (ООО «Ромашка», 01.11.2026–30.11.2026, отправлен клиенту): 1. Страница 1 из 1.\nОТЧ-2026-0001 · ООО «Ромашка» · 01.11.2026–30.11.2026 · 29 890,00 ₽ · отправлен клиенту",
            sent.Text!.Plain());
        Assert.Equal(["📚 Отчёты (ООО «Ромашка», 01.03.2025–30.04.2025, отменён): 2. Страница 1 из 1.", "ОТЧ-2025-0004 · ООО «Ромашка» · 01.04.2025–30.04.2025 · 1 000,00 ₽ · отменён",
            "ОТЧ-2025-0003 · ООО «Ромашка» · 01.03.2025–31.03.2025 · 1 000,00 ₽ · отменён"], cancelledIn2025.Text!.Plain().Split('\n'));
        Assert.Equal("📚 Отчётов (оплачен) нет.", nothingPaid.Text);
        Assert.Equal("Клиент «Василёк» не найден. Напишите часть названия или ИНН.", unknown.Text);
        Assert.StartsWith("Период «13.2026» не понят.", odd.Text);
        Assert.Equal("Отчёты клиентам готовят руководитель проекта, директор, операционный менеджер и администратор.", notAllowed.Text);
        Assert.Equal("Эта кнопка устарела.", forged.Text);
    }

    [Fact]
    public async Task A_sent_reports_page_pdf_and_numbers_stay_the_same_after_a_rate_and_a_task_title_change()
    {
        var report = await SentReportAsync();
        using var http = _host.CreateClient();
        var page = await http.GetStringAsync($"/r/{report.PageToken}");
        var pdf = PdfTools.ExtractText(await http.GetByteArrayAsync($"/r/{report.PageToken}/pdf"));

        var task = await _host.TaskAsync(_project.Id, 2);
        task.Title = "Совсем другое название";
        Assert.True(await _host.Get<IProjectTaskStore>().TryUpdateAsync(task, default));
        var yaml = await File.ReadAllTextAsync(TestFiles.Path("TestData/organisation.billing.yaml"));
        var repriced = Path.Combine(Path.GetTempPath(), $"organisation.repriced.{Guid.NewGuid():N}.yaml");
        Assert.Contains("per_hour: 3500", yaml);
        await File.WriteAllTextAsync(repriced, yaml.Replace("per_hour: 3500", "per_hour: 9900", StringComparison.Ordinal));
        await _host.RestartAsync(new Dictionary<string, string?> { ["Organisation:File"] = repriced });
        Assert.Equal(9900m, _host.Get<Core.People.Organisation>().Billing.RateFor("7730123456", "PRJ-0001", "design", new DateOnly(2026, 11, 20))!.PerHour);
        using var after = _host.CreateClient();

        Assert.Equal(page, await after.GetStringAsync($"/r/{report.PageToken}"));
        Assert.Equal(pdf, PdfTools.ExtractText(await after.GetByteArrayAsync($"/r/{report.PageToken}/pdf")));
        Assert.Contains("Макеты постов", pdf);
        Assert.DoesNotContain("Совсем другое", pdf);
        Assert.Contains("29 890,00", pdf.Plain());
        var stored = (await _host.Get<IBillingReportStore>().GetAsync(report.Id, default))!;
        Assert.Equal(new ReportTotals(10.5m, 9m, 1.5m, 24500m, 5390m, 29890m), stored.Totals());
        File.Delete(repriced);
    }
}
