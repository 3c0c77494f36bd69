using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Finance.Registers;
using BotPlatform.Core.Mail;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.Printing;
using BotPlatform.Core.Printing.Agents;
using BotPlatform.Testing;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Documents;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Replicas;

/// <summary>
/// Two hosts on one PostgreSQL database: the printing agent's calls, its scans and the payment day's register reach
/// either replica (or both at once, after a retry) and have one effect.
/// </summary>
public sealed class AgentsMailAndRegistersReplicaTests : IAsyncLifetime
{
    private static readonly TimeSpan Msk = TimeSpan.FromHours(3);
    private BotHost _first = null!;
    private BotHost _second = null!;
    private ApprovalPeople _p = null!;

    public async Task InitializeAsync()
    {
        _first = await BotHost.StartAsync(storage: StorageEngine.Postgres);
        _second = _first.StartReplica();
        _p = await ApprovalPeople.JoinAsync(_first);
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    /// <summary>The admin registers the agent in the bot; its token works on every replica.</summary>
    private async Task<(HttpClient First, HttpClient Second)> AgentAsync(string name)
    {
        var answer = await _first.SaysAsync(_p.Anna, "/agent new " + name, m => m.Text?.Contains(name) == true);
        var token = answer.Text!.Split('\n', StringSplitOptions.TrimEntries).Single(l => l.StartsWith("bpa_"));
        return (Client(_first, token), Client(_second, token));
    }

    private static HttpClient Client(BotHost host, string token)
    {
        var http = new HttpClient(host.CreateHandler()) { BaseAddress = new Uri("http://localhost") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    [Fact]
    public async Task Two_claims_of_one_job_at_two_replicas_give_it_to_one_and_its_ack_at_both_prints_it_once()
    {
        var (first, second) = await AgentAsync("office-1");
        var olga = (await _first.Get<Core.People.IPeopleStore>().FindByUsernameAsync("emp_olga", default))!;
        var pdf = await _first.Get<IFileStore>().SaveAsync("СЧ-2026-0001.pdf", new MemoryStream("%PDF-1.4 счёт"u8.ToArray()), default);
        var doc = new Document
        {
            Number = "СЧ-2026-0001", Code = "BP000001", Kind = DocumentsDefinition.Invoice, Title = "Счёт", PdfKey = pdf, CreatedBy = olga.Id, ManagerId = olga.Id,
        };
        doc.SkipApproval(olga.Id, _first.Time.GetUtcNow());
        await _first.Get<IDocumentStore>().InsertAsync(doc, default);
        var job = await _first.Get<Core.Common.IUnitOfWork>().RunAsync(() => _first.Get<PrintQueue>().EnqueueAsync(doc, default), default);

        var claims = await Task.WhenAll(first.PostAsync(AgentRoutes.Claim + "?wait=0", null), second.PostAsync(AgentRoutes.Claim + "?wait=0", null));
        var acks = await Task.WhenAll(first.PostAsync(AgentRoutes.Ack(job.Id), null), second.PostAsync(AgentRoutes.Ack(job.Id), null));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.NoContent], claims.Select(c => c.StatusCode).Order());
        var claimed = await claims.Single(c => c.StatusCode == HttpStatusCode.OK).Content.ReadFromJsonAsync<AgentJob>();
        Assert.Equal((job.Id, 1), (claimed!.Id, claimed.Attempt));
        Assert.All(acks, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var stored = await _second.DocAsync(doc.Number);
        Assert.Equal(DocumentStatus.Printed, stored.Status);
        Assert.Single(stored.History, h => h.Action == DocumentActions.Printed);
        Assert.Equal(PrintJobState.Printed, (await _second.Get<IPrintJobStore>().GetAsync(job.Id, default))!.State);
        Assert.Equal(HttpStatusCode.NoContent, (await second.PostAsync(AgentRoutes.Claim + "?wait=0", null)).StatusCode);
    }

    [Fact]
    public async Task An_outgoing_scan_retried_at_both_replicas_at_once_registers_the_document_once_with_one_label()
    {
        await _first.DealAsync("СДЛ-2026-0001", await _first.ClientAsync(), _p.Olga, VatMode.None, 0, DocumentArrange.Line("design", 10, 3_500m));
        await _first.SaysAsync(_p.Olga, "/generate СДЛ-2026-0001", m => m.Text?.Contains("сформированы") == true);
        await _first.SaysAsync(_p.Olga, "/doc СЧ-2026-0001 submit", m => m.Text?.StartsWith("📤") == true);
        var queue = _first.Get<PrintQueue>();
        var printed = await queue.ClaimAsync(PrintJob.DocumentsPrinter, "office-1", TimeSpan.FromMinutes(2), default);
        await queue.AckPrintedAsync(printed!.Id, "office-1", default);
        var code = (await _first.DocAsync("СЧ-2026-0001")).Code;
        var (first, second) = await AgentAsync("office-scan");
        var scan = new AgentScan("scan-1", code, "out");

        var answers = await Task.WhenAll(first.PostAsJsonAsync(AgentRoutes.Scan, scan), second.PostAsJsonAsync(AgentRoutes.Scan, scan));
        await _first.IdleAsync();

        var texts = await Task.WhenAll(answers.Select(a => a.Content.ReadFromJsonAsync<AgentScanAnswer>()));
        Assert.All(texts, t => Assert.True(t!.Ok));
        Assert.Single(texts, t => t!.Message.StartsWith("↩️"));
        var entry = Assert.Single(await _second.Get<IMailRegisterStore>().ListAsync(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), null, default));
        Assert.Equal((MailDirection.Out, "СЧ-2026-0001", "ООО «Ромашка»", "agent:office-scan"), (entry.Direction, entry.DocumentNumber, entry.ClientName, entry.Source));
        var doc = await _second.DocAsync("СЧ-2026-0001");
        Assert.Equal(DocumentStatus.Sent, doc.Status);
        Assert.Single(doc.History, h => h.Action == DocumentActions.Sent);
        var label = Assert.Single(await _second.Get<IPrintJobStore>().ByStateAsync(PrintJobState.Queued, 100, default), j => j.Printer == PrintJob.LabelsPrinter);
        Assert.Equal([code], label.Label!.DocumentCodes);
    }

    [Fact]
    public async Task A_payment_days_register_sent_by_both_replicas_at_once_reaches_the_accountants_once()
    {
        var request = await _first.FilePaymentAsync(_p.Olga, "ООО Ромашка", 150_000m);
        await _first.DecidedAsync(request, _p.Igor, StepDecision.Approve);
        await _first.DecidedAsync(request, _p.Maria, StepDecision.Approve);
        var nine = new DateOnly(2026, 11, 24);
        _first.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 9, 0, 0, Msk));

        var sent = await Task.WhenAll(new[] { _first, _second }.Select(h =>
            Task.Run(() => h.Get<PaymentRegisters>().FireDueAsync(h.Time.GetUtcNow(), default))));
        await _first.IdleAsync();

        Assert.True(sent.Sum() <= 1);
        foreach (var reader in new[] { _p.Chief, _p.Maria })
        {
            var message = Assert.Single(_first.BotSaid(reader, "💳 Реестр платежей на 24.11.2026"), m => m.Text is not null);
            Assert.Contains("ЗО-2026-0001 · ООО Ромашка", message.Text);
            Assert.Single(_first.Tg.BotMessages(reader.PrivateChat), m => m.Document?.FileName == "Реестр платежей 2026-11-24.xlsx");
        }
        var kept = await _second.Get<IPaymentRegisterStore>().GetAsync(nine, default);
        Assert.Equal(["ЗО-2026-0001"], kept!.Lines.Select(l => l.Number));
        _first.AssertNoInvalidCalls();
    }
}
