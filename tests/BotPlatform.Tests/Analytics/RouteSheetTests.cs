using BotPlatform.Core.Approvals;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Messaging;
using BotPlatform.Testing;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Documents;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Analytics;

/// <summary>/route and the «Маршрутный лист» button: a PDF with every step, its actor, decision and reason.</summary>
public sealed class RouteSheetTests : IAsyncLifetime
{
    private const string Approve = "✅ Согласовать";
    private static readonly TimeSpan Msk = TimeSpan.FromHours(3);
    private BotHost _host = null!;
    private ApprovalPeople _p = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync();
        _p = await ApprovalPeople.JoinAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_request_route_sheet_holds_every_step_with_its_decision_actor_on_behalf_and_reason()
    {
        var request = await _host.FiledAsync(_p.Olga, "ООО Ромашка", 150_000m);
        await _host.AdvanceToAsync(new DateTimeOffset(2026, 11, 23, 14, 0, 0, Msk));
        await _host.DecidedAsync(request, _p.Igor, StepDecision.RequestDocuments, "Нужен акт сверки");
        var olga = await _host.PersonAsync(_p.Olga);
        await _host.Get<ApprovalEngine>().AttachDocumentsAsync(request.Id, olga, await _host.SentFileAsync(_p.Olga, "act.pdf"),
            new Outgoing("test:attach", _host.Time), default);
        await _host.IdleAsync();
        await _host.SaysAsync(_p.Igor, "/away 24.11 @eng_john");
        await _host.IdleAsync();
        await _host.DecidedAsync(request, _p.John, StepDecision.Approve);
        await _host.AdvanceToAsync(new DateTimeOffset(2026, 11, 24, 11, 0, 0, Msk));
        await _host.DecidedAsync(request, _p.Maria, StepDecision.Reject, "Неверные реквизиты");

        var card = await _host.SaysAsync(_p.Olga, "/request ЗО-2026-0001", m => m.Text?.StartsWith("📄") == true);
        await _host.PressesAsync(_p.Olga, card, "🧾 Маршрутный лист");
        var pdf = await _host.Tg.WaitForBotMessageAsync(_p.Olga.PrivateChat, m => m.Document?.FileName == "Маршрутный лист ЗО-2026-0001.pdf");

        Assert.Equal("🧾 Маршрутный лист ЗО-2026-0001", pdf.Caption);
        var bytes = pdf.Document!.Content;
        Assert.Equal(1, PdfTools.PageCount(bytes));
        var text = PdfTools.ExtractDrawnText(bytes);
        Assert.Contains("Маршрутный лист ЗО-2026-0001", text);
        Assert.Contains("Контрагент: ООО Ромашка", text);
        Assert.Contains("Статус: отклонена", text);
        Assert.Contains(
            "1 Руководитель отдела Игорь Начальников 23.11 10:00 – 23.11 14:00 4,0 запрошены документы Нужен акт сверки (напоминаний: 1)", text);
        Assert.Contains("2 Руководитель отдела John Smith за: Игорь Начальников 23.11 14:00 – 23.11 14:00 0,0 согласовано", text);
        Assert.Contains("3 Финансовый менеджер Мария Финансова 23.11 14:00 – 24.11 11:00 6,0 отклонено Неверные реквизиты (напоминаний: 1)", text);
        Assert.Equal("AP000001", PdfTools.DecodeBarcode(bytes));
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task A_document_route_sheet_carries_its_barcode_its_approval_route_and_its_history()
    {
        await _p.WithContractApproversAsync(_host);
        await _host.DealAsync("СДЛ-2026-0001", await _host.ClientAsync(), _p.Olga, VatMode.None, 0, DocumentArrange.Line("design", 10, 3_500m));
        await _host.SaysAsync(_p.Olga, "/generate СДЛ-2026-0001", m => m.Text?.Contains("сформированы") == true);
        await _host.SaysAsync(_p.Olga, "/doc Д-2026-0001/П-1 submit", m => m.Text?.StartsWith("📤") == true);
        await _host.IdleAsync();
        var lawyerCard = _host.Tg.BotMessages(_p.Lawyer!.PrivateChat).Last(m => m.Button(Approve) is not null);
        await _host.PressesAsync(_p.Lawyer!, lawyerCard, Approve);
        await _host.IdleAsync();
        var request = (await _host.Get<IApprovalStore>().FindByNumberAsync("СД-2026-0001", default))!;
        await _host.DecidedAsync(request, _p.Cto!, StepDecision.Reject, "Нет сроков в спецификации");

        var card = await _host.SaysAsync(_p.Olga, "/doc Д-2026-0001/П-1", m => m.Text?.StartsWith("📄") == true);
        await _host.PressesAsync(_p.Olga, card, "🧾 Маршрутный лист");
        var pdf = await _host.Tg.WaitForBotMessageAsync(_p.Olga.PrivateChat, m => m.Document?.FileName == "Маршрутный лист Д-2026-0001-П-1.pdf");

        var bytes = pdf.Document!.Content;
        var doc = await _host.DocAsync("Д-2026-0001/П-1");
        Assert.Equal(doc.Code, PdfTools.DecodeBarcode(bytes));
        var text = PdfTools.ExtractDrawnText(bytes);
        Assert.Contains("Согласование: СД-2026-0001", text);
        Assert.Contains("1 Юрист Пётр Законов 23.11 10:00 – 23.11 10:00 0,0 согласовано", text);
        Assert.Contains("2 Технический директор Даниил Техников 23.11 10:00 – 23.11 10:00 0,0 отклонено Нет сроков в спецификации", text);
        Assert.Contains("История документа", text);
        var missing = await _host.SaysAsync(_p.Olga, "/route Д-2099-9999");
        Assert.Equal("Заявки или документа с номером Д-2099-9999 нет.", missing.Text);
        _host.AssertNoInvalidCalls();
    }
}
