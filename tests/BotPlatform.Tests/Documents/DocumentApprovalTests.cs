using System.Text;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Printing;
using BotPlatform.Testing;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Documents;

/// <summary>Approval by kind, the print queue, edits, annulment and the registry's commands, as conversations.</summary>
public sealed class DocumentApprovalTests : IAsyncLifetime
{
    private const string Approve = "✅ Согласовать";
    private BotHost _host = null!;
    private ApprovalPeople _p = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync();
        _p = await (await ApprovalPeople.JoinAsync(_host)).WithContractApproversAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>Design needs a specification: contract Д-2026-0001, specification Д-2026-0001/П-1, invoice СЧ-2026-0001.</summary>
    private async Task GeneratedAsync(string deal = "СДЛ-2026-0001")
    {
        await _host.DealAsync(deal, await _host.ClientAsync(), _p.Olga, VatMode.None, 0, DocumentArrange.Line("design", 10, 3_500m));
        await _host.SaysAsync(_p.Olga, "/generate " + deal, m => m.Text?.Contains("сформированы") == true);
        await _host.IdleAsync();
    }

    private async Task ApproveAsync(FakeUser approver, string number)
    {
        var card = _host.Tg.BotMessages(approver.PrivateChat).Last(m => m.Button(Approve) is not null && m.Text?.Contains(number) == true);
        await _host.PressesAsync(approver, card, Approve);
        await _host.IdleAsync();
    }

    [Fact]
    public async Task A_template_only_contract_skips_approval_and_lands_in_the_print_queue_with_its_copies()
    {
        await GeneratedAsync();

        var answer = await _host.SaysAsync(_p.Olga, "/doc Д-2026-0001 submit", m => m.Text?.StartsWith("📤") == true);
        await _host.IdleAsync();

        Assert.Equal("📤 Договор оказания услуг Д-2026-0001: согласование не требуется, отправлен в печать", answer.Text);
        var doc = await _host.DocAsync("Д-2026-0001");
        Assert.Equal(DocumentStatus.Approved, doc.Status);
        Assert.Null(doc.ApprovalRequestId);
        var job = Assert.Single(await _host.JobsAsync(doc));
        Assert.Equal((PrintJobState.Queued, 2, true, "documents", doc.PdfKey), (job.State, job.Copies, job.Duplex, job.Printer, job.FileKey));
        var pdf = _host.Tg.BotMessages(_p.Olga.PrivateChat).Last(m => m.Document is not null);
        Assert.Equal("Д-2026-0001.pdf", pdf.Document!.FileName);
        Assert.Equal("🖨 Договор оказания услуг Д-2026-0001 отправлен в печать без согласования: текст шаблона (2 экз., двусторонняя).", pdf.Caption);
        var card = await _host.SaysAsync(_p.Olga, "/doc Д-2026-0001", m => m.Text?.StartsWith("📄") == true);
        Assert.Contains("Статус: согласован", card.Text);
        Assert.Contains("Согласование: не требуется — текст шаблона, только реквизиты и позиции", card.Text);
        Assert.Contains("Печать: в очереди, 2 экз., двусторонняя", card.Text);
        Assert.DoesNotContain(_host.Tg.BotMessages(_p.Lawyer!.PrivateChat), m => m.TextOrCaption?.Contains("Д-2026-0001") == true);

        var queue = _host.Get<PrintQueue>();
        var claimed = await queue.ClaimAsync(PrintJob.DocumentsPrinter, "office-1", TimeSpan.FromMinutes(2), default);
        await queue.AckPrintedAsync(claimed!.Id, "office-1", default);
        Assert.Equal(DocumentStatus.Printed, (await _host.DocAsync("Д-2026-0001")).Status);
    }

