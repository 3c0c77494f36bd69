using BotPlatform.Core.Approvals;
using BotPlatform.Core.Audit;
using BotPlatform.Core.People;
using BotPlatform.Testing;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.People;

/// <summary>
/// A leaver's work beyond their open steps: requests on hold at their step, their own requests waiting for
/// documents, the department they headed, and the people whose substitute they were. Run on both engines.
/// </summary>
public abstract class LeaverTests(StorageEngine engine) : IAsyncLifetime
{
    private const string Approve = "✅ Согласовать";
    private BotHost _host = null!;
    private ApprovalPeople _p = null!;

    public sealed class LiteDb() : LeaverTests(StorageEngine.LiteDb);

    public sealed class Postgres() : LeaverTests(StorageEngine.Postgres);

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync(storage: engine);
        _p = await ApprovalPeople.JoinAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Requests_on_hold_at_the_leavers_step_resume_with_the_substitute_and_the_headless_department_is_reported()
    {
        await _host.FilePaymentAsync(_p.Olga);
        await HoldAsync(_p.Igor, "❄️ Заморозить", "Ждём бюджет на декабрь");
        await _host.FilePaymentAsync(_p.Olga, "ООО Лютик");
        await HoldAsync(_p.Igor, "📎 Запросить документы", "Нужен договор");

        var done = await DeactivateAsync("Игорь Начальников", "Мария Финансова");
        var igorSaw = _host.Tg.BotMessages(_p.Igor.PrivateChat).Count;

        Assert.StartsWith("🚪 Игорь Начальников деактивирован(а). Передано: 2 — Мария Финансова.", done.Text, StringComparison.Ordinal);
        Assert.Contains("⚠️ Отдел «Отдел продаж» остался без руководителя", done.Text, StringComparison.Ordinal);
        Assert.Null((await _host.Get<IDepartmentStore>().GetAsync("sales", default))!.Head);
        Assert.Single(_host.BotSaid(_p.Maria, "↪️ Вам передана заявка ЗО-2026-0001 от Игорь Начальников: сейчас она заморожена."));
        Assert.Single(_host.BotSaid(_p.Maria, "↪️ Вам передана заявка ЗО-2026-0002 от Игорь Начальников: сейчас она ждёт документов."));
        foreach (var number in new[] { "ЗО-2026-0001", "ЗО-2026-0002" })
            Assert.Contains(await _host.Get<IAuditLog>().ForSubjectAsync("approval:" + number, default),
                e => e.Action == ApprovalActions.Reassigned && e.Reason == "Игорь Начальников → Мария Финансова");

        // Unfrozen, the first comes back to its step with Maria; the documents bring the second back to her too.
        await _host.PressesAsync(_p.Anna, _host.CardWith(_p.Anna, "🔥 Разморозить"), "🔥 Разморозить");
        await _host.IdleAsync();
        _host.Tg.SendDocument(_p.Olga, _p.Olga.PrivateChat, "dogovor.pdf", "%PDF contract"u8.ToArray(), "application/pdf");
        await _host.Tg.WaitForBotMessageAsync(_p.Olga.PrivateChat, m => m.Text?.Contains("вернулась на шаг") == true);
        await _host.IdleAsync();

        var cards = _host.Tg.BotMessages(_p.Maria.PrivateChat).Where(m => m.Button(Approve) is not null).ToList();
        Assert.Contains(cards, c => c.TextOrCaption!.Contains("ЗО-2026-0001", StringComparison.Ordinal));
        Assert.Contains(cards, c => c.TextOrCaption!.Contains("ЗО-2026-0002", StringComparison.Ordinal));
        Assert.Equal([(await _host.PersonAsync(_p.Maria)).Id], (await _host.RequestAsync("ЗО-2026-0001")).Waiting);
        Assert.Equal(igorSaw, _host.Tg.BotMessages(_p.Igor.PrivateChat).Count);
    }

