using System.Net.Http.Headers;
using System.Net.Http.Json;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Mail;
using BotPlatform.Core.Printing;
using BotPlatform.Core.Printing.Agents;
using BotPlatform.Testing;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Documents;
using BotPlatform.Tests.Printing;
using BotPlatform.Tests.Support;
using MiniExcelLibs;

namespace BotPlatform.Tests.Mail;

/// <summary>Outgoing and incoming mail registered by barcode: typed codes, photos in the bot and the agent's scan station.</summary>
public abstract class MailScanningTests(StorageEngine storage) : IAsyncLifetime
{
    public sealed class LiteDb() : MailScanningTests(StorageEngine.LiteDb);

    public sealed class Postgres() : MailScanningTests(StorageEngine.Postgres);

    private const string Contract = "Д-2026-0001";
    private const string Spec = "Д-2026-0001/П-1";
    private const string Invoice = "СЧ-2026-0001";
    private BotHost _host = null!;
    private ApprovalPeople _p = null!;
    private FakeUser _vera = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync(storage: storage);
        _p = await ApprovalPeople.JoinAsync(_host);
        _vera = await _host.JoinedAsync("Вера", "office_vera");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>The deal's contract and invoice approved (template text) and printed; the specification stays a draft.</summary>
    private async Task<(string Contract, string Spec, string Invoice)> PrintedAsync()
    {
        await _host.DealAsync("СДЛ-2026-0001", await _host.ClientAsync(), _p.Olga, VatMode.None, 0, DocumentArrange.Line("design", 10, 3_500m));
        await _host.SaysAsync(_p.Olga, "/generate СДЛ-2026-0001", m => m.Text?.Contains("сформированы") == true);
        foreach (var number in new[] { Contract, Invoice })
            await _host.SaysAsync(_p.Olga, $"/doc {number} submit", m => m.Text?.StartsWith("📤") == true);
        var queue = _host.Get<PrintQueue>();
        while (await queue.ClaimAsync(PrintJob.DocumentsPrinter, "office-1", TimeSpan.FromMinutes(2), default) is { } job)
            await queue.AckPrintedAsync(job.Id, "office-1", default);
        await _host.IdleAsync();
        return ((await _host.DocAsync(Contract)).Code, (await _host.DocAsync(Spec)).Code, (await _host.DocAsync(Invoice)).Code);
    }

    private async Task<IReadOnlyList<PrintJob>> LabelJobsAsync() =>
        (await _host.Get<IPrintJobStore>().ByStateAsync(PrintJobState.Queued, 100, default)).Where(j => j.Printer == PrintJob.LabelsPrinter).ToList();

