using BotPlatform.Core.Billing;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.Projects;
using BotPlatform.Testing;
using BotPlatform.Tests.Documents;
using BotPlatform.Tests.Projects;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Billing;

/// <summary>The guided /report new dialog through the real host: client, projects, period, work types, task states; bad input.</summary>
public sealed class ReportDialogTests : IAsyncLifetime
{
    private BotHost _host = null!;
    private FakeUser _pm = null!;
    private Project _project = null!;

    public async Task InitializeAsync()
    {
        _host = await BillingArrange.StartAsync();
        _pm = await _host.JoinedAsync("Катя", "pm_kate");
        (_project, _) = await _host.NovemberWorkAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();


    [Fact]
    public async Task The_pm_picks_client_project_this_month_and_two_work_types_and_gets_a_filtered_draft()
    {
        var start = await _host.SaysAsync(_pm, "/report new");
        await _host.PressWhenShownAsync(_pm, start, "ООО «Ромашка»");
        var nothingTicked = await _host.PressWhenShownAsync(_pm, start, "Далее ➡️");
        await _host.PressWhenShownAsync(_pm, start, "▫️ PRJ-0001 SMM декабрь");
        await _host.PressWhenShownAsync(_pm, start, "✅ PRJ-0001 SMM декабрь");
        await _host.PressWhenShownAsync(_pm, start, "▫️ PRJ-0001 SMM декабрь");
        await _host.PressWhenShownAsync(_pm, start, "Далее ➡️");
        await _host.PressWhenShownAsync(_pm, start, "Этот месяц (11.2026)");
        await _host.PressWhenShownAsync(_pm, start, "▫️ Дизайн");
        await _host.PressWhenShownAsync(_pm, start, "▫️ Контент");
        await _host.PressWhenShownAsync(_pm, start, "Далее ➡️");
        await _host.PressWhenShownAsync(_pm, start, "✅ Только завершённые");
        var card = await _host.CardAsync(_pm.PrivateChat, "📊 Отчёт ОТЧ-2026-0001");
        var stale = await _host.Tg.WaitForCallbackAnswerAsync(_host.Tg.PressCallbackData(_pm, start, "rnd:1:status:done"));

        Assert.StartsWith("📊 Новый отчёт клиенту. Выберите клиента", start.Text);
        Assert.Equal("Отметьте хотя бы один проект или нажмите «Все проекты».", nothingTicked.Text);
        Assert.Equal("Собираю отчёт: ООО «Ромашка», PRJ-0001, 01.11.2026–30.11.2026.", _host.Latest(start));
        Assert.Equal("""
            📊 Отчёт ОТЧ-2026-0001 · черновик
            ООО «Ромашка» · 01.11.2026–30.11.2026 · PRJ-0001
            Фильтр: Дизайн, Контент · задачи: завершённые
            Задач: 2 · часов: 9
            К оплате: 9 ч — 24 500,00 ₽
            Сумма: 24 500,00 ₽
            НДС 22% сверху: 5 390,00 ₽
            Итого: 29 890,00 ₽
            """, card.Text!.Plain());
        Assert.Equal("Эта кнопка устарела.", stale.Text);
        var report = (await _host.Get<IBillingReportStore>().FindByNumberAsync("ОТЧ-2026-0001", default))!;
        Assert.Equal(["design", "content"], report.WorkTypes);
        Assert.Equal([ProjectTaskState.Done], report.TaskStates);
        Assert.Single(await _host.Get<IBillingReportStore>().AllAsync(default));
        Assert.Null(await _host.Get<IConversationStore>().GetAsync(_pm.PrivateChat.Id, _pm.Id, default));
    }

    [Fact]
    public async Task Unknown_client_client_without_projects_odd_dates_and_an_empty_period_are_answered_and_change_nothing()
    {
        var lonely = ClientSamples.Romashka();
        lonely.LegalName = "ООО «Лютик»";
        lonely.Inn = "7701234560";
        await _host.ClientAsync(lonely);
        var review = await _host.TaskAsync(_project.Id, 4);
        review.State = ProjectTaskState.ClientReview;
        Assert.True(await _host.Get<IProjectTaskStore>().TryUpdateAsync(review, default));

        await _host.SaysAsync(_pm, "/report new");
        var unknown = await _host.SaysAsync(_pm, "Василёк");
        var picked = await _host.SaysAsync(_pm, "Лютик");
        await _host.PressWhenShownAsync(_pm, picked, "ООО «Лютик»");
        var noProjects = await _host.CardAsync(_pm.PrivateChat, "У клиента");
        var romashka = await _host.SaysAsync(_pm, "7730123456");
        await _host.PressWhenShownAsync(_pm, romashka, "ООО «Ромашка»");
        await _host.PressWhenShownAsync(_pm, romashka, "📁 Все проекты");
        var odd = await _host.SaysAsync(_pm, "31.11.2026-01.12.2026");
        var backwards = await _host.SaysAsync(_pm, "30.11.2026-01.11.2026");
        var october = await _host.SaysAsync(_pm, "01.10.2026-31.10.2026");
        await _host.PressWhenShownAsync(_pm, october, "🧰 Все виды работ");
        await _host.PressWhenShownAsync(_pm, october, "✅+👀 И на согласовании у клиента");
        var empty = await _host.CardAsync(_pm.PrivateChat, "За 01.10.2026–31.10.2026");
        var again = await _host.CardAsync(_pm.PrivateChat, "Проекты: PRJ-0001. За какой период?", after: empty.MessageId);
        var november = await _host.SaysAsync(_pm, "11.2026");
        await _host.PressWhenShownAsync(_pm, november, "Далее ➡️");
        await _host.PressWhenShownAsync(_pm, november, "✅+👀 И на согласовании у клиента");
        var card = await _host.CardAsync(_pm.PrivateChat, "📊 Отчёт ОТЧ-2026-0001");

        Assert.Equal("Клиент «Василёк» не найден. Напишите часть названия или ИНН.", unknown.Text);
        Assert.Equal("Выберите клиента:", picked.Text);
        Assert.Equal("У клиента ООО «Лютик» нет проектов — отчитываться не о чем. Выберите другого клиента.", noProjects.Text);
        Assert.StartsWith("Период «31.11.2026-01.12.2026» не понят.", odd.Text);
        Assert.StartsWith("Период «30.11.2026-01.11.2026» не понят.", backwards.Text);
        Assert.StartsWith("Период: 01.10.2026–31.10.2026. Виды работ", october.Text);
        Assert.Equal("За 01.10.2026–31.10.2026 нет завершённых задач с часами, которые ещё не вошли в другой отчёт.", empty.Text);
        Assert.Contains(again.Buttons, b => b.Text == "Прошлый месяц (10.2026)");
        Assert.Contains("Фильтр: все виды работ · задачи: завершённые, на согласовании у клиента", card.Text);
        Assert.Contains("Задач: 4 · часов: 11,5", card.Text);
        Assert.Single(await _host.Get<IBillingReportStore>().AllAsync(default));
    }

    [Fact]
    public async Task A_task_that_lacks_a_rate_is_listed_and_the_report_cannot_be_sent()
    {
        await _host.SaysAsync(_pm, "/billable PRJ-0001#1 да бриф оплачивает клиент");
        var card = await _host.SaysAsync(_pm, "/report new PRJ-0001 11.2026");

        var refused = await _host.PressWhenShownAsync(_pm, card, "📤 Отправить клиенту");

        Assert.Contains("⚠️ Нет ставки — отчёт не отправить, пока её нет в файле организации:\n  • PRJ-0001#1 Бриф и стратегия (Внутренние работы, internal)", card.Text);
        Assert.Equal("Для части задач нет ставки — отчёт не отправить. Добавьте ставку в файл организации (billing: rates) или сделайте задачу неоплачиваемой.", refused.Text);
        var report = (await _host.Get<IBillingReportStore>().FindByNumberAsync("ОТЧ-2026-0001", default))!;
        Assert.Equal((ReportStatus.Draft, null), (report.Status, report.PageToken));
    }
}
