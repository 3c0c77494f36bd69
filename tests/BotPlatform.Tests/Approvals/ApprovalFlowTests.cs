using BotPlatform.Core.Approvals;
using BotPlatform.Core.Audit;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Approvals;

/// <summary>The seed process end to end: decisions, reasons, tasks, Paid, and what every chat shows.</summary>
public sealed class ApprovalFlowTests : IAsyncLifetime
{
    private const string Approve = "✅ Согласовать";
    private const string Reject = "❌ Отклонить";
    private BotHost _host = null!;
    private ApprovalPeople _p = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync();
        _p = await ApprovalPeople.JoinAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_head_gets_a_card_with_the_invoice_and_all_four_buttons()
    {
        var request = await _host.FilePaymentAsync(_p.Olga);

        var card = _host.CardWith(_p.Igor, Approve);
        Assert.Equal("ЗО-2026-0001", request.Number);
        Assert.Contains("ЗО-2026-0001", card.Text);
        Assert.Contains("Ольга Сотрудникова (Отдел продаж)", card.Text);
        Assert.Contains("150\u00A0000,00\u00A0₽", card.Text);
        Assert.Contains("Реклама", card.Text);
        Assert.Equal(["✅ Согласовать", "❌ Отклонить", "❄️ Заморозить", "📎 Запросить документы"], card.Buttons.Select(b => b.Text));
        Assert.Contains(_host.Tg.BotMessages(_p.Igor.PrivateChat), m => m.Document?.FileName == "invoice.pdf");
        Assert.Single(_host.BotSaid(_p.Olga, "ЗО-2026-0001 отправлена на согласование"));
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task Finance_rejects_only_with_a_reason_and_the_initiator_sees_it()
    {
        await _host.FilePaymentAsync(_p.Olga);
        await _host.PressesAsync(_p.Igor, _host.CardWith(_p.Igor, Approve), Approve);
        await _host.IdleAsync();
        var financeCard = _host.CardWith(_p.Maria, Reject);

        var pressed = await _host.PressesAsync(_p.Maria, financeCard, Reject);
        var question = await _host.Tg.WaitForBotMessageAsync(_p.Maria.PrivateChat, m => m.ForceReply);
        await _host.Tg.WaitForBotMessageAsync(_p.Maria.PrivateChat, m => m.Button("Нет бюджета") is not null);
        var empty = await _host.SaysAsync(_p.Maria, "   ");
        var done = await _host.SaysAsync(_p.Maria, "Счёт выставлен на другое юрлицо");
        await _host.IdleAsync();

        Assert.Equal("Напишите причину отказа: ЗО-2026-0001", pressed.Text);
        Assert.Contains("Почему отклоняете ЗО-2026-0001", question.Text);
        Assert.Equal("Причина не может быть пустой. Напишите её текстом.", empty.Text);
        Assert.Equal("Готово: ЗО-2026-0001", done.Text);
        var told = Assert.Single(_host.BotSaid(_p.Olga, "❌ ЗО-2026-0001 отклонена"));
        Assert.Contains("Мария Финансова", told.Text);
        Assert.Contains("Счёт выставлен на другое юрлицо", told.Text);
        var edited = _host.Latest(financeCard);
        Assert.Contains("❌", edited);
        Assert.Contains("Счёт выставлен на другое юрлицо", edited);
        Assert.Empty(_host.Tg.Message(_p.Maria.PrivateChat, financeCard.MessageId).Buttons);
        Assert.Equal(RequestStatus.Rejected, (await _host.RequestAsync("ЗО-2026-0001")).Status);
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task A_quick_reason_button_rejects_at_once()
    {
        await _host.FilePaymentAsync(_p.Olga);
        await _host.PressesAsync(_p.Igor, _host.CardWith(_p.Igor, Reject), Reject);
        await _host.Tg.WaitForBotMessageAsync(_p.Igor.PrivateChat, m => m.Button("Нет бюджета") is not null);

        await _host.PressesAsync(_p.Igor, _host.CardWith(_p.Igor, "Нет бюджета"), "Нет бюджета");
        await _host.IdleAsync();

        Assert.Contains("Нет бюджета", Assert.Single(_host.BotSaid(_p.Olga, "❌ ЗО-2026-0001 отклонена")).Text);
        Assert.Equal(RequestStatus.Rejected, (await _host.RequestAsync("ЗО-2026-0001")).Status);
    }

    [Fact]
    public async Task Approved_request_is_paid_when_the_payment_is_made_and_the_order_attached()
    {
        await _host.FilePaymentAsync(_p.Olga);
        await _host.PressesAsync(_p.Igor, _host.CardWith(_p.Igor, Approve), Approve);
        await _host.IdleAsync();
        await _host.PressesAsync(_p.Maria, _host.CardWith(_p.Maria, Approve), Approve);
        await _host.IdleAsync();

        var payCard = _host.CardWith(_p.Chief, "✅ Готово");
        var orderCard = _host.CardWith(_p.Nina, "📎 Приложить файл");
        Assert.Contains("Провести оплату", payCard.Text);
        Assert.Contains("Срок: 24.11.2026", payCard.Text);
        await _host.PressesAsync(_p.Chief, payCard, "✅ Готово");
        await _host.IdleAsync();
        Assert.Empty(_host.BotSaid(_p.Olga, "оплачена"));

        await _host.PressesAsync(_p.Nina, orderCard, "📎 Приложить файл");
        await _host.Tg.WaitForBotMessageAsync(_p.Nina.PrivateChat, m => m.ForceReply);
        var refused = await _host.SaysAsync(_p.Nina, "готово");
        _host.Tg.SendDocument(_p.Nina, _p.Nina.PrivateChat, "platezhka.pdf", "%PDF order"u8.ToArray(), "application/pdf");
        await _host.Tg.WaitForBotMessageAsync(_p.Nina.PrivateChat, m => m.Text == "Готово: ЗО-2026-0001");
        await _host.IdleAsync();

        Assert.Equal("Нужен файл: пришлите документ или фото.", refused.Text);
        var request = await _host.RequestAsync("ЗО-2026-0001");
        Assert.Equal(RequestStatus.Paid, request.Status);
        Assert.Contains(request.Files, f => f.Purpose == FilePurpose.PaymentOrder && f.FileName == "platezhka.pdf");
        Assert.Single(_host.BotSaid(_p.Olga, "ЗО-2026-0001 оплачена"));
        Assert.Contains("✅", _host.Latest(orderCard));
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task The_initiator_is_told_each_step_and_what_comes_next()
    {
        await _host.FilePaymentAsync(_p.Olga);

        await _host.PressesAsync(_p.Igor, _host.CardWith(_p.Igor, Approve), Approve);
        await _host.IdleAsync();

        var told = Assert.Single(_host.BotSaid(_p.Olga, "Игорь Начальников: согласовано"));
        Assert.Contains("Далее: «Финансовый менеджер» — Мария Финансова", told.Text);
    }

    [Fact]
    public async Task Every_transition_is_in_the_audit_with_actor_and_step()
    {
        await _host.FilePaymentAsync(_p.Olga);
        await _host.PressesAsync(_p.Igor, _host.CardWith(_p.Igor, Approve), Approve);
        await _host.IdleAsync();

        var audit = await _host.Get<IAuditLog>().ForSubjectAsync("approval:ЗО-2026-0001", default);

        Assert.Equal(["submitted", "approved"], audit.Select(e => e.Action));
        Assert.Equal("Руководитель отдела", audit[1].Step);
        Assert.NotNull(audit[1].ActorId);
    }
}
