using BotPlatform.Core.Audit;
using BotPlatform.Core.Billing;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Projects;
using BotPlatform.Testing;
using BotPlatform.Tests.Projects;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Billing;

/// <summary>
/// The seed path through the real host and the fake Bot API, on both engines: time on six tasks (one bug fix, one
/// internal) -> report -> page -> the client approves in the group -> deal, invoice and act -> /paid in two parts ->
/// report Paid, tasks paid -> the next period's report does not take them. Plus bad input and rights.
/// </summary>
public abstract class InvoicePaymentTests(StorageEngine engine) : IAsyncLifetime
{
    public sealed class LiteDb() : InvoicePaymentTests(StorageEngine.LiteDb);
    public sealed class Postgres() : InvoicePaymentTests(StorageEngine.Postgres);

    private BotHost _host = null!;
    private FakeUser _pm = null!, _client = null!, _chief = null!, _accountant = null!, _office = null!, _designer = null!;
    private FakeChat _group = null!;
    private Project _project = null!;

    public async Task InitializeAsync()
    {
        _host = await BillingArrange.StartAsync(engine);
        _pm = await _host.JoinedAsync("Катя", "pm_kate");
        _designer = await _host.JoinedAsync("Лена", "des_lena");
        _chief = await _host.JoinedAsync("Ольга", "chief_olga_b");
        _accountant = await _host.JoinedAsync("Нина", "acc_nina");
        _office = await _host.JoinedAsync("Вера", "office_vera");
        _client = _host.Tg.CreateUser("Ирина", "irina_romashka");
        (_project, _) = await _host.NovemberWorkAsync();
        // Six tasks with time, all done: #1 internal, #2 and #7 design, #3 and #4 content, #6 a bug fix.
        var publish = await _host.TaskAsync(_project.Id, 4);
        publish.State = ProjectTaskState.Done;
        Assert.True(await _host.Get<IProjectTaskStore>().TryUpdateAsync(publish, default));
        await _host.Get<IProjectTaskStore>().InsertManyAsync(
        [
            new ProjectTask { ProjectId = _project.Id, No = 6, Code = "bug", Title = "Исправить ленту", ExecutorId = publish.ExecutorId, WorkType = "bugfix", Billable = false },
            new ProjectTask { ProjectId = _project.Id, No = 7, Code = "banner", Title = "Баннер", ExecutorId = publish.ExecutorId, WorkType = "design", Billable = true },
        ], default);
        await _host.DoneAsync(_project, 6, (new DateOnly(2026, 11, 23), 2m));
        await _host.DoneAsync(_project, 7, (new DateOnly(2026, 11, 23), 2m));
        _group = _host.Tg.CreateGroup("Ромашка × Агентство", _pm, _client);
        _host.Tg.SendText(_pm, _group, "/link PRJ-0001");
        await _host.CardAsync(_group, "Здравствуйте! Этот чат");
        _host.Tg.SendText(_client, _group, "Здравствуйте!");
        await _host.IdleAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<BillingReport> ReportAsync(string number = "ОТЧ-2026-0001") =>
        _host.Get<IBillingReportStore>().FindByNumberAsync(number, default)!;

    /// <summary>The PM builds and sends the November report; returns the client's message in the group.</summary>
    private async Task<FakeMessage> SentAsync()
    {
        var card = await _host.SaysAsync(_pm, "/report new PRJ-0001 11.2026");
        await _host.CardAsync(_pm.PrivateChat, "Задачи отчёта", after: card.MessageId);
        await _host.PressWhenShownAsync(_pm, card, "📤 Отправить клиенту");
        await _host.CardAsync(_pm.PrivateChat, "📤 Отчёт ОТЧ-2026-0001 отправлен");
        return await _host.CardAsync(_group, "📊 Отчёт о выполненных работах");
    }

    private async Task<BillingReport> InvoicedAsync()
    {
        var message = await SentAsync();
        await _host.PressesAsync(_client, message, "✅ Согласовать отчёт");
        await _host.CardAsync(_pm.PrivateChat, "🧾 Отчёт ОТЧ-2026-0001 согласован");
        await _host.IdleAsync();
        return await ReportAsync();
    }

    [Fact]
    public async Task An_approved_report_is_invoiced_paid_in_two_parts_and_its_tasks_are_never_billed_again()
    {
        var message = await SentAsync();
        var sent = await ReportAsync();
        using var http = _host.CreateClient();
        var page = await http.GetStringAsync($"/r/{sent.PageToken}");

        await _host.PressesAsync(_client, message, "✅ Согласовать отчёт");
        var invoiced = await _host.CardAsync(_pm.PrivateChat, "🧾 Отчёт ОТЧ-2026-0001 согласован");
        var invoicePdf = await _host.CardAsync(_pm.PrivateChat, "Счёт на оплату СЧ-2026-0001");
        var actPdf = await _host.CardAsync(_pm.PrivateChat, "Акт оказанных услуг А-2026-0001");
        var partial = await _host.SaysAsync(_chief, "/paid СЧ-2026-0001 25.11 20 000 руб");
        var pmPartial = await _host.CardAsync(_pm.PrivateChat, "💰 По счёту СЧ-2026-0001");
        var rest = await _host.SaysAsync(_accountant, "/paid сч-2026-0001");
        var pmPaid = await _host.CardAsync(_pm.PrivateChat, "✅ Отчёт ОТЧ-2026-0001 оплачен");
        var office = await _host.CardAsync(_office.PrivateChat, "📬 Счёт СЧ-2026-0001");
        await _host.Get<ITimeEntryStore>().InsertAsync(new TimeEntry
        {
            TaskId = (await _host.TaskAsync(_project.Id, 2)).Id, ProjectId = _project.Id, ClientId = _project.ClientId, WorkType = "design", Billable = true,
            Date = new DateOnly(2026, 12, 1), Hours = 1m, Manual = true,
        }, default);
        var next = await _host.SaysAsync(_pm, "/report new PRJ-0001 12.2026");

        Assert.Contains("15,5", page);
        var digits = System.Text.RegularExpressions.Regex.Replace(page, @"&#x?[0-9A-Fa-f]+;|&nbsp;|\s|\u00A0|\u202F", "");
        Assert.Contains("40870,00", digits);
        Assert.Contains("33500,00", digits);
        Assert.Contains("Исправить ленту", page);
        Assert.Equal("🧾 Отчёт ОТЧ-2026-0001 согласован: создана сделка СДЛ-2026-0001, счёт СЧ-2026-0001 на 40 870,00 ₽ и акт А-2026-0001. Документы — ниже.",
            invoiced.Text!.Plain());
        Assert.EndsWith(".pdf", invoicePdf.Document!.FileName);
        Assert.EndsWith(".pdf", actPdf.Document!.FileName);
        var report = await ReportAsync();
        var deal = (await _host.Get<IDealStore>().FindByNumberAsync("СДЛ-2026-0001", default))!;
        Assert.Equal(
            [("design", 2m, 3000m), ("design", 5m, 3500m), ("content", 5m, 2000m)],
            deal.Lines.Select(l => (l.ServiceCode, l.Quantity, l.Price)).OrderBy(l => l.ServiceCode == "content").ThenBy(l => l.Price));
        var act = (await _host.Get<IDocumentStore>().FindByNumberAsync("А-2026-0001", default))!;
        Assert.Equal(("act", "report_act", deal.Id), (act.Kind, act.TemplateCode, act.DealId));
        Assert.Contains("PRJ-0001#6 | Исправить ленту | Исправление ошибок | 2 | — | 0,00", act.Text);
        Assert.Contains("Задачи по отчёту ОТЧ-2026-0001", act.Text);
        Assert.Equal("💰 Оплата по счёту СЧ-2026-0001 записана: 20 000,00 ₽ от 25.11.2026. Оплачено 20 000,00 ₽ из 40 870,00 ₽, остаток 20 870,00 ₽.",
            partial.Text!.Plain());
        Assert.Equal("💰 По счёту СЧ-2026-0001 (отчёт ОТЧ-2026-0001) поступила оплата 20 000,00 ₽. Остаток 20 870,00 ₽.", pmPartial.Text!.Plain());
        Assert.Equal("""
            💰 Оплата по счёту СЧ-2026-0001 записана: 20 870,00 ₽ от 25.11.2026. Оплачено 40 870,00 ₽ из 40 870,00 ₽, остаток 0,00 ₽.
            ✅ Счёт СЧ-2026-0001 оплачен полностью (40 870,00 ₽).
            Отчёт ОТЧ-2026-0001 оплачен, его задачи (6) отмечены оплаченными.
            """, rest.Text!.Plain());
        Assert.NotNull(pmPaid);
        Assert.Equal("📬 Счёт СЧ-2026-0001 по отчёту ОТЧ-2026-0001 (ООО «Ромашка») оплачен. Подготовьте, пожалуйста, оригиналы акта А-2026-0001 для клиента.",
            office.Text!.Plain());
        Assert.Equal(ReportStatus.Paid, report.Status);
        Assert.Equal(["СЧ-2026-0001", "А-2026-0001"], new[] { report.Billing!.InvoiceNumber, report.Billing.ActNumber });
        var tasks = await _host.Get<IProjectTaskStore>().ByProjectAsync(_project.Id, default);
        Assert.Equal([1, 2, 3, 4, 6, 7], tasks.Where(t => t.PaidInReportId == report.Id && t.PaidAt is not null).Select(t => t.No).Order());
        var invoice = (await _host.Get<IDocumentStore>().FindByNumberAsync("СЧ-2026-0001", default))!;
        Assert.Equal([20000m, 20870m], invoice.Payments.Select(p => p.Amount));
        var income = await _host.Get<BotPlatform.Core.Finance.Ledger.ILedgerStore>().BySourceAsync("invoice:СЧ-2026-0001", default);
        Assert.Equal([(BotPlatform.Core.Finance.Ledger.LedgerKind.Income, 20000m, (long?)_project.Id), (BotPlatform.Core.Finance.Ledger.LedgerKind.Income, 20870m, _project.Id)],
            income.Select(e => (e.Kind, e.Amount, e.ProjectId)));
        Assert.Equal("За 01.12.2026–31.12.2026 нет завершённых задач с часами, которые ещё не вошли в другой отчёт.", next.Text);
        var audit = await _host.Get<IAuditLog>().ForSubjectAsync("report:ОТЧ-2026-0001", default);
        Assert.Equal([BillingActions.Built, BillingActions.Sent, BillingActions.Approved, InvoicingActions.Invoiced, InvoicingActions.Paid], audit.Select(a => a.Action));
    }

    [Fact]
    public async Task Bad_payments_get_a_clear_answer_and_change_nothing()
    {
        await InvoicedAsync();

        var pm = await _host.SaysAsync(_pm, "/paid СЧ-2026-0001 1000");
        var usage = await _host.SaysAsync(_chief, "/paid");
        var unknown = await _host.SaysAsync(_chief, "/paid СЧ-2026-0099 1000");
        var words = await _host.SaysAsync(_chief, "/paid СЧ-2026-0001 много");
        var zero = await _host.SaysAsync(_chief, "/paid СЧ-2026-0001 0");
        var over = await _host.SaysAsync(_chief, "/paid СЧ-2026-0001 50 000");
        var future = await _host.SaysAsync(_chief, "/paid СЧ-2026-0001 01.12.2027 1000");
        var badDate = await _host.SaysAsync(_chief, "/paid СЧ-2026-0001 31.02.2026 1000");
        var dollars = await _host.SaysAsync(_chief, "/paid СЧ-2026-0001 $100");

        Assert.Equal("Оплаты счетов отмечают главный бухгалтер и бухгалтер.", pm.Text);
        Assert.StartsWith("Оплата счёта: /paid НОМЕР_СЧЁТА", usage.Text);
        Assert.Equal("Счёт «СЧ-2026-0099» не найден в реестре.", unknown.Text);
        Assert.DoesNotContain("invoicing.", words.Text);
        Assert.StartsWith("Сумма должна быть больше нуля.", zero.Text);
        Assert.Equal("Оплата 50 000,00 ₽ больше остатка по счёту СЧ-2026-0001: 40 870,00 ₽. Ничего не записано.", over.Text!.Plain());
        Assert.Equal("Дата оплаты 01.12.2027 ещё не наступила.", future.Text);
        Assert.Equal("Дата «31.02.2026» не понята. Пишите 05.12.2026, 05.12 или «сегодня».", badDate.Text);
        Assert.Equal("Счёт выставлен в RUB, а оплата — в USD.", dollars.Text);
        Assert.Empty((await _host.Get<IDocumentStore>().FindByNumberAsync("СЧ-2026-0001", default))!.Payments);
        Assert.Equal(ReportStatus.Invoiced, (await ReportAsync()).Status);
    }

    [Fact]
    public async Task A_paid_invoice_and_an_annulled_one_take_no_payment()
    {
        await InvoicedAsync();
        var store = _host.Get<IDocumentStore>();

        var paid = await _host.SaysAsync(_chief, "/paid СЧ-2026-0001");
        var again = await _host.SaysAsync(_chief, "/paid СЧ-2026-0001 100");
        var invoice = (await store.FindByNumberAsync("СЧ-2026-0001", default))!;
        invoice.Status = DocumentStatus.Annulled;
        Assert.True(await store.TryUpdateAsync(invoice, default));
        var annulled = await _host.SaysAsync(_chief, "/paid СЧ-2026-0001 100");
        var act = await _host.SaysAsync(_chief, "/paid А-2026-0001");

        Assert.StartsWith("💰 Оплата по счёту СЧ-2026-0001 записана", paid.Text);
        Assert.Equal("Счёт СЧ-2026-0001 уже оплачен полностью.", again.Text);
        Assert.Equal("Счёт СЧ-2026-0001 аннулирован — оплату по нему не записать.", annulled.Text);
        Assert.Equal("Счёт «А-2026-0001» не найден в реестре.", act.Text);
        Assert.Single((await store.FindByNumberAsync("СЧ-2026-0001", default))!.Payments);
    }

    [Fact]
    public async Task Cancelling_a_sent_report_withdraws_the_group_message_and_its_stale_button_changes_nothing()
    {
        var message = await SentAsync();
        var card = _host.Tg.BotMessages(_pm.PrivateChat).First(m => m.Text?.StartsWith("📊 Отчёт ОТЧ-2026-0001", StringComparison.Ordinal) == true);

        await _host.PressWhenShownAsync(_pm, card, "🗑 Отменить отчёт");
        await _host.Tg.WaitUntilAsync(() => _host.Latest(message).Contains("отозван", StringComparison.Ordinal));
        var report = await ReportAsync();
        var stale = await _host.Tg.WaitForCallbackAnswerAsync(_host.Tg.PressCallbackData(_client, message, $"rcl:{report.Id}:ok"));
        var forged = await _host.Tg.WaitForCallbackAnswerAsync(_host.Tg.PressCallbackData(_client, message, "rcl:99x:ok"));

        Assert.EndsWith("🗑 Этот отчёт отозван — согласовывать его не нужно. Если появятся вопросы, напишите нам здесь.", _host.Latest(message));
        Assert.Empty(_host.Tg.Message(_group, message.MessageId).Buttons);
        Assert.Equal("Кнопка устарела: отчёт уже изменился.", stale.Text);
        Assert.False(string.IsNullOrEmpty(forged.Text));
        Assert.Equal(ReportStatus.Cancelled, report.Status);
        Assert.Null(report.Billing);
    }
}
