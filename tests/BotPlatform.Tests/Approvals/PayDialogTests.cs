using BotPlatform.Core.Approvals;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Testing;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Approvals;

public sealed class PayDialogTests : IAsyncLifetime
{
    private const string AskAmount = "Какая сумма к оплате? Например: 150 000,50 или $1,200.";
    private const string AskCostItem = "Выберите статью расходов:";
    private const string AskDueDate =
        "До какого числа нужно оплатить? Например: 30.11 или 30.11.2026. Если срока нет — нажмите «Пропустить».";
    private const string AskInvoice = "Пришлите счёт — документом или фото, до 20 МБ.";
    private const string AskComment = "Добавьте комментарий для согласующих или нажмите «Пропустить».";
    private const string Submit = "✅ Отправить";
    private const string Stale = "Эта кнопка устарела.";

    private BotHost _host = null!;
    private FakeUser _olga = null!;
    private FakeUser _igor = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync(); // Monday 23.11.2026, 10:00 Moscow
        _olga = await _host.JoinedAsync("Ольга", "emp_olga");
        _igor = await _host.JoinedAsync("Игорь", "head_igor");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_payment_request_is_asked_step_by_step_and_shown_for_confirmation()
    {
        var chat = _olga.PrivateChat;

        var askPayee = await _host.SaysAsync(_olga, "/pay");
        var askAmount = await _host.SaysAsync(_olga, "ООО Ромашка");
        var askCostItem = await _host.SaysAsync(_olga, "150 000,50");
        var askDue = await _host.PressesForNextAsync(_olga, askCostItem, "Реклама");
        var askInvoice = await _host.SaysAsync(_olga, "30.11");
        var askComment = await _host.SendsDocumentAsync(_olga, "invoice.pdf", FilingSteps.Pdf);
        var card = await _host.SaysAsync(_olga, "Оплата по договору №7");

        Assert.Equal("📝 Новая заявка на оплату. Выйти в любой момент — /cancel.\n\nКому платим? Напишите название контрагента.", askPayee.Text);
        Assert.True(askPayee.ForceReply);
        Assert.Equal(AskAmount, askAmount.Text);
        Assert.True(askAmount.ForceReply);
        Assert.Equal(AskCostItem, askCostItem.Text);
        Assert.Equal(["Реклама", "Подрядчики", "Программное обеспечение", "Офис и хозяйство", "Прочее"],
            askCostItem.Buttons.Select(b => b.Text));
        Assert.Equal("Статья расходов: Реклама", _host.Latest(askCostItem));
        Assert.Empty(_host.Tg.Message(chat, askCostItem.MessageId).Buttons);
        Assert.Equal(AskDueDate, askDue.Text);
        Assert.Equal(["Пропустить"], askDue.Buttons.Select(b => b.Text));
        Assert.Equal(AskInvoice, askInvoice.Text);
        Assert.Equal(AskComment, askComment.Text);
        Assert.Equal(
            "Проверьте заявку на оплату:\n\nКонтрагент: ООО Ромашка\nСумма: 150\u00A0000,50\u00A0₽\nСтатья расходов: Реклама\n"
            + "Оплатить до: 30.11.2026\nСчёт: invoice.pdf\nКомментарий: Оплата по договору №7",
            card.Text);
        Assert.Equal([Submit, "✏️ Изменить поле", "✖️ Отменить"], card.Buttons.Select(b => b.Text));
        Assert.All(card.Buttons, b => Assert.StartsWith("pay:", b.CallbackData, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submit_files_the_request_and_the_department_head_gets_the_invoice_and_the_decision_card()
    {
        var card = await _host.FillsPaymentAsync(_olga);

        var answer = await _host.PressesAsync(_olga, card, Submit);
        await _host.Tg.WaitUntilAsync(() => _host.Latest(card).Contains("ЗО-2026-0001", StringComparison.Ordinal));
        var decision = await _host.Tg.WaitForBotMessageAsync(_igor.PrivateChat, m => m.Buttons.Any());
        await _host.IdleAsync();

        Assert.Equal("Отправлено: ЗО-2026-0001", answer.Text);
        Assert.StartsWith("✅ Заявка ЗО-2026-0001 отправлена на согласование.", _host.Latest(card), StringComparison.Ordinal);
        var sent = _host.Tg.Messages(_olga.PrivateChat).Single(m => !m.IsFromBot && m.Document is not null);
        var resent = _host.Tg.BotMessages(_igor.PrivateChat).Single(m => m.Document is not null);
        Assert.Equal((sent.Document!.FileId, "invoice.pdf"), (resent.Document!.FileId, resent.Caption));
        Assert.True(resent.MessageId < decision.MessageId);
        Assert.Contains("Заявка на оплату ЗО-2026-0001", decision.Text, StringComparison.Ordinal);
        Assert.Contains("Сумма: 150\u00A0000,00\u00A0₽", decision.Text, StringComparison.Ordinal);
        Assert.Equal(
            [ApprovalTexts.ApproveButton.In(Lang.Ru), ApprovalTexts.RejectButton.In(Lang.Ru), ApprovalTexts.FreezeButton.In(Lang.Ru),
                ApprovalTexts.RequestDocumentsButton.In(Lang.Ru)],
            decision.Buttons.Select(b => b.Text));
        Assert.Null(await _host.Get<IConversationStore>().GetAsync(_olga.Id, _olga.Id, default));
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task A_second_request_gets_the_next_number()
    {
        var first = await _host.FillsPaymentAsync(_olga);
        await _host.PressesAsync(_olga, first, Submit);
        await _host.Tg.WaitUntilAsync(() => _host.Latest(first).Contains("ЗО-2026-0001", StringComparison.Ordinal));

        var second = await _host.FillsPaymentAsync(_olga, amount: "2 500", due: null);
        var answer = await _host.PressesAsync(_olga, second, Submit);
        await _host.Tg.WaitUntilAsync(() => _host.Latest(second).Contains("ЗО-2026-0002", StringComparison.Ordinal));
        await _host.IdleAsync();

        Assert.Equal("Отправлено: ЗО-2026-0002", answer.Text);
        Assert.Contains("Сумма: 2\u00A0500,00\u00A0₽", _host.Latest(second), StringComparison.Ordinal);
        Assert.Equal(2, _host.Tg.BotMessages(_igor.PrivateChat).Count(m => m.Buttons.Any()));
        _host.AssertNoInvalidCalls();
    }

    [Theory]
    [InlineData("150000", "150\u00A0000,00\u00A0₽")]
    [InlineData("150 000,50", "150\u00A0000,50\u00A0₽")]
    [InlineData("150 000.50 руб", "150\u00A0000,50\u00A0₽")]
    [InlineData("$1,200.00", "1\u00A0200,00\u00A0$")]
    public async Task Each_accepted_amount_form_shows_formatted_on_the_card(string typed, string shown)
    {
        var card = await _host.FillsPaymentAsync(_olga, amount: typed);

        Assert.Contains("\nСумма: " + shown + "\n", card.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "Сумма должна быть больше нуля. Напишите, например: 150 000,50")]
    [InlineData("-5", "Сумма не может быть отрицательной. Напишите её без минуса, например: 150 000,50")]
    [InlineData("abc", "Не понимаю сумму «abc». Напишите одно число и, если нужно, валюту, например: 150 000,50 или 1 200 $")]
    [InlineData("1,2345", "После запятой — не больше двух цифр (копейки). Напишите, например: 150 000,50")]
    public async Task A_wrong_amount_gets_its_own_answer_and_the_amount_is_asked_again(string typed, string expected)
    {
        await _host.PayDialogAtAsync(_olga, "amount");

        var problem = await _host.SaysAsync(_olga, typed);
        var askedAgain = await _host.NextAfterAsync(_olga, problem);
        var next = await _host.SaysAsync(_olga, "150000");

        Assert.Equal(expected, problem.Text);
        Assert.Equal(AskAmount, askedAgain.Text);
        Assert.True(askedAgain.ForceReply);
        Assert.Equal(AskCostItem, next.Text);
    }

    [Theory]
    [InlineData("31.02", "Не понял дату «31.02». Напишите, например, 25.11, 25.11.2026 или «завтра».")]
    [InlineData("вчерашний", "Не понял дату «вчерашний». Напишите, например, 25.11, 25.11.2026 или «завтра».")]
    [InlineData("20.11.2026", "Дата оплаты уже прошла. Укажите сегодняшнюю или будущую.")]
    public async Task A_wrong_due_date_gets_its_own_answer_and_the_date_is_asked_again(string typed, string expected)
    {
        await _host.PayDialogAtAsync(_olga, "due");

        var problem = await _host.SaysAsync(_olga, typed);
        var askedAgain = await _host.NextAfterAsync(_olga, problem);
        var next = await _host.SaysAsync(_olga, "завтра");

        Assert.Equal(expected, problem.Text);
        Assert.Equal(AskDueDate, askedAgain.Text);
        Assert.Equal(["Пропустить"], askedAgain.Buttons.Select(b => b.Text));
        Assert.Equal(AskInvoice, next.Text);
    }

    [Fact]
    public async Task Typing_instead_of_picking_a_cost_item_asks_to_pick_with_a_button()
    {
        var question = await _host.PayDialogAtAsync(_olga, "cost");

        var problem = await _host.SaysAsync(_olga, "реклама");
        var askedAgain = await _host.NextAfterAsync(_olga, problem);
        var next = await _host.PressesForNextAsync(_olga, askedAgain, "Подрядчики");

        Assert.Equal("Выберите статью кнопкой.", problem.Text);
        Assert.Equal(AskCostItem, askedAgain.Text);
        Assert.Equal(question.Buttons.Select(b => b.Text), askedAgain.Buttons.Select(b => b.Text));
        Assert.Equal(AskDueDate, next.Text);
    }

    [Fact]
    public async Task An_invoice_over_20_megabytes_is_refused_with_its_size()
    {
        await _host.PayDialogAtAsync(_olga, "file");

        var problem = await _host.SendsDocumentAsync(_olga, "scan.pdf", new byte[30 * 1024 * 1024]);
        var askedAgain = await _host.NextAfterAsync(_olga, problem);
        var next = await _host.SendsDocumentAsync(_olga, "invoice.pdf", FilingSteps.Pdf);

        Assert.Equal("Файл слишком большой (30 МБ). Максимум — 20 МБ; сожмите его или пришлите PDF.", problem.Text);
        Assert.Equal(AskInvoice, askedAgain.Text);
        Assert.Equal(AskComment, next.Text);
    }

    [Fact]
    public async Task A_sticker_or_text_instead_of_the_invoice_is_refused()
    {
        await _host.PayDialogAtAsync(_olga, "file");

        var sticker = await _host.SendsStickerAsync(_olga);
        var askedAgain = await _host.NextAfterAsync(_olga, sticker);
        var text = await _host.SaysAsync(_olga, "счёт пришлю потом");
        await _host.NextAfterAsync(_olga, text);
        var next = await _host.SendsDocumentAsync(_olga, "invoice.pdf", FilingSteps.Pdf);

        Assert.Equal("Нужен файл: пришлите документ или фото.", sticker.Text);
        Assert.Equal(AskInvoice, askedAgain.Text);
        Assert.Equal("Нужен файл: пришлите документ или фото.", text.Text);
        Assert.Equal(AskComment, next.Text);
    }

    [Fact]
    public async Task A_photo_of_the_invoice_is_taken_and_re_sent_as_a_photo()
    {
        await _host.PayDialogAtAsync(_olga, "file");

        var askComment = await _host.SendsPhotoAsync(_olga, FilingSteps.Png);
        var card = await _host.PressesForNextAsync(_olga, askComment, "Пропустить");
        await _host.PressesAsync(_olga, card, Submit);
        var decision = await _host.Tg.WaitForBotMessageAsync(_igor.PrivateChat, m => m.Buttons.Any());

        Assert.Contains("\nСчёт: photo.jpg\n", card.Text, StringComparison.Ordinal);
        var sent = _host.Tg.Messages(_olga.PrivateChat).Single(m => m.Photo is not null);
        var resent = _host.Tg.BotMessages(_igor.PrivateChat).Single(m => m.Photo is not null);
        Assert.Equal(sent.Photo!.FileId, resent.Photo!.FileId);
        Assert.True(resent.MessageId < decision.MessageId);
    }

    [Fact]
    public async Task The_dialog_continues_where_it_was_after_a_restart()
    {
        var costQuestion = await _host.PayDialogAtAsync(_olga, "cost");

        await _host.RestartAsync();
        var askDue = await _host.PressesForNextAsync(_olga, costQuestion, "Подрядчики");
        await _host.RestartAsync();
        var askInvoice = await _host.SaysAsync(_olga, "01.12.2026");
        var askComment = await _host.SendsDocumentAsync(_olga, "invoice.pdf", FilingSteps.Pdf);
        await _host.RestartAsync();
        var card = await _host.PressesForNextAsync(_olga, askComment, "Пропустить");

        Assert.Equal(AskDueDate, askDue.Text);
        Assert.Equal(AskInvoice, askInvoice.Text);
        Assert.Equal(
            "Проверьте заявку на оплату:\n\nКонтрагент: ООО Ромашка\nСумма: 150\u00A0000,00\u00A0₽\nСтатья расходов: Подрядчики\n"
            + "Оплатить до: 01.12.2026\nСчёт: invoice.pdf\nКомментарий: —",
            card.Text);
    }

    [Fact]
    public async Task Edit_field_changes_the_amount_and_returns_straight_to_the_confirmation()
    {
        var card = await _host.FillsPaymentAsync(_olga, due: null);

        await _host.PressesAsync(_olga, card, "✏️ Изменить поле");
        var fields = await _host.WithButtonAsync(card, "Сумма");
        var askAmount = await _host.PressesForNextAsync(_olga, fields, "Сумма");
        var newCard = await _host.SaysAsync(_olga, "200 000");
        await _host.PressesAsync(_olga, newCard, Submit);
        var decision = await _host.Tg.WaitForBotMessageAsync(_igor.PrivateChat, m => m.Buttons.Any());
        await _host.IdleAsync();

        Assert.Equal(
            ["Контрагент", "Сумма", "Статья расходов", "Срок оплаты", "Счёт", "Комментарий", "↩️ Назад"],
            fields.Buttons.Select(b => b.Text));
        Assert.EndsWith("Что изменить?", fields.Text, StringComparison.Ordinal);
        Assert.Equal(AskAmount, askAmount.Text);
        Assert.Equal(
            "Проверьте заявку на оплату:\n\nКонтрагент: ООО Ромашка\nСумма: 200\u00A0000,00\u00A0₽\nСтатья расходов: Реклама\n"
            + "Оплатить до: без срока\nСчёт: invoice.pdf\nКомментарий: —",
            newCard.Text);
        Assert.Empty(_host.Tg.Message(_olga.PrivateChat, card.MessageId).Buttons);
        Assert.Contains("Сумма: 200\u00A0000,00\u00A0₽", decision.Text, StringComparison.Ordinal);
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task Back_from_the_field_list_shows_the_confirmation_buttons_again()
    {
        var card = await _host.FillsPaymentAsync(_olga);

        await _host.PressesAsync(_olga, card, "✏️ Изменить поле");
        var fields = await _host.WithButtonAsync(card, "↩️ Назад");
        await _host.PressesAsync(_olga, fields, "↩️ Назад");
        var again = await _host.WithButtonAsync(card, Submit);

        Assert.Equal(card.Text, again.Text);
        Assert.Equal(card.Buttons, again.Buttons);
    }

    [Fact]
    public async Task Cancel_command_mid_dialog_leaves_it_and_its_buttons_go_stale()
    {
        var costQuestion = await _host.PayDialogAtAsync(_olga, "cost");

        var cancelled = await _host.SaysAsync(_olga, "/cancel");
        var stale = await _host.PressesAsync(_olga, costQuestion, "Реклама");
        var after = await _host.SaysAsync(_olga, "150000");
        await _host.IdleAsync();

        Assert.Equal("Отменено.", cancelled.Text);
        Assert.Equal(Stale, stale.Text);
        Assert.Equal(0, _host.Tg.Message(_olga.PrivateChat, costQuestion.MessageId).EditCount);
        Assert.Equal("Не понял сообщение. Список команд — /help.", after.Text);
        Assert.Empty(await _host.Get<IApprovalStore>().SearchAsync("Ромашка", 10, default));
    }

    [Fact]
    public async Task Cancel_button_closes_the_card_and_a_later_press_of_its_buttons_is_out_of_date()
    {
        var card = await _host.FillsPaymentAsync(_olga);
        var submitData = card.Button(Submit)!.CallbackData!;

        var cancelled = await _host.PressesAsync(_olga, card, "✖️ Отменить");
        await _host.Tg.WaitUntilAsync(() => _host.Latest(card).EndsWith("🚫 Отменено — заявка не отправлена.", StringComparison.Ordinal));
        var closed = _host.Tg.Message(_olga.PrivateChat, card.MessageId);
        var stale = await _host.Tg.WaitForCallbackAnswerAsync(_host.Tg.PressCallbackData(_olga, card, submitData));
        await _host.IdleAsync();

        Assert.Equal("🚫 Отменено — заявка не отправлена.", cancelled.Text);
        Assert.Empty(closed.Buttons);
        Assert.Equal(Stale, stale.Text);
        var after = _host.Tg.Message(_olga.PrivateChat, card.MessageId);
        Assert.Equal((closed.Text, closed.EditCount), (after.Text, after.EditCount));
        Assert.Null(await _host.Get<IConversationStore>().GetAsync(_olga.Id, _olga.Id, default));
        Assert.Empty(await _host.Get<IApprovalStore>().SearchAsync("Ромашка", 10, default));
        Assert.DoesNotContain(_host.Tg.BotMessages(_igor.PrivateChat), m => m.Buttons.Any());
    }

    [Fact]
    public async Task A_button_of_a_step_already_answered_is_out_of_date_and_changes_nothing()
    {
        var costQuestion = await _host.PayDialogAtAsync(_olga, "cost");
        var advertising = costQuestion.Button("Реклама")!.CallbackData!;
        await _host.PressesForNextAsync(_olga, costQuestion, "Подрядчики");

        var stale = await _host.Tg.WaitForCallbackAnswerAsync(_host.Tg.PressCallbackData(_olga, costQuestion, advertising));
        var askInvoice = await _host.SaysAsync(_olga, "30.11.2026");
        var askComment = await _host.SendsDocumentAsync(_olga, "invoice.pdf", FilingSteps.Pdf);
        var card = await _host.PressesForNextAsync(_olga, askComment, "Пропустить");

        Assert.Equal(Stale, stale.Text);
        Assert.Equal("Статья расходов: Подрядчики", _host.Latest(costQuestion));
        Assert.Equal(AskInvoice, askInvoice.Text);
        Assert.Contains("\nСтатья расходов: Подрядчики\n", card.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_button_of_an_earlier_dialog_is_out_of_date_in_a_new_one()
    {
        var oldQuestion = await _host.PayDialogAtAsync(_olga, "cost");
        var newQuestion = await _host.PayDialogAtAsync(_olga, "cost");

        var stale = await _host.PressesAsync(_olga, oldQuestion, "Прочее");
        var askDue = await _host.PressesForNextAsync(_olga, newQuestion, "Подрядчики");

        Assert.Equal(Stale, stale.Text);
        Assert.Equal(0, _host.Tg.Message(_olga.PrivateChat, oldQuestion.MessageId).EditCount);
        Assert.Equal("Статья расходов: Подрядчики", _host.Latest(newQuestion));
        Assert.Equal(AskDueDate, askDue.Text);
    }

    [Fact]
    public async Task Typing_at_the_confirmation_asks_to_press_a_button_and_shows_the_card_again()
    {
        var card = await _host.FillsPaymentAsync(_olga);

        var problem = await _host.SaysAsync(_olga, "да");
        var again = await _host.NextAfterAsync(_olga, problem);

        Assert.Equal("Выберите кнопкой под сообщением.", problem.Text);
        Assert.Equal(card.Text, again.Text);
        Assert.Equal(card.Buttons, again.Buttons);
    }

    [Fact]
    public async Task Pay_in_a_group_is_sent_to_the_private_chat()
    {
        var group = _host.Tg.CreateGroup("Продажи", _olga, _igor);

        _host.Tg.SendText(_olga, group, "/pay");
        var answer = await _host.Tg.WaitForBotMessageAsync(group);

        Assert.Equal("Заявки подаются в личном чате с ботом — напишите мне туда.", answer.Text);
        Assert.Null(await _host.Get<IConversationStore>().GetAsync(group.Id, _olga.Id, default));
    }

    [Fact]
    public async Task An_english_speaker_is_asked_in_english()
    {
        var john = await _host.JoinedAsync("John", "eng_john", "en");

        var askPayee = await _host.SaysAsync(john, "/pay");
        var askAmount = await _host.SaysAsync(john, "Acme Ltd");
        var problem = await _host.SaysAsync(john, "abc");
        await _host.NextAfterAsync(john, problem);
        var askCostItem = await _host.SaysAsync(john, "150000");
        var askDue = await _host.PressesForNextAsync(john, askCostItem, "Реклама");
        var askInvoice = await _host.PressesForNextAsync(john, askDue, "Skip");
        var askComment = await _host.SendsDocumentAsync(john, "invoice.pdf", FilingSteps.Pdf);
        var card = await _host.PressesForNextAsync(john, askComment, "Skip");
        await _host.PressesAsync(john, card, "✅ Submit");
        await _host.Tg.WaitUntilAsync(() => _host.Latest(card).Contains("ЗО-2026-0001", StringComparison.Ordinal));
        await _host.IdleAsync();

        Assert.Equal("📝 New payment request. You can leave at any time with /cancel.\n\nWho is the payment for? Type the counterparty's name.",
            askPayee.Text);
        Assert.Equal("What amount is to be paid? For example: 150,000.50 or $1,200.", askAmount.Text);
        Assert.StartsWith("I can't read the amount \"abc\".", problem.Text, StringComparison.Ordinal);
        Assert.Equal("Pick the cost item:", askCostItem.Text);
        Assert.Equal("By which date must it be paid? For example: 30.11 or 30.11.2026. If there is no deadline, press Skip.", askDue.Text);
        Assert.Equal("Send the invoice as a document or a photo, up to 20 MB.", askInvoice.Text);
        Assert.Equal("Add a comment for the approvers, or press Skip.", askComment.Text);
        Assert.Equal(
            "Please check the payment request:\n\nCounterparty: Acme Ltd\nAmount: ₽150,000.00\nCost item: Реклама\n"
            + "Pay by: no deadline\nInvoice: invoice.pdf\nComment: —",
            card.Text);
        Assert.Equal(["✅ Submit", "✏️ Edit a field", "✖️ Cancel"], card.Buttons.Select(b => b.Text));
        Assert.StartsWith("✅ Request ЗО-2026-0001 is submitted for approval.", _host.Latest(card), StringComparison.Ordinal);
        _host.AssertNoInvalidCalls();
    }
}
