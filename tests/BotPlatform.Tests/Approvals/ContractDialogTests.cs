using BotPlatform.Core.Approvals;
using BotPlatform.Core.Localization;
using BotPlatform.Testing;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Approvals;

public sealed class ContractDialogTests : IAsyncLifetime
{
    private const string AskFile = "Пришлите файл договора — PDF или DOCX, до 20 МБ.";
    private const string AskComment = "Добавьте комментарий для согласующих или нажмите «Пропустить».";

    private BotHost _host = null!;
    private FakeUser _olga = null!;
    private FakeUser _petr = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync(); // Monday 23.11.2026, 10:00 Moscow
        _olga = await _host.JoinedAsync("Ольга", "emp_olga");
        _petr = await _host.JoinedAsync("Пётр", "lawyer_petr");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_contract_in_pdf_goes_to_the_lawyer()
    {
        var askKind = await _host.SaysAsync(_olga, "/contract");
        var askParty = await _host.PressesForNextAsync(_olga, askKind, "Рамочный договор");
        var askFile = await _host.SaysAsync(_olga, "ООО Ромашка");
        var askComment = await _host.SendsDocumentAsync(_olga, "contract.pdf", FilingSteps.Pdf);
        var card = await _host.PressesForNextAsync(_olga, askComment, "Пропустить");
        var answer = await _host.PressesAsync(_olga, card, "✅ Отправить");
        await _host.Tg.WaitUntilAsync(() => _host.Latest(card).Contains("СД-2026-0001", StringComparison.Ordinal));
        var decision = await _host.Tg.WaitForBotMessageAsync(_petr.PrivateChat, m => m.Buttons.Any());
        await _host.IdleAsync();

        Assert.Equal("📝 Новый договор на согласование. Выйти в любой момент — /cancel.\n\nКакой это документ?", askKind.Text);
        Assert.Equal(["Рамочный договор", "Правки рамочного договора", "Спецификация", "Дополнительное соглашение"],
            askKind.Buttons.Select(b => b.Text));
        Assert.Equal("Вид документа: Рамочный договор", _host.Latest(askKind));
        Assert.Equal("С кем договор? Напишите название контрагента.", askParty.Text);
        Assert.True(askParty.ForceReply);
        Assert.Equal(AskFile, askFile.Text);
        Assert.Equal(AskComment, askComment.Text);
        Assert.Equal(
            "Проверьте договор перед отправкой:\n\nВид документа: Рамочный договор\nКонтрагент: ООО Ромашка\n"
            + "Файл договора: contract.pdf\nКомментарий: —",
            card.Text);
        Assert.Equal("Отправлено: СД-2026-0001", answer.Text);
        Assert.StartsWith("✅ Заявка СД-2026-0001 отправлена на согласование.", _host.Latest(card), StringComparison.Ordinal);
        var sent = _host.Tg.Messages(_olga.PrivateChat).Single(m => !m.IsFromBot && m.Document is not null);
        var resent = _host.Tg.BotMessages(_petr.PrivateChat).Single(m => m.Document is not null);
        Assert.Equal(sent.Document!.FileId, resent.Document!.FileId);
        Assert.Contains("Согласование договора СД-2026-0001", decision.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Сумма", decision.Text, StringComparison.Ordinal);
        Assert.Equal(
            [ApprovalTexts.ApproveButton.In(Lang.Ru), ApprovalTexts.RejectButton.In(Lang.Ru), ApprovalTexts.FreezeButton.In(Lang.Ru),
                ApprovalTexts.RequestDocumentsButton.In(Lang.Ru)],
            decision.Buttons.Select(b => b.Text));
        var request = await _host.Get<IApprovalStore>().FindByNumberAsync("СД-2026-0001", default);
        Assert.Equal((RequestKind.Contract, "framework_contract", null), (request?.Kind, request?.DocumentKind, request?.Amount));
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task A_text_file_is_refused_and_the_file_is_asked_again()
    {
        var askKind = await _host.SaysAsync(_olga, "/contract");
        await _host.PressesForNextAsync(_olga, askKind, "Спецификация");
        await _host.SaysAsync(_olga, "ООО Ромашка");

        var problem = await _host.SendsDocumentAsync(_olga, "contract.txt", "Договор"u8.ToArray(), "text/plain");
        var askedAgain = await _host.NextAfterAsync(_olga, problem);
        var next = await _host.SendsDocumentAsync(_olga, "contract.docx", [0x50, 0x4B, 0x03, 0x04], FilingSteps.DocxMime);

        Assert.Equal("Нужен файл PDF или DOCX.", problem.Text);
        Assert.Equal(AskFile, askedAgain.Text);
        Assert.Equal(AskComment, next.Text);
    }

    [Fact]
    public async Task Typing_instead_of_picking_the_document_kind_asks_to_pick_with_a_button()
    {
        await _host.SaysAsync(_olga, "/contract");

        var problem = await _host.SaysAsync(_olga, "договор");
        var askedAgain = await _host.NextAfterAsync(_olga, problem);

        Assert.Equal("Выберите вид документа кнопкой.", problem.Text);
        Assert.Equal("Какой это документ?", askedAgain.Text);
        Assert.Equal(4, askedAgain.Buttons.Count());
    }

    [Fact]
    public async Task Edit_field_changes_the_document_kind_and_returns_to_the_confirmation()
    {
        var askKind = await _host.SaysAsync(_olga, "/contract");
        await _host.PressesForNextAsync(_olga, askKind, "Рамочный договор");
        await _host.SaysAsync(_olga, "ООО Ромашка");
        var askComment = await _host.SendsDocumentAsync(_olga, "contract.pdf", FilingSteps.Pdf);
        var card = await _host.SaysAsync(_olga, "Новая редакция");

        await _host.PressesAsync(_olga, card, "✏️ Изменить поле");
        var fields = await _host.WithButtonAsync(card, "Вид документа");
        var askKindAgain = await _host.PressesForNextAsync(_olga, fields, "Вид документа");
        var newCard = await _host.PressesForNextAsync(_olga, askKindAgain, "Спецификация");

        Assert.Equal(AskComment, askComment.Text);
        Assert.Equal(["Вид документа", "Контрагент", "Файл договора", "Комментарий", "↩️ Назад"], fields.Buttons.Select(b => b.Text));
        Assert.Equal(
            "Проверьте договор перед отправкой:\n\nВид документа: Спецификация\nКонтрагент: ООО Ромашка\n"
            + "Файл договора: contract.pdf\nКомментарий: Новая редакция",
            newCard.Text);
    }
}
