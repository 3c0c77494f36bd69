using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.Printing;
using BotPlatform.Core.Printing.Agents;
using BotPlatform.Testing;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Documents;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Printing;

/// <summary>The agents' registration in the bot and the /agent/v1 API, through the real host.</summary>
public abstract class AgentApiTests(StorageEngine storage) : IAsyncLifetime
{
    public sealed class LiteDb() : AgentApiTests(StorageEngine.LiteDb);

    public sealed class Postgres() : AgentApiTests(StorageEngine.Postgres);

    private static readonly byte[] Pdf = "%PDF-1.4 счёт"u8.ToArray();
    private BotHost _host = null!;
    private ApprovalPeople _p = null!;
    private FakeUser _vera = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync(settings: new Dictionary<string, string?> { ["AgentApi:LeaseSeconds"] = "60" }, storage: storage);
        _p = await ApprovalPeople.JoinAsync(_host);
        _vera = await _host.JoinedAsync("Вера", "office_vera");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>An admin registers the agent in the bot; the token is read off the bot's answer.</summary>
    private async Task<string> RegisterAsync(string name = "office-1")
    {
        var answer = await _host.SaysAsync(_p.Anna, "/agent new " + name, m => m.Text?.Contains(name) == true);
        return answer.Text!.Split('\n', StringSplitOptions.TrimEntries).Single(l => l.StartsWith("bpa_"));
    }

    private HttpClient Agent(string? token)
    {
        var http = new HttpClient(_host.CreateHandler()) { BaseAddress = new Uri("http://localhost") };
        if (token is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>An invoice that skipped approval, with its print job queued.</summary>
    private async Task<(Document Doc, PrintJob Job)> QueuedAsync(string number = "СЧ-2026-0001")
    {
        var olga = (await _host.Get<Core.People.IPeopleStore>().FindByUsernameAsync("emp_olga", default))!;
        var pdf = await _host.Get<IFileStore>().SaveAsync(number + ".pdf", new MemoryStream(Pdf), default);
        var doc = new Document
        {
            Number = number, Code = "BP" + number.GetHashCode().ToString("X6"), Kind = DocumentsDefinition.Invoice, Title = "Счёт", PdfKey = pdf,
            CreatedBy = olga.Id, ManagerId = olga.Id,
        };
        doc.SkipApproval(olga.Id, _host.Time.GetUtcNow());
        await _host.Get<IDocumentStore>().InsertAsync(doc, default);
        return (doc, await _host.Get<PrintQueue>().EnqueueAsync(doc, default));
    }

    private static async Task<AgentJob?> ClaimAsync(HttpClient agent, int wait = 0)
    {
        var response = await agent.PostAsync($"{AgentRoutes.Claim}?wait={wait}", null);
        response.EnsureSuccessStatusCode();
        return response.StatusCode == HttpStatusCode.NoContent ? null : await response.Content.ReadFromJsonAsync<AgentJob>();
    }

    [Fact]
    public async Task An_admin_registers_an_agent_whose_token_is_shown_once_and_stored_hashed()
    {
        var token = await RegisterAsync();

        var agent = await _host.Get<IPrintAgentStore>().FindByNameAsync("office-1", default);
        Assert.NotNull(agent);
        Assert.Equal(PrintAgent.Hash(token), agent.TokenHash);
        Assert.DoesNotContain(token, agent.TokenHash);
        Assert.True(token.Length > 40);
        var list = await _host.SaysAsync(_p.Anna, "/agent", m => m.Text?.StartsWith("🖨 Агенты") == true);
        Assert.DoesNotContain(token, list.Text);
        Assert.Contains("office-1 — ещё не выходил на связь; в очереди: 0", list.Text);
    }

    [Fact]
    public async Task Someone_who_is_not_an_admin_cannot_register_an_agent()
    {
        var answer = await _host.SaysAsync(_p.Olga, "/agent new rogue");

        Assert.Equal("Агентов печати регистрирует и отзывает администратор.", answer.Text);
        Assert.Null(await _host.Get<IPrintAgentStore>().FindByNameAsync("rogue", default));
    }

    [Fact]
    public async Task A_bad_name_and_a_taken_name_are_explained()
    {
        await RegisterAsync();

        var taken = await _host.SaysAsync(_p.Anna, "/agent new OFFICE-1");
        var bad = await _host.SaysAsync(_p.Anna, "/agent new офис/1");

        Assert.Equal("Агент «OFFICE-1» уже есть. Выберите другое имя.", taken.Text);
        Assert.StartsWith("Имя агента «офис/1»", bad.Text);
        Assert.Single(await _host.Get<IPrintAgentStore>().ListAsync(default));
    }

    [Fact]
    public async Task A_missing_wrong_or_revoked_token_gets_401_and_claims_nothing()
    {
        var token = await RegisterAsync();
        var (_, job) = await QueuedAsync();

        var missing = await Agent(null).PostAsync(AgentRoutes.Claim + "?wait=0", null);
        var wrong = await Agent(token + "x").PostAsync(AgentRoutes.Claim + "?wait=0", null);
        var revoked = await _host.SaysAsync(_p.Anna, "/agent office-1 revoke", m => m.Text?.StartsWith("🚫") == true);
        var afterRevoke = await Agent(token).PostAsync(AgentRoutes.Claim + "?wait=0", null);
        var heartbeat = await Agent(token).PostAsJsonAsync(AgentRoutes.Heartbeat, new AgentHeartbeat("1", []));

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized],
            [missing.StatusCode, wrong.StatusCode, afterRevoke.StatusCode, heartbeat.StatusCode]);
        Assert.Contains("office-1", revoked.Text);
        Assert.Equal(PrintJobState.Queued, (await _host.Get<IPrintJobStore>().GetAsync(job.Id, default))!.State);
    }