    [Fact]
    public async Task A_specification_goes_to_the_lawyer_the_cto_and_the_director_who_get_its_pdf_and_then_to_printing()
    {
        await GeneratedAsync();

        var answer = await _host.SaysAsync(_p.Olga, "/doc Д-2026-0001/П-1 submit", m => m.Text?.StartsWith("📤") == true);
        await _host.IdleAsync();
        var lawyerPdf = _host.Tg.BotMessages(_p.Lawyer!.PrivateChat).Single(m => m.Document is not null);
        await ApproveAsync(_p.Lawyer!, "Д-2026-0001/П-1");
        Assert.Equal(DocumentStatus.OnApproval, (await _host.DocAsync("Д-2026-0001/П-1")).Status);
        await ApproveAsync(_p.Cto!, "Д-2026-0001/П-1");
        await ApproveAsync(_p.Director!, "Д-2026-0001/П-1");

        Assert.Contains("отправлен на согласование (согласование: юрист → техдиректор → директор)", answer.Text);
        Assert.Equal("Д-2026-0001-П-1.pdf", lawyerPdf.Document!.FileName);
        Assert.Equal(_host.PdfIn(_p.Olga, "Д-2026-0001/П-1").Document!.Content, lawyerPdf.Document.Content);
        var doc = await _host.DocAsync("Д-2026-0001/П-1");
        Assert.Equal(DocumentStatus.Approved, doc.Status);
        var request = await _host.Get<IApprovalStore>().GetAsync(doc.ApprovalRequestId!.Value, default);
        Assert.Equal(doc.Id, request!.DocumentId);
        Assert.Equal(["Юрист", "Технический директор", "Директор"],
            request.History.Where(e => e.Action == ApprovalActions.Approved).Select(e => e.Step));
        Assert.Equal(2, Assert.Single(await _host.JobsAsync(doc)).Copies);
        Assert.Single(_host.BotSaid(_p.Olga, "✅ Спецификация Д-2026-0001/П-1 согласован и отправлен в печать (2 экз., двусторонняя)."));
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task An_admin_annulling_a_specification_on_approval_withdraws_it_for_the_manager_and_the_lawyers_card_closes()
    {
        await GeneratedAsync();
        await _host.SaysAsync(_p.Olga, "/doc Д-2026-0001/П-1 submit", m => m.Text?.StartsWith("📤") == true);
        await _host.IdleAsync();

        var annulled = await _host.SaysAsync(_p.Anna, "/doc Д-2026-0001/П-1 annul клиент отказался", m => m.Text?.StartsWith("🚫") == true);
        await _host.IdleAsync();

        Assert.Contains("клиент отказался", annulled.Text);
        var doc = await _host.DocAsync("Д-2026-0001/П-1");
        Assert.Equal(DocumentStatus.Annulled, doc.Status);
        var request = await _host.Get<IApprovalStore>().GetAsync(doc.ApprovalRequestId!.Value, default);
        Assert.Equal(RequestStatus.Withdrawn, request!.Status);
        var withdrawn = request.History.Single(e => e.Action == ApprovalActions.Withdrawn);
        Assert.NotNull(withdrawn.OnBehalfOfId);
        Assert.NotEqual(withdrawn.ActorId, withdrawn.OnBehalfOfId);
        Assert.DoesNotContain(_host.Tg.BotMessages(_p.Lawyer!.PrivateChat), m => m.Button(Approve) is not null);
        Assert.Null(request.NextTimerAt);
    }

    [Fact]
    public async Task An_edited_framework_contract_goes_to_the_lawyer_and_the_director_without_the_cto()
    {
        await GeneratedAsync();

        await _host.SaysAsync(_p.Olga, "/doc Д-2026-0001 edit", m => m.ForceReply);
        var file = _host.Tg.BotMessages(_p.Olga.PrivateChat).Last(m => m.Document?.FileName == "Д-2026-0001.md");
        var text = Encoding.UTF8.GetString(file.Document!.Content);
        var edited = text + "\n\nСтороны договорились о скидке 5% на второй месяц.";
        _host.Tg.SendDocument(_p.Olga, _p.Olga.PrivateChat, "Д-2026-0001.md", Encoding.UTF8.GetBytes(edited), "text/markdown");
        var done = await _host.Tg.WaitForBotMessageAsync(_p.Olga.PrivateChat, m => m.Text?.StartsWith("✅ Текст") == true);
        await _host.IdleAsync();
        await _host.PressesAsync(_p.Olga, done, "📤 Отправить");
        await _host.IdleAsync();
        await ApproveAsync(_p.Lawyer!, "Д-2026-0001");
        await ApproveAsync(_p.Director!, "Д-2026-0001");

        Assert.Contains("согласование: юрист → директор (текст изменён)", done.Text);
        var doc = await _host.DocAsync("Д-2026-0001");
        Assert.True(doc.TextEdited);
        Assert.Equal(DocumentStatus.Approved, doc.Status);
        Assert.Contains("скидке 5%", PdfTools.ExtractFlatText(_host.PdfIn(_p.Lawyer!, "Д-2026-0001").Document!.Content));
        Assert.DoesNotContain(_host.Tg.BotMessages(_p.Cto!.PrivateChat), m => m.TextOrCaption?.Contains("Д-2026-0001") == true);
        Assert.Single(await _host.JobsAsync(doc));
    }

    [Fact]
    public async Task A_rejected_specification_is_a_draft_again_and_the_manager_sees_the_reason()
    {
        await GeneratedAsync();
        await _host.SaysAsync(_p.Olga, "/doc Д-2026-0001/П-1 submit", m => m.Text?.StartsWith("📤") == true);
        await _host.IdleAsync();
        var card = _host.CardWith(_p.Lawyer!, Approve);

        await _host.PressesAsync(_p.Lawyer!, card, "❌ Отклонить");
        await _host.Tg.WaitForBotMessageAsync(_p.Lawyer!.PrivateChat, m => m.ForceReply);
        await _host.SaysAsync(_p.Lawyer!, "Цена за час не согласована", m => m.Text?.StartsWith("Готово") == true);
        await _host.IdleAsync();

        var doc = await _host.DocAsync("Д-2026-0001/П-1");
        Assert.Equal(DocumentStatus.Draft, doc.Status);
        Assert.Empty(await _host.JobsAsync(doc));
        Assert.Single(_host.BotSaid(_p.Olga,
            "↩️ Спецификация Д-2026-0001/П-1 отклонён и снова черновик. Причина: Цена за час не согласована"));
    }

    [Fact]
    public async Task A_printed_contract_is_sent_returned_signed_and_archived_in_order()
    {
        await GeneratedAsync();
        await _host.SaysAsync(_p.Olga, "/doc Д-2026-0001 submit", m => m.Text?.StartsWith("📤") == true);
        var queue = _host.Get<PrintQueue>();
        var claimed = await queue.ClaimAsync(PrintJob.DocumentsPrinter, "office-1", TimeSpan.FromMinutes(2), default);
        await queue.AckPrintedAsync(claimed!.Id, "office-1", default);

        var tooEarly = await _host.SaysAsync(_p.Olga, "/doc Д-2026-0001 archive");
        var sent = await _host.SaysAsync(_p.Olga, "/doc Д-2026-0001 sent");
        var returned = await _host.SaysAsync(_p.Olga, "/doc Д-2026-0001 returned");
        var stranger = await _host.SaysAsync(_p.John, "/doc Д-2026-0001 archive");
        var archived = await _host.SaysAsync(_p.Olga, "/doc Д-2026-0001 archive");
        var annul = await _host.SaysAsync(_p.Olga, "/doc Д-2026-0001 annul поздно");

        Assert.DoesNotContain("📬", tooEarly.Text);
        Assert.Equal("📬 Договор оказания услуг Д-2026-0001: отправлен.", sent.Text);
        Assert.Equal("📬 Договор оказания услуг Д-2026-0001: возвращён подписанным.", returned.Text);
        Assert.Equal("Д-2026-0001 is not yours: the deal's manager, its author or an admin may act on it.", stranger.Text);
        Assert.Equal("📬 Договор оказания услуг Д-2026-0001: в архиве.", archived.Text);
        Assert.DoesNotContain("🚫", annul.Text);
        var doc = await _host.DocAsync("Д-2026-0001");
        Assert.Equal(DocumentStatus.Archived, doc.Status);
        Assert.Null(doc.AnnulReason);
    }

    [Fact]
    public async Task An_approved_document_refuses_edits_and_a_correction_is_an_annulment_and_a_new_number_linked_to_the_old()
    {
        await GeneratedAsync();
        await _host.SaysAsync(_p.Olga, "/doc СЧ-2026-0001 submit", m => m.Text?.StartsWith("📤") == true);

        var refused = await _host.SaysAsync(_p.Olga, "/doc СЧ-2026-0001 edit");
        var annulled = await _host.SaysAsync(_p.Olga, "/doc СЧ-2026-0001 annul Неверная цена");
        var regenerated = await _host.SaysAsync(_p.Olga, "/generate СДЛ-2026-0001", m => m.Text?.Contains("сформированы") == true);
        await _host.IdleAsync();

        Assert.StartsWith("СЧ-2026-0001 — согласован, его текст больше не меняется.", refused.Text);
        Assert.Equal("🚫 СЧ-2026-0001 аннулирован. Причина: Неверная цена\nНовый документ взамен: /generate СДЛ-2026-0001", annulled.Text);
        Assert.Contains("• Счёт на оплату СЧ-2026-0002 — без согласования — текст шаблона, сразу в печать (взамен СЧ-2026-0001)", regenerated.Text);
        Assert.DoesNotContain("Д-2026-0002", regenerated.Text);
        Assert.DoesNotContain("П-2", regenerated.Text);
        var old = await _host.DocAsync("СЧ-2026-0001");
        var replacement = await _host.DocAsync("СЧ-2026-0002");
        Assert.Equal((DocumentStatus.Annulled, replacement.Id, "Неверная цена"), (old.Status, old.ReplacedById, old.AnnulReason));
        Assert.Equal(old.Id, replacement.ReplacesId);
        Assert.Equal(PrintJobState.Cancelled, Assert.Single(await _host.JobsAsync(old)).State);
        var card = await _host.SaysAsync(_p.Olga, "/doc СЧ-2026-0002", m => m.Text?.StartsWith("📄") == true);
        Assert.Contains("Взамен: СЧ-2026-0001", card.Text);
    }

    [Fact]
    public async Task Annulling_without_a_reason_asks_for_one_and_changes_nothing()
    {
        await GeneratedAsync();

        var answer = await _host.SaysAsync(_p.Olga, "/doc Д-2026-0001 annul");

        Assert.Equal("Напишите причину: /doc Д-2026-0001 annul ПРИЧИНА", answer.Text);
        Assert.Equal(DocumentStatus.Draft, (await _host.DocAsync("Д-2026-0001")).Status);
    }

    [Fact]
    public async Task Annulling_a_contract_annuls_its_appendices_too()
    {
        await GeneratedAsync();

        var answer = await _host.SaysAsync(_p.Olga, "/doc Д-2026-0001 annul Клиент сменил реквизиты");

        Assert.Contains("Вместе с ним аннулированы приложения: Д-2026-0001/П-1", answer.Text);
        Assert.Equal(DocumentStatus.Annulled, (await _host.DocAsync("Д-2026-0001/П-1")).Status);
        Assert.Equal(DocumentStatus.Draft, (await _host.DocAsync("СЧ-2026-0001")).Status);
    }

    [Fact]
    public async Task Someone_else_may_not_act_on_the_managers_document()
    {
        await GeneratedAsync();

        var answer = await _host.SaysAsync(_p.John, "/doc Д-2026-0001 annul mistake");

        Assert.Equal("Д-2026-0001 is not yours: the deal's manager, its author or an admin may act on it.", answer.Text);
        Assert.Equal(DocumentStatus.Draft, (await _host.DocAsync("Д-2026-0001")).Status);
    }

    [Fact]
    public async Task The_send_all_button_sends_each_draft_its_own_way()
    {
        await GeneratedAsync();
        var summary = _host.CardWith(_p.Olga, "📤 Отправить все");

        await _host.PressesAsync(_p.Olga, summary, "📤 Отправить все");
        await _host.IdleAsync();

        Assert.Equal(DocumentStatus.Approved, (await _host.DocAsync("Д-2026-0001")).Status);
        Assert.Equal(DocumentStatus.OnApproval, (await _host.DocAsync("Д-2026-0001/П-1")).Status);
        Assert.Equal(DocumentStatus.Approved, (await _host.DocAsync("СЧ-2026-0001")).Status);
        Assert.Empty(_host.Tg.Message(_p.Olga.PrivateChat, summary.MessageId).Buttons);
        Assert.Single(_host.BotSaid(_p.Lawyer!, "Д-2026-0001/П-1"), m => m.Button(Approve) is not null);
    }

    [Fact]
    public async Task The_registry_lists_documents_by_status_client_kind_and_period()
    {
        await GeneratedAsync();
        await _host.SaysAsync(_p.Olga, "/doc СЧ-2026-0001 submit", m => m.Text?.StartsWith("📤") == true);

        var approved = await _host.SaysAsync(_p.Olga, "/docs status=согласован client=Ромашка kind=invoice from=01.11.2026 to=30.11.2026");
        var drafts = await _host.SaysAsync(_p.Olga, "/docs status=черновик");
        var december = await _host.SaysAsync(_p.Olga, "/docs from=01.12.2026");
        var bad = await _host.SaysAsync(_p.Olga, "/docs colour=red");

        Assert.Equal("📚 Документы (1):\n• СЧ-2026-0001 — Счёт на оплату, 23.11.2026, согласован", approved.Text);
        Assert.Contains("• Д-2026-0001/П-1 — Спецификация, 23.11.2026, черновик", drafts.Text);
        Assert.Contains("• Д-2026-0001 — Договор оказания услуг, 23.11.2026, черновик", drafts.Text);
        Assert.DoesNotContain("СЧ-2026-0001", drafts.Text);
        Assert.Equal("Документов по этим условиям нет.", december.Text);
        Assert.StartsWith("Не понимаю фильтр «colour=red».", bad.Text);
    }

    [Fact]
    public async Task An_envelope_inventory_list_is_numbered_stored_and_sent_as_a_pdf()
    {
        await GeneratedAsync();

        var pdf = await _host.SaysAsync(_p.Olga, "/envelope Д-2026-0001 СЧ-2026-0001", m => m.Document is not null);

        Assert.Equal("✉️ Опись вложения ОП-2026-0001: 2 док. для ООО «Ромашка».", pdf.Caption);
        var text = PdfTools.ExtractFlatText(pdf.Document!.Content);
        Assert.Contains("ОП-2026-0001", text);
        Assert.Contains("Д-2026-0001", text);
        Assert.Contains("СЧ-2026-0001", text);
        var stored = await _host.DocAsync("ОП-2026-0001");
        Assert.Equal(DocumentsDefinition.EnvelopeList, stored.Kind);
    }

    [Fact]
    public async Task An_envelope_with_an_unknown_number_is_refused()
    {
        await GeneratedAsync();

        var answer = await _host.SaysAsync(_p.Olga, "/envelope Д-2026-0001 СЧ-2026-0099");

        Assert.Equal("Документ СЧ-2026-0099 не найден. Список документов: /docs", answer.Text);
        Assert.DoesNotContain(await _host.AllDocumentsAsync(), d => d.Kind == DocumentsDefinition.EnvelopeList);
    }

    [Fact]
    public async Task An_edited_file_with_a_markup_mistake_is_refused_with_its_line_and_the_dialog_survives_a_restart()
    {
        await GeneratedAsync();
        await _host.SaysAsync(_p.Olga, "/doc Д-2026-0001 edit", m => m.ForceReply);
        var before = await _host.DocAsync("Д-2026-0001");

        await _host.RestartAsync();
        var notFile = await _host.SaysAsync(_p.Olga, "вот исправления");
        _host.Tg.SendDocument(_p.Olga, _p.Olga.PrivateChat, "Д-2026-0001.md", Encoding.UTF8.GetBytes("# Договор\n\n::: signatures\nЗаказчик || Исполнитель\n"),
            "text/markdown");
        var refused = await _host.Tg.WaitForBotMessageAsync(_p.Olga.PrivateChat, m => m.Text?.StartsWith("Текст Д-2026-0001 не принят") == true);
        _host.Tg.SendDocument(_p.Olga, _p.Olga.PrivateChat, "Д-2026-0001.md", Encoding.UTF8.GetBytes(before.Text), "text/markdown");
        var same = await _host.Tg.WaitForBotMessageAsync(_p.Olga.PrivateChat, m => m.Text?.StartsWith("Текст Д-2026-0001 совпадает") == true);

        Assert.Equal("Пришлите текст файлом (.md или .txt) ответом на сообщение с документом. Выйти: /cancel", notFile.Text);
        Assert.Contains("строка 3", refused.Text);
        var after = await _host.DocAsync("Д-2026-0001");
        Assert.False(after.TextEdited);
        Assert.Equal(DocumentStatus.Draft, after.Status);
        Assert.NotNull(same.Button("📤 Отправить"));
    }

    [Fact]
    public async Task A_manager_writing_in_english_gets_the_documents_in_english_messages()
    {
        await _host.DealAsync("СДЛ-2026-0001", await _host.ClientAsync(), _p.John, VatMode.None, 0, DocumentArrange.Line("support", 4, 2_500m));

        var answer = await _host.SaysAsync(_p.John, "/generate СДЛ-2026-0001", m => m.Text?.Contains("Documents made") == true);
        var sent = await _host.SaysAsync(_p.John, "/doc Д-2026-0001/П-1 submit", m => m.Text?.StartsWith("📤") == true);

        Assert.Contains("• Дополнительное соглашение Д-2026-0001/П-1: approval: lawyer → CTO → director", answer.Text);
        Assert.Equal("📤 Дополнительное соглашение Д-2026-0001/П-1: sent for approval (approval: lawyer → CTO → director)", sent.Text);
    }
}