    private Task<IReadOnlyList<MailEntry>> RegisterAsync(MailDirection? direction = null) =>
        _host.Get<IMailRegisterStore>().ListAsync(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), direction, default);

    [Fact]
    public async Task Typed_codes_of_one_client_are_sent_registered_and_get_one_address_label()
    {
        var (contract, _, invoice) = await PrintedAsync();

        var answer = await _host.SaysAsync(_vera, $"/scan out {contract} {invoice}", m => m.Text?.Contains("✅") == true);
        await _host.IdleAsync();

        Assert.Equal(
            $"✅ Договор оказания услуг {Contract} — отправлен (ООО «Ромашка»)\n✅ Счёт на оплату {Invoice} — отправлен (ООО «Ромашка»)\n" +
            $"🏷 Наклейка для ООО «Ромашка» в печати: {contract}, {invoice}", answer.Text);
        Assert.Equal(DocumentStatus.Sent, (await _host.DocAsync(Contract)).Status);
        Assert.Equal(DocumentStatus.Sent, (await _host.DocAsync(Invoice)).Status);
        var entries = await RegisterAsync(MailDirection.Out);
        Assert.Equal([Contract, Invoice], entries.Select(e => e.DocumentNumber));
        Assert.All(entries, e => Assert.Equal(("ООО «Ромашка»", "СДЛ-2026-0001", new DateOnly(2026, 11, 23)), (e.ClientName, e.DealNumber, e.Date)));
        var label = Assert.Single(await LabelJobsAsync());
        Assert.Equal([contract, invoice], label.Label!.DocumentCodes);
        Assert.Equal("117997", label.Label.Postcode);
        Assert.Equal(["ул. Вавилова, д. 19", "г. Москва"], label.Label.AddressLines);
        var card = await _host.SaysAsync(_p.Olga, "/doc " + Contract, m => m.Text?.StartsWith("📄") == true);
        Assert.Contains("Статус: отправлен", card.Text);
    }

    [Fact]
    public async Task Codes_scanned_one_by_one_for_one_client_share_the_label_still_waiting()
    {
        var (contract, _, invoice) = await PrintedAsync();

        await _host.SaysAsync(_vera, "/scan out", m => m.Text?.StartsWith("📤 Режим") == true);
        await _host.SaysAsync(_vera, contract, m => m.Text?.Contains("✅") == true);
        await _host.SaysAsync(_vera, invoice, m => m.Text?.Contains("✅") == true);

        Assert.Equal([contract, invoice], Assert.Single(await LabelJobsAsync()).Label!.DocumentCodes);
    }

    [Fact]
    public async Task A_draft_an_annulled_an_already_sent_and_an_unknown_code_are_refused_with_why_and_change_nothing()
    {
        var (contract, spec, invoice) = await PrintedAsync();
        await _host.SaysAsync(_vera, $"/scan out {contract}", m => m.Text?.Contains("✅") == true);
        await _host.SaysAsync(_p.Olga, $"/doc {Invoice} annul ошибка в сумме", m => m.Text?.StartsWith("🚫") == true);
        var labelsBefore = (await LabelJobsAsync()).Count;

        var answer = await _host.SaysAsync(_vera, $"/scan out {spec} {invoice} {contract} BP999999", m => m.Text?.Contains("❌") == true);

        var lines = answer.Text!.Split('\n');
        Assert.Equal($"❌ {spec}: {Spec}: из статуса «черновик» нельзя перейти в «отправлен»", lines[0]);
        Assert.Equal($"❌ {invoice}: {Invoice}: из статуса «аннулирован» нельзя перейти в «отправлен»", lines[1]);
        Assert.Equal($"❌ {contract}: {Contract} уже отправлен", lines[2]);
        Assert.Equal("❌ BP999999: код BP999999 не найден в реестре документов", lines[3]);
        Assert.Equal(4, lines.Length);
        Assert.Single(await RegisterAsync());
        Assert.Equal(labelsBefore, (await LabelJobsAsync()).Count);
        Assert.Equal(DocumentStatus.Draft, (await _host.DocAsync(Spec)).Status);
    }

    [Fact]
    public async Task Only_the_office_manager_and_admins_scan()
    {
        var (contract, _, _) = await PrintedAsync();

        var answer = await _host.SaysAsync(_p.Olga, $"/scan out {contract}");

        Assert.Equal("Сканирует почту офис-менеджер (или администратор, операционный менеджер).", answer.Text);
        Assert.Equal(DocumentStatus.Printed, (await _host.DocAsync(Contract)).Status);
    }

    [Fact]
    public async Task A_photo_with_two_barcodes_registers_both_and_a_blurred_photo_is_explained()
    {
        var (contract, _, invoice) = await PrintedAsync();
        await _host.SaysAsync(_vera, "/scan out", m => m.Text?.StartsWith("📤 Режим") == true);

        _host.Tg.SendPhoto(_vera, _vera.PrivateChat, BarcodePhotos.Blurred());
        var blurred = await _host.Tg.WaitForBotMessageAsync(_vera.PrivateChat, m => m.Text?.StartsWith("На фото") == true);
        _host.Tg.SendPhoto(_vera, _vera.PrivateChat, BarcodePhotos.Of(contract, invoice));
        var answer = await _host.Tg.WaitForBotMessageAsync(_vera.PrivateChat, m => m.Text?.Contains("✅") == true);

        Assert.Equal("На фото не нашлось штрихкода. Сфотографируйте его ближе и ровнее или введите код текстом.", blurred.Text);
        Assert.Contains($"{Contract} — отправлен", answer.Text);
        Assert.Contains($"{Invoice} — отправлен", answer.Text);
        Assert.Equal(2, (await RegisterAsync(MailDirection.Out)).Count);
    }

    [Fact]
    public async Task Returned_originals_tell_the_manager_and_when_the_deal_is_complete_the_office_manager_too()
    {
        var (contract, _, invoice) = await PrintedAsync();
        await _host.SaysAsync(_p.Olga, $"/doc {Spec} annul не нужна", m => m.Text?.StartsWith("🚫") == true);
        await _host.SaysAsync(_vera, $"/scan out {contract} {invoice}", m => m.Text?.Contains("✅") == true);

        var first = await _host.SaysAsync(_vera, $"/scan in {contract}", m => m.Text?.Contains("✅") == true);
        await _host.IdleAsync();
        var notYet = _host.BotSaid(_vera, "📦").Count;
        var second = await _host.SaysAsync(_vera, $"/scan in {invoice}", m => m.Text?.Contains("✅") == true);
        await _host.IdleAsync();

        Assert.Equal($"✅ Договор оказания услуг {Contract} — вернулся (ООО «Ромашка»)", first.Text);
        Assert.Equal(0, notYet);
        Assert.Contains("📦 Сделка СДЛ-2026-0001: все документы вернулись", second.Text);
        Assert.Single(_host.BotSaid(_p.Olga, $"📥 Договор оказания услуг {Contract} вернулся подписанным (ООО «Ромашка», сделка СДЛ-2026-0001)."));
        const string complete = "📦 Сделка СДЛ-2026-0001: все документы вернулись подписанными (2: Д-2026-0001, СЧ-2026-0001). Бумажный комплект полон.";
        Assert.Single(_host.BotSaid(_p.Olga, complete));
        Assert.Single(_host.BotSaid(_vera, complete));
        Assert.Equal(DocumentStatus.Returned, (await _host.DocAsync(Invoice)).Status);
        Assert.Equal(2, (await RegisterAsync(MailDirection.In)).Count);
    }

    [Fact]
    public async Task The_doc_commands_still_move_the_paper_by_hand()
    {
        await PrintedAsync();

        var sent = await _host.SaysAsync(_vera, $"/doc {Contract} sent");

        Assert.Equal($"📬 Договор оказания услуг {Contract}: отправлен.", sent.Text);
    }

    [Fact]
    public async Task The_mail_register_comes_as_a_message_and_a_spreadsheet()
    {
        var (contract, _, invoice) = await PrintedAsync();
        await _host.SaysAsync(_vera, $"/scan out {contract} {invoice}", m => m.Text?.Contains("✅") == true);
        await _host.SaysAsync(_vera, $"/scan in {contract}", m => m.Text?.Contains("✅") == true);

        var all = await _host.SaysAsync(_vera, "/mail", m => m.Text?.StartsWith("📬") == true);
        var file = await _host.Tg.WaitForBotMessageAsync(_vera.PrivateChat, m => m.Document?.FileName == "mail-2026-11-23.xlsx");
        var incoming = await _host.SaysAsync(_vera, "/mail 23.11.2026 in", m => m.Text?.StartsWith("📬") == true);
        var empty = await _host.SaysAsync(_vera, "/mail 01.11.2026-20.11.2026", m => m.Text?.StartsWith("📬") == true);
        var bad = await _host.SaysAsync(_vera, "/mail вчера-позавчера");

        Assert.StartsWith("📬 Журнал почты 23.11.2026: 3", all.Text);
        Assert.Contains($"23.11 → отправлен {Contract} Договор оказания услуг — ООО «Ромашка», СДЛ-2026-0001", all.Text);
        Assert.Contains($"23.11 ← вернулся {Contract}", all.Text);
        Assert.StartsWith("📬 Журнал почты 23.11.2026 (входящие): 1", incoming.Text);
        Assert.Equal("📬 Журнал почты 01.11.2026–20.11.2026: записей нет.", empty.Text);
        Assert.StartsWith("Не понял период", bad.Text);
        var rows = new MemoryStream(file.Document!.Content).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(Contract, rows[0]["Документ"]);
        Assert.Equal("исходящее", rows[0]["Направление"]);
        Assert.Equal("входящее", rows[2]["Направление"]);
    }

    [Fact]
    public async Task The_agents_scan_station_registers_codes_typed_by_the_scanner_in_both_modes()
    {
        var (contract, _, invoice) = await PrintedAsync();
        var registered = await _host.SaysAsync(_p.Anna, "/agent new office-scan", m => m.Text?.Contains("office-scan") == true);
        var token = registered.Text!.Split('\n', StringSplitOptions.TrimEntries).Single(l => l.StartsWith("bpa_"));
        var output = new StringWriter();

        await using var agent = await RunningAgent.StartAsync(_host, token, new Dictionary<string, string?> { ["ScanStation:Enabled"] = "true" },
            console: new(new StringReader($"{contract}\n{invoice}\nin\n{contract}\nBP999999\n"), TextWriter.Synchronized(output)));
        await _host.Tg.WaitUntilAsync(() => output.ToString().Contains("BP999999"), TimeSpan.FromSeconds(30));

        var said = output.ToString();
        Assert.Contains($"✅ Договор оказания услуг {Contract} — отправлен (ООО «Ромашка»)", said);
        Assert.Contains("Режим: возврат (in)", said);
        Assert.Contains($"✅ Договор оказания услуг {Contract} — вернулся (ООО «Ромашка»)", said);
        Assert.Contains("\a❌ BP999999: код BP999999 не найден в реестре документов", said);
        Assert.Equal(DocumentStatus.Returned, (await _host.DocAsync(Contract)).Status);
        Assert.Equal(DocumentStatus.Sent, (await _host.DocAsync(Invoice)).Status);
        Assert.All(await RegisterAsync(), e => Assert.Equal("agent:office-scan", e.Source));
        Assert.Equal([contract, invoice], Assert.Single(await LabelJobsAsync()).Label!.DocumentCodes);
    }

    [Fact]
    public async Task A_scan_sent_twice_by_the_agent_counts_once()
    {
        var (contract, _, _) = await PrintedAsync();
        var registered = await _host.SaysAsync(_p.Anna, "/agent new office-scan", m => m.Text?.Contains("office-scan") == true);
        var http = new HttpClient(_host.CreateHandler()) { BaseAddress = new Uri("http://localhost") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            registered.Text!.Split('\n', StringSplitOptions.TrimEntries).Single(l => l.StartsWith("bpa_")));
        var scan = new AgentScan("scan-1", contract, "out");

        var first = await (await http.PostAsJsonAsync(AgentRoutes.Scan, scan)).Content.ReadFromJsonAsync<AgentScanAnswer>();
        var again = await (await http.PostAsJsonAsync(AgentRoutes.Scan, scan)).Content.ReadFromJsonAsync<AgentScanAnswer>();

        Assert.True(first!.Ok);
        Assert.True(again!.Ok);
        Assert.StartsWith("↩️", again.Message);
        Assert.Single(await RegisterAsync());
        Assert.Single((await _host.DocAsync(Contract)).History, h => h.Action == DocumentActions.Sent);
    }

    [Fact]
    public async Task An_outgoing_scan_prints_the_address_label_in_zpl_at_the_agents_thermal_printer_and_keeps_a_pdf_label_for_cups()
    {
        var (contract, _, invoice) = await PrintedAsync();
        var registered = await _host.SaysAsync(_p.Anna, "/agent new office-labels", m => m.Text?.Contains("office-labels") == true);
        var token = registered.Text!.Split('\n', StringSplitOptions.TrimEntries).Single(l => l.StartsWith("bpa_"));
        await using var zebra = FakeTcpPrinter.Start();
        await using var agent = await RunningAgent.StartAsync(_host, token, new Dictionary<string, string?>
        {
            ["Printers:0:Name"] = "zebra", ["Printers:0:Kind"] = "label", ["Printers:0:Address"] = zebra.Address, ["Printers:0:Language"] = "zpl",
            ["LabelSize"] = "100x150",
        });

        await _host.SaysAsync(_vera, $"/scan out {contract} {invoice}", m => m.Text?.Contains("🏷") == true);
        await _host.Tg.WaitUntilAsync(() => zebra.Jobs.Count == 1, TimeSpan.FromSeconds(30));

        var zpl = System.Text.Encoding.UTF8.GetString(zebra.Jobs[0]);
        Assert.StartsWith("^XA\n^CI28\n^PW800^LL1200", zpl);
        Assert.Contains("^FD117997^FS", zpl);
        Assert.Contains("^FDул. Вавилова, д. 19^FS", zpl);
        Assert.Contains($"{contract}, {invoice}", zpl);
        // The printer has the bytes before the agent's ack is stored (on PostgreSQL that takes a little longer).
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        IReadOnlyList<PrintJob> printed;
        while ((printed = await _host.Get<IPrintJobStore>().ByStateAsync(PrintJobState.Printed, 100, default)).All(j => j.Printer != PrintJob.LabelsPrinter))
            await Task.Delay(50, wait.Token);
        var job = Assert.Single(printed, j => j.Printer == PrintJob.LabelsPrinter);
        await using var pdf = (await _host.Get<Core.Messaging.IFileStore>().OpenAsync(job.FileKey, default))!;
        var bytes = new MemoryStream();
        await pdf.CopyToAsync(bytes);
        Assert.Contains("117997", PdfTools.ExtractFlatText(bytes.ToArray()));
    }
}