    [Fact]
    public async Task A_claim_waits_for_a_job_then_answers_with_nothing_and_a_queued_job_comes_with_a_lease()
    {
        var agent = Agent(await RegisterAsync());

        var empty = await ClaimAsync(agent, wait: 1);
        var (doc, job) = await QueuedAsync();
        var claimed = await ClaimAsync(agent, wait: 5);
        var file = await agent.GetByteArrayAsync(AgentRoutes.File(claimed!.Id));

        Assert.Null(empty);
        Assert.Equal((job.Id, PrinterKinds.Document, doc.Number, 1, 1), (claimed.Id, claimed.Kind, claimed.Number, claimed.Copies, claimed.Attempt));
        Assert.Equal(_host.Time.GetUtcNow().AddSeconds(60), claimed.LeaseUntil);
        Assert.Equal(PrintJobState.Claimed, (await _host.Get<IPrintJobStore>().GetAsync(job.Id, default))!.State);
        Assert.Equal(Pdf, file);
    }

    [Fact]
    public async Task An_ack_sent_twice_prints_the_document_once()
    {
        var agent = Agent(await RegisterAsync());
        var (doc, _) = await QueuedAsync();
        var claimed = await ClaimAsync(agent);

        var first = await agent.PostAsync(AgentRoutes.Ack(claimed!.Id), null);
        var second = await agent.PostAsync(AgentRoutes.Ack(claimed.Id), null);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        var stored = await _host.DocAsync(doc.Number);
        Assert.Equal(DocumentStatus.Printed, stored.Status);
        Assert.Single(stored.History, h => h.Action == DocumentActions.Printed);
        Assert.Null(await ClaimAsync(agent));
    }

    [Fact]
    public async Task An_expired_lease_returns_the_job_to_another_agent_and_the_first_one_may_no_longer_ack_it()
    {
        var first = Agent(await RegisterAsync("office-1"));
        var second = Agent(await RegisterAsync("office-2"));
        var (_, job) = await QueuedAsync();
        await ClaimAsync(first);

        var whileLeased = await ClaimAsync(second);
        _host.Time.Advance(TimeSpan.FromSeconds(61));
        var afterLease = await ClaimAsync(second);
        var lateAck = await first.PostAsync(AgentRoutes.Ack(job.Id), null);

        Assert.Null(whileLeased);
        Assert.Equal((job.Id, 2), (afterLease!.Id, afterLease.Attempt));
        Assert.Equal(HttpStatusCode.Conflict, lateAck.StatusCode);
        Assert.Equal("office-2", (await _host.Get<IPrintJobStore>().GetAsync(job.Id, default))!.ClaimedBy);
    }

