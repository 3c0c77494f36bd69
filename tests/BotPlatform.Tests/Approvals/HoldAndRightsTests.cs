using BotPlatform.Core.Approvals;
using BotPlatform.Testing;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Approvals;

/// <summary>Freeze, documents, withdrawal, and who may press what: strangers, forged and stale buttons, races.</summary>
public sealed class HoldAndRightsTests : IAsyncLifetime
{
    private const string Approve = "✅ Согласовать";
    private BotHost _host = null!;
    private ApprovalPeople _p = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync();
        _p = await ApprovalPeople.JoinAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_frozen_request_waits_until_the_finance_manager_unfreezes_it_at_the_same_step()
    {
        await _host.FilePaymentAsync(_p.Olga);
        var card = _host.CardWith(_p.Igor, "❄️ Заморозить");

        await _host.PressesAsync(_p.Igor, card, "❄️ Заморозить");
        await _host.Tg.WaitForBotMessageAsync(_p.Igor.PrivateChat, m => m.ForceReply);
        await _host.SaysAsync(_p.Igor, "Ждём решения по бюджету на декабрь");
        await _host.IdleAsync();
        var notice = _host.CardWith(_p.Maria, "🔥 Разморозить");
        var frozen = await _host.RequestAsync("ЗО-2026-0001");
        var stranger = await PressesForgedAsync(_p.Olga, notice.Button("🔥 Разморозить")!.CallbackData!);
        await _host.PressesAsync(_p.Maria, notice, "🔥 Разморозить");
        await _host.IdleAsync();

        Assert.Equal(RequestStatus.Frozen, frozen.Status);
        Assert.Empty(frozen.Waiting);
        Assert.Contains("Ждём решения по бюджету на декабрь", Assert.Single(_host.BotSaid(_p.Olga, "❄️ ЗО-2026-0001 заморожена")).Text);
        Assert.Equal("Разморозить заявку может операционный или финансовый менеджер.", stranger.Text);
        var resumed = await _host.RequestAsync("ЗО-2026-0001");
        Assert.Equal(RequestStatus.InProgress, resumed.Status);
        Assert.Equal("Руководитель отдела", resumed.Current!.Title);
        Assert.NotEqual(card.MessageId, _host.CardWith(_p.Igor, Approve).MessageId);
        Assert.Contains("❄️", _host.Latest(card));
        Assert.Empty(_host.Tg.Message(_p.Maria.PrivateChat, notice.MessageId).Buttons);
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task Requested_documents_bring_the_request_back_to_the_same_step_and_person()
    {
        await _host.FilePaymentAsync(_p.Olga);
        await _host.PressesAsync(_p.Igor, _host.CardWith(_p.Igor, Approve), Approve);
        await _host.IdleAsync();
        var financeCard = _host.CardWith(_p.Maria, "📎 Запросить документы");

        await _host.PressesAsync(_p.Maria, financeCard, "📎 Запросить документы");
        await _host.Tg.WaitForBotMessageAsync(_p.Maria.PrivateChat, m => m.ForceReply);
        await _host.SaysAsync(_p.Maria, "Нужен договор с подрядчиком");
        await _host.IdleAsync();
        var ask = await _host.Tg.WaitForBotMessageAsync(_p.Olga.PrivateChat, m => m.ForceReply);
        var sticker = _host.Tg.SendSticker(_p.Olga, _p.Olga.PrivateChat);
        var refused = await _host.Tg.WaitForBotMessageAsync(_p.Olga.PrivateChat);
        _host.Tg.SendDocument(_p.Olga, _p.Olga.PrivateChat, "dogovor.pdf", "%PDF contract"u8.ToArray(), "application/pdf");
        await _host.Tg.WaitForBotMessageAsync(_p.Olga.PrivateChat, m => m.Text?.Contains("вернулась на шаг") == true);
        await _host.IdleAsync();

        Assert.Contains("Нужен договор с подрядчиком", ask.Text);
        Assert.True(sticker.IsSticker);
        Assert.Equal("Нужен файл: пришлите документ или фото.", refused.Text);
        var request = await _host.RequestAsync("ЗО-2026-0001");
        Assert.Equal(RequestStatus.InProgress, request.Status);
        Assert.Equal("Финансовый менеджер", request.Current!.Title);
        Assert.Contains(request.Files, f => f.FileName == "dogovor.pdf" && f.Purpose == FilePurpose.Requested);
        var again = _host.CardWith(_p.Maria, Approve);
        Assert.NotEqual(financeCard.MessageId, again.MessageId);
        Assert.Contains("dogovor.pdf", again.Text);
        Assert.Contains(_host.Tg.BotMessages(_p.Maria.PrivateChat), m => m.Document?.FileName == "dogovor.pdf");
    }

    [Fact]
    public async Task The_initiator_withdraws_before_the_final_approval_and_every_card_says_so()
    {
        await _host.FilePaymentAsync(_p.Olga);
        var headCard = _host.CardWith(_p.Igor, Approve);
        var status = _host.CardWith(_p.Olga, "↩️ Отозвать заявку");

        var answer = await _host.PressesAsync(_p.Olga, status, "↩️ Отозвать заявку");
        await _host.IdleAsync();
        var stale = await _host.Tg.WaitForCallbackAnswerAsync(
            _host.Tg.PressCallbackData(_p.Igor, headCard, headCard.Button(Approve)!.CallbackData!));

        Assert.Equal("Отозвано: ЗО-2026-0001", answer.Text);
        Assert.Equal(RequestStatus.Withdrawn, (await _host.RequestAsync("ЗО-2026-0001")).Status);
        Assert.Contains("отозвано инициатором", _host.Latest(headCard));
        Assert.Empty(_host.Tg.Message(_p.Igor.PrivateChat, headCard.MessageId).Buttons);
        Assert.Equal("Уже решено: Ольга Сотрудникова (ЗО-2026-0001).", stale.Text);
    }

    [Fact]
    public async Task Withdrawal_is_refused_once_the_request_reaches_accounting()
    {
        await _host.FilePaymentAsync(_p.Olga);
        var status = _host.CardWith(_p.Olga, "↩️ Отозвать заявку");
        await _host.PressesAsync(_p.Igor, _host.CardWith(_p.Igor, Approve), Approve);
        await _host.IdleAsync();
        await _host.PressesAsync(_p.Maria, _host.CardWith(_p.Maria, Approve), Approve);
        await _host.IdleAsync();

        var answer = await _host.Tg.WaitForCallbackAnswerAsync(
            _host.Tg.PressCallbackData(_p.Olga, status, status.Button("↩️ Отозвать заявку")!.CallbackData!));

        Assert.Empty(_host.Tg.Message(_p.Olga.PrivateChat, status.MessageId).Buttons);
        Assert.Equal("ЗО-2026-0001 уже согласована и передана на оплату — отозвать её нельзя.", answer.Text);
    }

    [Fact]
    public async Task A_stranger_pressing_someone_elses_card_is_told_it_is_not_theirs_and_nothing_changes()
    {
        await _host.FilePaymentAsync(_p.Olga);
        var card = _host.CardWith(_p.Igor, Approve);

        var answer = await PressesForgedAsync(_p.John, card.Button(Approve)!.CallbackData!);

        Assert.True(answer.ShowAlert);
        Assert.Equal("This is not yours to decide: ЗО-2026-0001 waits for someone else.", answer.Text);
        Assert.Equal("Руководитель отдела", (await _host.RequestAsync("ЗО-2026-0001")).Current!.Title);
    }

    [Theory]
    [InlineData("ap:999:1:a", "Такой заявки нет.")]
    [InlineData("ap:1:7:a", "Эта кнопка устарела: ЗО-2026-0001 уже на другом шаге.")]
    [InlineData("ap:1:1:zz", "Эта кнопка устарела.")]
    [InlineData("ap:1:1:t:99", "Эта кнопка устарела: ЗО-2026-0001 уже на другом шаге.")]
    [InlineData("ap:x:1:a", "Эта кнопка устарела.")]
    [InlineData("ap:1:1:q:42", "Эта кнопка устарела: — уже на другом шаге.")]
    public async Task Forged_callback_data_is_refused_clearly(string data, string expected)
    {
        await _host.FilePaymentAsync(_p.Olga);
        var card = _host.CardWith(_p.Igor, Approve);

        var answer = await _host.Tg.WaitForCallbackAnswerAsync(_host.Tg.PressCallbackData(_p.Igor, card, data));

        Assert.Equal(expected, answer.Text);
        Assert.Equal(RequestStatus.InProgress, (await _host.RequestAsync("ЗО-2026-0001")).Status);
        Assert.Equal("Руководитель отдела", (await _host.RequestAsync("ЗО-2026-0001")).Current!.Title);
    }

    [Fact]
    public async Task Two_presses_at_the_same_moment_make_one_decision_and_the_second_is_told_who_decided()
    {
        await _host.FilePaymentAsync(_p.Olga);
        var headCard = _host.CardWith(_p.Igor, Approve);
        await _host.PressesAsync(_p.Igor, headCard, Approve);
        await _host.IdleAsync();
        var mariaCard = _host.CardWith(_p.Maria, Approve);
        var annaCard = (await ShowToAsync(_p.Anna, "ЗО-2026-0001"));

        var first = _host.Tg.PressButton(_p.Maria, mariaCard, Approve);
        var second = _host.Tg.PressButton(_p.Anna, annaCard, Approve);
        var answers = new[] { await _host.Tg.WaitForCallbackAnswerAsync(first), await _host.Tg.WaitForCallbackAnswerAsync(second) };
        await _host.IdleAsync();

        var request = await _host.RequestAsync("ЗО-2026-0001");
        Assert.Single(request.History, e => e.Action == ApprovalActions.Approved && e.Step == "Финансовый менеджер");
        Assert.Single(answers, a => a.Text == "Согласовано: ЗО-2026-0001");
        Assert.Single(answers, a => a.Text is "Уже решено: Мария Финансова (ЗО-2026-0001)." or "Уже решено: Анна Админова (ЗО-2026-0001).");
        Assert.Equal(RequestStatus.InProgress, request.Status);
        Assert.Equal(StepKind.Tasks, request.Current!.Kind);
    }

    [Fact]
    public async Task Approving_after_pressing_reject_drops_the_reason_question()
    {
        await _host.FilePaymentAsync(_p.Olga);
        var card = _host.CardWith(_p.Igor, Approve);
        await _host.PressesAsync(_p.Igor, card, "❌ Отклонить");
        await _host.Tg.WaitForBotMessageAsync(_p.Igor.PrivateChat, m => m.Button("Нет бюджета") is not null);

        await _host.PressesAsync(_p.Igor, card, Approve);
        var later = await _host.SaysAsync(_p.Igor, "передумал");

        Assert.Equal("Не понял сообщение. Список команд — /help.", later.Text);
        Assert.Equal("Финансовый менеджер", (await _host.RequestAsync("ЗО-2026-0001")).Current!.Title);
    }

    [Fact]
    public async Task A_stale_button_from_a_passed_step_names_who_decided()
    {
        await _host.FilePaymentAsync(_p.Olga);
        var headCard = _host.CardWith(_p.Igor, Approve);
        await _host.PressesAsync(_p.Igor, headCard, Approve);
        await _host.IdleAsync();

        var again = await _host.Tg.WaitForCallbackAnswerAsync(
            _host.Tg.PressCallbackData(_p.Igor, headCard, headCard.Button(Approve)!.CallbackData!));

        Assert.Equal("Уже решено: Игорь Начальников (ЗО-2026-0001).", again.Text);
        Assert.Single((await _host.RequestAsync("ЗО-2026-0001")).History, e => e.Action == ApprovalActions.Approved);
    }

    /// <summary>The user's client sends callback data of someone else's card (from their own chat: Telegram only lets one press there).</summary>
    private async Task<CallbackAnswerInfo> PressesForgedAsync(FakeUser user, string data)
    {
        var anchor = await _host.SaysAsync(user, "/whoami");
        return await _host.Tg.WaitForCallbackAnswerAsync(_host.Tg.PressCallbackData(user, anchor, data));
    }

    /// <summary>The ops manager opens the request from a digest-style button; it comes with the step's buttons.</summary>
    private async Task<FakeMessage> ShowToAsync(FakeUser user, string number)
    {
        var request = await _host.RequestAsync(number);
        var anchor = await _host.SaysAsync(user, "/whoami");
        _host.Tg.PressCallbackData(user, anchor, ApprovalButtons.Data(request.Id, 0, ApprovalButtons.Show));
        return await _host.Tg.WaitForBotMessageAsync(user.PrivateChat, m => m.Button(Approve) is not null);
    }
}