    [Fact]
    public async Task A_leavers_request_waiting_for_documents_goes_to_the_substitute_who_sends_them()
    {
        await _host.FilePaymentAsync(_p.Olga);
        var olgasCard = _host.CardWith(_p.Olga, "↩️ Отозвать заявку");
        await HoldAsync(_p.Igor, "📎 Запросить документы", "Нужен договор с подрядчиком");

        var done = await DeactivateAsync("Ольга Сотрудникова", "John Smith");
        var ask = await _host.Tg.WaitForBotMessageAsync(_p.John.PrivateChat, m => m.ForceReply);

        Assert.StartsWith("🚪 Ольга Сотрудникова деактивирован(а). Передано: 1 — John Smith.", done.Text, StringComparison.Ordinal);
        Assert.Contains("Нужен договор с подрядчиком", ask.Text, StringComparison.Ordinal);
        Assert.Single(_host.BotSaid(_p.John, "↪️ You are now the initiator of ЗО-2026-0001 instead of Ольга Сотрудникова"));
        Assert.NotNull(_host.CardWith(_p.John, "↩️ Withdraw"));
        Assert.Single(_host.BotSaid(_p.Igor, "↪️ По ЗО-2026-0001: Ольга Сотрудникова больше не работает в организации — документы пришлёт John Smith."));
        Assert.Contains("заявка передана: John Smith", _host.Latest(olgasCard), StringComparison.Ordinal);
        Assert.Empty(_host.Tg.Message(_p.Olga.PrivateChat, olgasCard.MessageId).Buttons);
        Assert.Contains(await _host.Get<IAuditLog>().ForSubjectAsync("approval:ЗО-2026-0001", default),
            e => e.Action == ApprovalActions.Reassigned && e.Reason == "Ольга Сотрудникова → John Smith");

        _host.Tg.SendDocument(_p.John, _p.John.PrivateChat, "contract.pdf", "%PDF contract"u8.ToArray(), "application/pdf");
        await _host.Tg.WaitForBotMessageAsync(_p.John.PrivateChat, m => m.Text?.StartsWith("Thank you!", StringComparison.Ordinal) == true);
        await _host.IdleAsync();

        var request = await _host.RequestAsync("ЗО-2026-0001");
        Assert.Equal(RequestStatus.InProgress, request.Status);
        Assert.Equal((await _host.PersonAsync(_p.John)).Id, request.InitiatorId);
        Assert.Contains("contract.pdf", _host.CardWith(_p.Igor, Approve).TextOrCaption, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_head_who_leaves_hands_the_department_to_a_substitute_from_the_same_department()
    {
        var done = await DeactivateAsync("Игорь Начальников", "Ольга Сотрудникова");
        await _host.FilePaymentAsync(_p.John);

        Assert.Contains("⭐ Руководитель отдела «Отдел продаж» теперь Ольга Сотрудникова.", done.Text, StringComparison.Ordinal);
        Assert.Single(_host.BotSaid(_p.Olga, "⭐ Вы теперь руководитель отдела «Отдел продаж» вместо Игорь Начальников"));
        Assert.Equal("emp_olga", (await _host.Get<IDepartmentStore>().GetAsync("sales", default))!.Head);
        Assert.Contains("ЗО-2026-0001", _host.CardWith(_p.Olga, Approve).TextOrCaption, StringComparison.Ordinal);
        Assert.Contains(await _host.Get<IAuditLog>().ForSubjectAsync("department:sales", default),
            e => e.Action == "department:head" && e.Reason == "Игорь Начальников → Ольга Сотрудникова");
    }

    [Fact]
    public async Task Someone_whose_substitute_leaves_is_told_and_their_step_comes_back_to_them()
    {
        await _host.SaysAsync(_p.Maria, "/away 30.11 @head_igor");
        await _host.FilePaymentAsync(_p.Olga);
        await _host.PressesAsync(_p.Igor, _host.CardWith(_p.Igor, Approve), Approve);
        await _host.IdleAsync();
        var forMaria = _host.BotSaid(_p.Igor, "Вы замещаете: Мария Финансова").Single();

        var done = await DeactivateAsync("Игорь Начальников", "Анна Админова");

        Assert.Contains("↩️ Больше не замещает: Мария Финансова", done.Text, StringComparison.Ordinal);
        Assert.Single(_host.BotSaid(_p.Maria, "↩️ Ваш заместитель Игорь Начальников больше не работает в организации."));
        Assert.Null((await _host.PersonAsync(_p.Maria)).Away);
        Assert.Empty(_host.Tg.Message(_p.Igor.PrivateChat, forMaria.MessageId).Buttons);
        var card = _host.CardWith(_p.Maria, Approve);
        Assert.Contains("ЗО-2026-0001", card.TextOrCaption, StringComparison.Ordinal);
        Assert.Contains(await _host.Get<IAuditLog>().ForSubjectAsync($"person:{(await _host.PersonAsync(_p.Maria)).Id}", default),
            e => e.Action == "away:end" && e.Reason!.EndsWith("left", StringComparison.Ordinal));

        // From now on the step's reminders reach Maria herself.
        var before = _host.BotSaid(_p.Maria, "⏰").Count;
        await _host.AdvanceToAsync(BotHost.DefaultStart.AddHours(5));
        Assert.True(_host.BotSaid(_p.Maria, "⏰").Count > before);
        await _host.PressesAsync(_p.Maria, card, Approve);
        await _host.IdleAsync();
        Assert.Equal("Бухгалтерия", (await _host.RequestAsync("ЗО-2026-0001")).Current!.Title);
    }

    [Fact]
    public async Task A_substitute_who_filed_the_request_does_not_get_its_step_the_ops_manager_does()
    {
        await _host.FilePaymentAsync(_p.Olga);
        await _host.PressesAsync(_p.Igor, _host.CardWith(_p.Igor, Approve), Approve);
        await _host.IdleAsync();

        var done = await DeactivateAsync("Мария Финансова", "Ольга Сотрудникова");

        Assert.StartsWith("🚪 Мария Финансова деактивирован(а). Передано: 1 — Ольга Сотрудникова.", done.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Tg.BotMessages(_p.Olga.PrivateChat), m => m.Button(Approve) is not null);
        var annasCard = _host.CardWith(_p.Anna, Approve);
        Assert.Contains("ЗО-2026-0001", annasCard.TextOrCaption, StringComparison.Ordinal);
        Assert.Equal([(await _host.PersonAsync(_p.Anna)).Id], (await _host.RequestAsync("ЗО-2026-0001")).Waiting);
        Assert.Contains(await _host.Get<IAuditLog>().ForSubjectAsync("approval:ЗО-2026-0001", default),
            e => e.Action == ApprovalActions.Reassigned && e.Reason == "Ольга Сотрудникова → Анна Админова");

        await _host.PressesAsync(_p.Anna, annasCard, Approve);
        await _host.IdleAsync();
        Assert.Equal("Бухгалтерия", (await _host.RequestAsync("ЗО-2026-0001")).Current!.Title);
    }

    [Fact]
    public async Task An_approver_who_inherits_a_request_at_their_own_step_loses_the_buttons_and_the_ops_manager_decides()
    {
        await _host.FilePaymentAsync(_p.Olga);
        var igorsCard = _host.CardWith(_p.Igor, Approve);
        var approveData = igorsCard.Button(Approve)!.CallbackData!;

        await DeactivateAsync("Ольга Сотрудникова", "Руководителю отдела: Игорь Начальников");

        Assert.Single(_host.BotSaid(_p.Igor, "↪️ Теперь вы инициатор заявки ЗО-2026-0001"));
        Assert.Empty(_host.Tg.Message(_p.Igor.PrivateChat, igorsCard.MessageId).Buttons);
        Assert.Contains("Игорь Начальников — инициатор заявки ЗО-2026-0001 и не решает её сам(а)", _host.Latest(igorsCard),
            StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Tg.BotMessages(_p.Igor.PrivateChat), m => m.Button(Approve) is not null);
        Assert.Equal([(await _host.PersonAsync(_p.Anna)).Id], (await _host.RequestAsync("ЗО-2026-0001")).Waiting);

        // The old button, pressed anyway, decides nothing.
        var answer = await _host.Tg.WaitForCallbackAnswerAsync(_host.Tg.PressCallbackData(_p.Igor, igorsCard, approveData));
        Assert.Equal("Это решение не ваше: ЗО-2026-0001 ждёт другого человека.", answer.Text);
        Assert.Equal("Руководитель отдела", (await _host.RequestAsync("ЗО-2026-0001")).Current!.Title);
        await _host.PressesAsync(_p.Anna, _host.CardWith(_p.Anna, Approve), Approve);
        await _host.IdleAsync();
        Assert.Equal("Финансовый менеджер", (await _host.RequestAsync("ЗО-2026-0001")).Current!.Title);
    }

    /// <summary>The approver presses Freeze or Request documents on their latest card and gives the reason.</summary>
    private async Task HoldAsync(FakeUser approver, string button, string reason)
    {
        await _host.PressesAsync(approver, _host.CardWith(approver, button), button);
        await _host.Tg.WaitForBotMessageAsync(approver.PrivateChat, m => m.ForceReply);
        await _host.SaysAsync(approver, reason);
        await _host.IdleAsync();
    }

    /// <summary>The admin deactivates the leaver from their card in /people and hands their work to the substitute.</summary>
    private async Task<FakeMessage> DeactivateAsync(string leaver, string substitute)
    {
        var list = await _host.SaysAsync(_p.Anna, "/people");
        var card = await PressAndSeeAsync(list, leaver, "👤 " + leaver);
        var pick = await PressAndSeeAsync(card, "🚪 Деактивировать", "Кому передать?");
        var done = await PressAndSeeAsync(pick, substitute, "деактивирован");
        await _host.IdleAsync();
        return done;
    }

    private async Task<FakeMessage> PressAndSeeAsync(FakeMessage message, string button, string shows)
    {
        await _host.PressesAsync(_p.Anna, message, button);
        await _host.Tg.WaitUntilAsync(() => _host.Latest(message).Contains(shows, StringComparison.Ordinal));
        return _host.Tg.Message(_p.Anna.PrivateChat, message.MessageId);
    }
}