    [Fact]
    public async Task A_renewed_lease_keeps_the_job_with_its_agent()
    {
        var first = Agent(await RegisterAsync("office-1"));
        var second = Agent(await RegisterAsync("office-2"));
        var (_, job) = await QueuedAsync();
        await ClaimAsync(first);

        _host.Time.Advance(TimeSpan.FromSeconds(50));
        var renewed = await first.PostAsync(AgentRoutes.Renew(job.Id), null);
        _host.Time.Advance(TimeSpan.FromSeconds(50));

        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        Assert.Null(await ClaimAsync(second));
    }

    [Fact]
    public async Task A_job_failing_for_good_tells_the_documents_manager_and_the_office_manager()
    {
        var agent = Agent(await RegisterAsync());
        var (doc, job) = await QueuedAsync();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < PrintJob.MaxAttempts; i++)
        {
            Assert.Equal(job.Id, (await ClaimAsync(agent))?.Id);
            answers.Add((await agent.PostAsJsonAsync(AgentRoutes.Fail(job.Id), new AgentFailure("printer offline: connection refused"))).StatusCode);
        }
        await _host.IdleAsync();

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a));
        Assert.Equal(PrintJobState.Failed, (await _host.Get<IPrintJobStore>().GetAsync(job.Id, default))!.State);
        Assert.Null(await ClaimAsync(agent));
        const string told = "🖨❌ Не удалось напечатать документ СЧ-2026-0001 после 3 попыток: printer offline: connection refused.";
        Assert.Single(_host.BotSaid(_p.Olga, told));
        Assert.Single(_host.BotSaid(_vera, told));
        Assert.Equal(DocumentStatus.Approved, (await _host.DocAsync(doc.Number)).Status);
    }

    [Fact]
    public async Task A_last_attempt_whose_agent_died_fails_for_good_when_its_lease_runs_out()
    {
        var agent = Agent(await RegisterAsync());
        var (_, job) = await QueuedAsync();
        for (var i = 0; i < PrintJob.MaxAttempts; i++)
        {
            await ClaimAsync(agent);
            _host.Time.Advance(TimeSpan.FromSeconds(61));
        }

        Assert.Null(await ClaimAsync(agent));
        await _host.IdleAsync();

        Assert.Equal(PrintJobState.Failed, (await _host.Get<IPrintJobStore>().GetAsync(job.Id, default))!.State);
        Assert.Single(_host.BotSaid(_vera, "🖨❌ Не удалось напечатать документ СЧ-2026-0001"));
    }

    [Fact]
    public async Task Label_jobs_go_only_to_an_agent_with_a_label_printer_and_the_list_shows_printers_and_waiting_jobs()
    {
        var documents = Agent(await RegisterAsync("office-docs"));
        var labels = Agent(await RegisterAsync("office-labels"));
        await documents.PostAsJsonAsync(AgentRoutes.Heartbeat, new AgentHeartbeat("1", [new PrinterReport("hp", PrinterKinds.Document, "ready", null)]));
        await labels.PostAsJsonAsync(AgentRoutes.Heartbeat,
            new AgentHeartbeat("1", [new PrinterReport("zebra", PrinterKinds.Label, "offline", "connection refused")]));
        var label = await _host.Get<Core.Common.IUnitOfWork>().RunAsync(() => _host.Get<PrintQueue>().EnqueueLabelAsync(
            new AddressLabel { Recipient = "ООО «Ромашка»", Postcode = "117997", DocumentCodes = ["BP000001"] }, "label.pdf", null, default), default);

        var list = await _host.SaysAsync(_vera, "/agent", m => m.Text?.StartsWith("🖨 Агенты") == true);
        var byDocuments = await ClaimAsync(documents);
        var byLabels = await ClaimAsync(labels);

        Assert.Null(byDocuments);
        Assert.Equal((label.Id, PrinterKinds.Label), (byLabels!.Id, byLabels.Kind));
        Assert.Equal("117997", byLabels.Label!.Postcode);
        Assert.Contains("office-docs — на связи 23.11.2026 10:00; в очереди: 0", list.Text);
        Assert.Contains("office-labels — на связи 23.11.2026 10:00; в очереди: 1", list.Text);
        Assert.Contains("zebra (наклейки): offline — connection refused", list.Text);
    }
}
