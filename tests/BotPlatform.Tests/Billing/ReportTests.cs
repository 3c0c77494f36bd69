using System.Text;
using BotPlatform.Core.Audit;
using BotPlatform.Core.Billing;
using BotPlatform.Core.Projects;
using BotPlatform.Testing;
using BotPlatform.Tests.Projects;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Billing;

/// <summary>/report new through the real host: the draft's card and file, the PM's review, bad input, one report per task.</summary>
public sealed class ReportTests : IAsyncLifetime
{
    private BotHost _host = null!;
    private FakeUser _pm = null!;
    private Project _project = null!;

    private const string Card = """
        📊 Отчёт ОТЧ-2026-0001 · черновик
        ООО «Ромашка» · 01.11.2026–30.11.2026 · PRJ-0001
        Задач: 3 · часов: 10,5
        К оплате: 9 ч — 24 500,00 ₽
        Не оплачивается: 1,5 ч
          • PRJ-0001#1 Бриф и стратегия — 1,5 ч (Внутренние работы)
        Сумма: 24 500,00 ₽
        НДС 22% сверху: 5 390,00 ₽
        Итого: 29 890,00 ₽
        """;

    public async Task InitializeAsync()
    {
        _host = await BillingArrange.StartAsync();
        _pm = await _host.JoinedAsync("Катя", "pm_kate");
        (_project, _) = await _host.NovemberWorkAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>The bot's answer; for a draft, its card (the task file that follows it is waited for too).</summary>
    private async Task<FakeMessage> NewReportAsync(FakeUser who, string args = "PRJ-0001 11.2026")
    {
        var answer = await _host.SaysAsync(who, "/report new " + args);
        if (answer.Text?.StartsWith("📊", StringComparison.Ordinal) == true)
            await _host.CardAsync(_host.Tg.Chat(answer.ChatId), "Задачи отчёта", after: answer.MessageId);
        return answer;
    }

    [Fact]
    public async Task A_draft_prices_each_entry_at_the_rate_of_its_date_lists_unbilled_work_and_adds_vat()
    {
        var card = await NewReportAsync(_pm);
        var file = await _host.CardAsync(_pm.PrivateChat, "Задачи отчёта ОТЧ-2026-0001", after: card.MessageId);

        Assert.Equal(Card, card.Text!.Plain());
        Assert.Equal(["✏️ Задачи", "📤 Отправить клиенту", "🗑 Отменить отчёт"], card.Buttons.Select(b => b.Text));
        Assert.Equal("ОТЧ-2026-0001.csv", file.Document!.FileName);
        var csv = Encoding.UTF8.GetString(file.Document.Content).TrimStart('\uFEFF').Split("\r\n".ToCharArray(), StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            "Задача;Название;Вид работ;Часы;Оплачивается;Ставка;Сумма",
            "PRJ-0001#1;Бриф и стратегия;Внутренние работы;1,5;нет;;0,00",
            "PRJ-0001#2;Макеты постов;Дизайн;5;да;3300,00;16500,00",
            "PRJ-0001#3;Тексты постов;Контент;4;да;2000,00;8000,00",
            "Итого;;;10,5;;;24500,00",
        ], csv);
        var report = (await _host.Get<IBillingReportStore>().FindByNumberAsync("ОТЧ-2026-0001", default))!;
        Assert.Equal((ReportStatus.Draft, card.MessageId), (report.Status, _host.Tg.BotMessages(_pm.PrivateChat).First(m => m.Text?.StartsWith("📊", StringComparison.Ordinal) == true).MessageId));
        Assert.Equal(new ReportTotals(10.5m, 9m, 1.5m, 24500m, 5390m, 29890m), report.Totals());
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_answer_and_builds_nothing()
    {
        var designer = await _host.JoinedAsync("Лена", "des_lena");

        var usage = await _host.SaysAsync(_pm, "/report");
        var month = await NewReportAsync(_pm, "PRJ-0001 13.2026");
        var backwards = await NewReportAsync(_pm, "PRJ-0001 30.11.2026-01.11.2026");
        var unknown = await NewReportAsync(_pm, "PRJ-0099 11.2026");
        var empty = await NewReportAsync(_pm, "PRJ-0001 10.2026");
        var notAllowed = await NewReportAsync(designer);

        Assert.StartsWith("Отчёт по часам: /report new ПРОЕКТЫ ПЕРИОД", usage.Text);
        Assert.StartsWith("Период «13.2026» не понят.", month.Text);
        Assert.StartsWith("Период «30.11.2026-01.11.2026» не понят.", backwards.Text);
        Assert.Equal("Не нашёл «PRJ-0099»: укажите номер проекта (PRJ-0001) или ИНН клиента.", unknown.Text);
        Assert.Equal("За 01.10.2026–31.10.2026 нет завершённых задач с часами, которые ещё не вошли в другой отчёт.", empty.Text);
        Assert.Equal("Отчёты клиентам готовят руководитель проекта, директор, операционный менеджер и администратор.", notAllowed.Text);
        Assert.Empty(await _host.Get<IBillingReportStore>().ByClientAsync(_project.ClientId, default));
    }

    [Fact]
    public async Task A_task_in_a_live_report_is_left_out_of_the_next_one_until_the_report_is_cancelled()
    {
        var card = await NewReportAsync(_pm);
        var director = await _host.JoinedAsync("Сергей", "dir_sergey");

        var second = await NewReportAsync(director, "7730123456 11.2026");
        await _host.PressWhenShownAsync(_pm, card, "🗑 Отменить отчёт");
        await _host.CardAsync(_pm.PrivateChat, "🗑 Отчёт ОТЧ-2026-0001 отменён");
        var third = await NewReportAsync(director, "7730123456 11.2026");

        Assert.Equal("За 01.11.2026–30.11.2026 нет завершённых задач с часами, которые ещё не вошли в другой отчёт.", second.Text);
        await _host.Tg.WaitUntilAsync(() => _host.Latest(card).StartsWith("📊 Отчёт ОТЧ-2026-0001 · отменён", StringComparison.Ordinal));
        Assert.Empty(_host.Tg.Message(_pm.PrivateChat, card.MessageId).Buttons);
        Assert.StartsWith("📊 Отчёт ОТЧ-2026-0002 · черновик", third.Text);
        Assert.Contains("Задач: 3 · часов: 10,5", third.Text);
    }

    [Fact]
    public async Task The_pm_drops_a_task_and_flips_billability_from_the_list_and_each_change_is_audited()
    {
        var card = await NewReportAsync(_pm);
        await _host.PressWhenShownAsync(_pm, card, "✏️ Задачи");
        var list = await _host.CardAsync(_pm.PrivateChat, "Задачи отчёта ОТЧ-2026-0001: 🗑");

        await _host.PressWhenShownAsync(_pm, list, "🗑 PRJ-0001#3");
        await _host.Tg.WaitUntilAsync(() => _host.Tg.Message(_pm.PrivateChat, list.MessageId).Button("🗑 PRJ-0001#3") is null);
        await _host.PressWhenShownAsync(_pm, list, "💰 PRJ-0001#1");
        await _host.Tg.WaitUntilAsync(() => _host.Latest(card).Contains("Нет ставки", StringComparison.Ordinal));
        await _host.Tg.WaitUntilAsync(() => _host.Tg.Message(_pm.PrivateChat, list.MessageId).Button("🚫 PRJ-0001#1") is not null);

        Assert.Equal("""
            📊 Отчёт ОТЧ-2026-0001 · черновик
            ООО «Ромашка» · 01.11.2026–30.11.2026 · PRJ-0001
            Задач: 2 · часов: 6,5
            К оплате: 6,5 ч — 16 500,00 ₽
            Сумма: 16 500,00 ₽
            НДС 22% сверху: 3 630,00 ₽
            Итого: 20 130,00 ₽

            ⚠️ Нет ставки — отчёт не отправить, пока её нет в файле организации:
              • PRJ-0001#1 Бриф и стратегия (Внутренние работы, internal)
            """, _host.Latest(card).Plain());
        Assert.Equal(["🗑 PRJ-0001#1", "🚫 PRJ-0001#1", "🗑 PRJ-0001#2", "🚫 PRJ-0001#2"], _host.Tg.Message(_pm.PrivateChat, list.MessageId).Buttons.Select(b => b.Text));
        var audit = await _host.Get<IAuditLog>().ForSubjectAsync("report:ОТЧ-2026-0001", default);
        Assert.Equal([BillingActions.Built, BillingActions.Dropped, BillingActions.BillabilityChanged], audit.Select(a => a.Action));
        Assert.Equal("PRJ-0001#1: billable", audit[2].Reason);
        var released = await NewReportAsync(_pm);
        Assert.Contains("Задач: 1 · часов: 4", released.Text);
    }

    [Fact]
    public async Task Someone_elses_stale_or_forged_button_changes_nothing()
    {
        var card = await NewReportAsync(_pm);
        var designer = await _host.JoinedAsync("Лена", "des_lena");
        var report = (await _host.Get<IBillingReportStore>().FindByNumberAsync("ОТЧ-2026-0001", default))!;
        var task3 = await _host.TaskAsync(_project.Id, 3);

        var notTheirs = await _host.Tg.WaitForCallbackAnswerAsync(_host.Tg.PressCallbackData(designer, card, $"rpt:{report.Id}:d:{task3.Id}"));
        var forged = await _host.Tg.WaitForCallbackAnswerAsync(_host.Tg.PressCallbackData(_pm, card, $"rpt:{report.Id}:d:99999"));
        var garbage = await _host.Tg.WaitForCallbackAnswerAsync(_host.Tg.PressCallbackData(_pm, card, "rpt:x:d"));
        await _host.PressWhenShownAsync(_pm, card, "🗑 Отменить отчёт");
        await _host.Tg.WaitUntilAsync(() => _host.Latest(card).Contains("отменён", StringComparison.Ordinal));
        var stale = await _host.Tg.WaitForCallbackAnswerAsync(_host.Tg.PressCallbackData(_pm, card, $"rpt:{report.Id}:b:{task3.Id}"));

        Assert.Equal("Отчёты клиентам готовят руководитель проекта, директор, операционный менеджер и администратор.", notTheirs.Text);
        Assert.Equal("Кнопка устарела: отчёт уже изменился.", forged.Text);
        Assert.NotNull(garbage.Text);
        Assert.Equal("Кнопка устарела: отчёт уже изменился.", stale.Text);
        var stored = (await _host.Get<IBillingReportStore>().GetAsync(report.Id, default))!;
        Assert.Equal((ReportStatus.Cancelled, 3), (stored.Status, stored.Lines.Count));
        Assert.Equal([false, true, true], stored.Lines.OrderBy(l => l.TaskNo).Select(l => l.Billable));
    }

    [Fact]
    public async Task The_pm_overrides_a_tasks_billability_with_a_reason_before_it_is_reported()
    {
        var noReason = await _host.SaysAsync(_pm, "/billable PRJ-0001#3 нет");
        var noTask = await _host.SaysAsync(_pm, "/billable PRJ-0001#9 нет ошибка");
        var same = await _host.SaysAsync(_pm, "/billable PRJ-0001#3 да уже");
        var set = await _host.SaysAsync(_pm, "/billable PRJ-0001#3 нет исправление нашей ошибки");
        var card = await NewReportAsync(_pm);
        var reported = await _host.SaysAsync(_pm, "/billable PRJ-0001#3 да передумали");

        Assert.Equal("Оплачиваемость задачи: /billable PRJ-0001#2 нет|да причина — причина обязательна.", noReason.Text);
        Assert.Equal("Задача PRJ-0001#9 не найдена. Пишите так: PRJ-0001#2.", noTask.Text);
        Assert.Equal("Задача и так оплачиваемая.", same.Text);
        Assert.Equal("Задача PRJ-0001#3 · Тексты постов: теперь не оплачиваемая. Причина записана.", set.Text);
        Assert.Contains("Не оплачивается: 5,5 ч", card.Text);
        Assert.Contains("PRJ-0001#3 Тексты постов — 4 ч (Контент)", card.Text);
        Assert.Equal("Задача уже в отчёте ОТЧ-2026-0001: измените её в отчёте.", reported.Text);
        var audit = await _host.Get<IAuditLog>().ForSubjectAsync("project:PRJ-0001#3", default);
        Assert.Equal("not billable: исправление нашей ошибки", Assert.Single(audit, a => a.Action == BillingActions.TaskBillability).Reason);
    }
}
