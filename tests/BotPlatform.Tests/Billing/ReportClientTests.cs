using BotPlatform.Core.Audit;
using BotPlatform.Core.Billing;
using BotPlatform.Testing;
using BotPlatform.Tests.Projects;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Billing;

/// <summary>The PM sends a draft to the client's group; the client approves it or asks a question; others' presses change nothing.</summary>
public sealed class ReportClientTests : IAsyncLifetime
{
    private BotHost _host = null!;
    private FakeUser _pm = null!, _client = null!, _stranger = null!, _designer = null!;
    private FakeChat _group = null!;

    public async Task InitializeAsync()
    {
        _host = await BillingArrange.StartAsync();
        _pm = await _host.JoinedAsync("Катя", "pm_kate");
        _designer = await _host.JoinedAsync("Лена", "des_lena");
        _client = _host.Tg.CreateUser("Ирина", "irina_romashka");
        _stranger = _host.Tg.CreateUser("Гость", "guest");
        await _host.NovemberWorkAsync();
        _group = _host.Tg.CreateGroup("Ромашка × Агентство", _pm, _designer, _client, _stranger);
        _host.Tg.SendText(_pm, _group, "/link PRJ-0001");
        await _host.CardAsync(_group, "Здравствуйте! Этот чат");
        _host.Tg.SendText(_client, _group, "Здравствуйте!");
        await _host.IdleAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<FakeMessage> SentAsync()
    {
        var card = await _host.SaysAsync(_pm, "/report new PRJ-0001 11.2026");
        await _host.CardAsync(_pm.PrivateChat, "Задачи отчёта", after: card.MessageId);
        await _host.PressWhenShownAsync(_pm, card, "📤 Отправить клиенту");
        await _host.CardAsync(_pm.PrivateChat, "📤 Отчёт ОТЧ-2026-0001 отправлен");
        return await _host.CardAsync(_group, "📊 Отчёт о выполненных работах");
    }

    [Fact]
    public async Task The_client_approves_the_sent_report_in_the_group_and_the_pm_hears_of_it()
    {
        var message = await SentAsync();

        var stranger = await _host.PressesAsync(_stranger, message, "✅ Согласовать отчёт");
        var staff = await _host.PressesAsync(_designer, message, "✅ Согласовать отчёт");
        await _host.PressesAsync(_client, message, "✅ Согласовать отчёт");
        var told = await _host.CardAsync(_pm.PrivateChat, "✅ Ирина согласовал(а) отчёт ОТЧ-2026-0001.");
        var report = (await _host.Get<IBillingReportStore>().FindByNumberAsync("ОТЧ-2026-0001", default))!;
        var again = await _host.Tg.WaitForCallbackAnswerAsync(_host.Tg.PressCallbackData(_client, message, $"rcl:{report.Id}:ok"));

        Assert.Equal(
            "📊 Отчёт о выполненных работах за 01.11.2026–30.11.2026: 10,5 ч, к оплате 29 890,00 ₽. Посмотрите, пожалуйста, подробности по ссылке и согласуйте отчёт или задайте вопрос.",
            message.Text!.Plain());
        Assert.Equal(["📄 Открыть отчёт", "✅ Согласовать отчёт", "✏️ Есть вопросы"], message.Buttons.Select(b => b.Text));
        Assert.Equal($"http://localhost:5000/r/{report.PageToken}", message.Button("📄 Открыть отчёт")!.Url);
        Assert.True(report.PageToken!.Length >= 43, report.PageToken);
        Assert.Equal("Эти кнопки — для представителей клиента и руководителя проекта.", stranger.Text);
        Assert.Equal("Эти кнопки — для представителей клиента и руководителя проекта.", staff.Text);
        Assert.Equal("Кнопка устарела: отчёт уже изменился.", again.Text);
        Assert.NotNull(told);
        Assert.Equal(ReportStatus.Invoiced, report.Status);
        Assert.EndsWith("✅ Отчёт согласован: Ирина. Спасибо!", _host.Latest(message));
        Assert.Equal(["📄 Открыть отчёт"], _host.Tg.Message(_group, message.MessageId).Buttons.Select(b => b.Text));
        var audit = await _host.Get<IAuditLog>().ForSubjectAsync("report:ОТЧ-2026-0001", default);
        Assert.Equal([BillingActions.Built, BillingActions.Sent, BillingActions.Approved, InvoicingActions.Invoiced], audit.Select(a => a.Action));
    }

    [Fact]
    public async Task The_clients_question_reaches_the_pm()
    {
        var message = await SentAsync();

        await _host.PressesAsync(_client, message, "✏️ Есть вопросы");
        var ask = await _host.CardAsync(_group, "Ирина, напишите, пожалуйста, ваш вопрос");
        _host.Tg.Reply(_client, _group, ask, "Почему на макеты 5 часов?");
        var thanks = await _host.CardAsync(_group, "Спасибо! Передали вопрос");
        var pm = await _host.CardAsync(_pm.PrivateChat, "❓ Ирина спрашивает об отчёте ОТЧ-2026-0001:");

        Assert.True(ask.ForceReply);
        Assert.NotNull(thanks);
        Assert.Equal("❓ Ирина спрашивает об отчёте ОТЧ-2026-0001:\nПочему на макеты 5 часов?", pm.Text);
        Assert.Equal(ReportStatus.Sent, (await _host.Get<IBillingReportStore>().FindByNumberAsync("ОТЧ-2026-0001", default))!.Status);
    }

    [Fact]
    public async Task A_report_with_a_task_lacking_a_rate_is_not_sent()
    {
        var card = await _host.SaysAsync(_pm, "/report new PRJ-0001 11.2026");
        await _host.PressWhenShownAsync(_pm, card, "✏️ Задачи");
        var list = await _host.CardAsync(_pm.PrivateChat, "Задачи отчёта ОТЧ-2026-0001: 🗑");
        await _host.PressWhenShownAsync(_pm, list, "💰 PRJ-0001#1");
        await _host.Tg.WaitUntilAsync(() => _host.Latest(card).Contains("Нет ставки", StringComparison.Ordinal));

        var refused = await _host.PressWhenShownAsync(_pm, card, "📤 Отправить клиенту");

        Assert.StartsWith("Для части задач нет ставки — отчёт не отправить.", refused.Text);
        Assert.Equal(ReportStatus.Draft, (await _host.Get<IBillingReportStore>().FindByNumberAsync("ОТЧ-2026-0001", default))!.Status);
        Assert.DoesNotContain(_host.Tg.BotMessages(_group), m => m.Text?.StartsWith("📊", StringComparison.Ordinal) == true);
    }
}
