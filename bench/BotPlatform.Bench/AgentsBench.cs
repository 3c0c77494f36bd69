using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.People;
using BotPlatform.Core.Printing;
using BotPlatform.Core.Printing.Agents;

namespace BotPlatform.Bench;

/// <summary>
/// 6. The printing agents' API: 5 agents claiming and acknowledging 1,000 document jobs through /agent/v1 (the real
/// host, in process over its test server; LiteDB file); then the scan-to-label latency: an outgoing scan posted by an
/// agent's scan station until its address label job is claimed by the label printer's agent.
/// </summary>
internal static class AgentsBench
{
    private const int Agents = 5;
    private const int Jobs = 1_000;
    private const int Scans = 100;

    public static async Task RunAsync(Report report, CancellationToken ct)
    {
        report.Section("6. agents: print queue through the agent API", Report.Invariant($"{Agents} agents, {Jobs:#,0} document jobs claimed and acknowledged; {Scans} scans to labels"));
        await using var host = await BenchHost.StartAsync(ct);
        var admin = (await host.Get<IPeopleStore>().WithRoleAsync(Role.Admin, ct))[0];
        var agents = host.Get<PrintAgents>();
        var clients = new List<HttpClient>();
        for (var i = 0; i < Agents; i++)
        {
            var token = (await agents.RegisterAsync($"bench-{i}", admin, ct)).Value.Token;
            var http = new HttpClient(host.CreateHandler()) { BaseAddress = new Uri("http://localhost") };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            clients.Add(http);
        }
        report.Progress("queueing");
        var documents = host.Get<IDocumentStore>();
        var queue = host.Get<PrintQueue>();
        var unitOfWork = host.Get<IUnitOfWork>();
        var now = host.Get<TimeProvider>().GetUtcNow();
        for (var i = 0; i < Jobs; i++)
        {
            var doc = new Document { Number = $"BENCH-{i:00000}", Code = $"BB{i:000000}", Kind = DocumentsDefinition.Invoice, Title = "Счёт", CreatedAt = now };
            doc.SkipApproval(admin.Id, now);
            await unitOfWork.RunAsync(async () =>
            {
                await documents.InsertAsync(doc, ct);
                return await queue.EnqueueAsync(doc, ct);
            }, ct);
        }

        report.Progress("claiming");
        var claims = new List<TimeSpan>();
        var acks = new List<TimeSpan>();
        var total = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(async http =>
        {
            var mine = new List<(TimeSpan Claim, TimeSpan Ack)>();
            while (true)
            {
                var watch = Stopwatch.StartNew();
                using var response = await http.PostAsync("agent/v1/claim?wait=0", null, ct);
                if (response.StatusCode == HttpStatusCode.NoContent) break;
                var job = await response.Content.ReadFromJsonAsync<AgentJob>(ct);
                var claim = watch.Elapsed;
                watch.Restart();
                (await http.PostAsync($"agent/v1/jobs/{job!.Id}/ack", null, ct)).EnsureSuccessStatusCode();
                mine.Add((claim, watch.Elapsed));
            }
            lock (claims)
            {
                claims.AddRange(mine.Select(m => m.Claim));
                acks.AddRange(mine.Select(m => m.Ack));
            }
        }));
        total.Stop();
        var printed = (await host.Get<IPrintJobStore>().ByStateAsync(PrintJobState.Printed, Jobs * 2, ct)).Count;
        report.Figure("jobs printed", Report.Count(printed, "jobs"), Report.Invariant($"of {Jobs:#,0} queued, each claimed once ({claims.Count} claims)"));
        report.Figure("throughput", Report.Invariant($"{claims.Count / total.Elapsed.TotalSeconds:0} claim+ack/s"), $"{Agents} agents in {Report.Duration(total.Elapsed)}");
        report.Figure("claim latency", $"p50 {Report.Millis(Stats.Percentile(claims.Order().ToList(), 0.5))}, p95 {Report.Millis(Stats.Percentile(claims.Order().ToList(), 0.95))}", "one claim with a job waiting");
        report.Figure("ack latency", $"p50 {Report.Millis(Stats.Percentile(acks.Order().ToList(), 0.5))}, p95 {Report.Millis(Stats.Percentile(acks.Order().ToList(), 0.95))}", "the ack, the document becoming Printed");

        report.Progress("scanning");
        var labelToken = (await agents.RegisterAsync("bench-labels", admin, ct)).Value.Token;
        var labels = new HttpClient(host.CreateHandler()) { BaseAddress = new Uri("http://localhost") };
        labels.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", labelToken);
        await labels.PostAsJsonAsync("agent/v1/heartbeat", new AgentHeartbeat("bench", [new PrinterReport("zebra", PrinterKinds.Label, "ready", null)]), ct);
        var clientStore = host.Get<IClientStore>();
        var latencies = new List<TimeSpan>();
        for (var i = 0; i < Scans; i++)
        {
            var client = new Client { Inn = Report.Invariant($"99{i:00000000}"), LegalName = $"ООО «Клиент {i}»", Postcode = "101000", PostalAddress = "г. Москва, ул. Мясницкая, д. 1", CreatedAt = now };
            await clientStore.InsertAsync(client, ct);
            var doc = (await documents.FindByNumberAsync($"BENCH-{i:00000}", ct))!;
            doc.ClientId = client.Id;
            await documents.TryUpdateAsync(doc, ct);
            var watch = Stopwatch.StartNew();
            using var scanned = await clients[0].PostAsJsonAsync("agent/v1/scan", new AgentScan($"s{i}", doc.Code, "out"), ct);
            if (!scanned.IsSuccessStatusCode)
            {
                report.Note($"scan {i}: {(int)scanned.StatusCode} {(await scanned.Content.ReadAsStringAsync(ct))[..200]}");
                return;
            }
            var answer = await scanned.Content.ReadFromJsonAsync<AgentScanAnswer>(ct);
            using var claimed = await labels.PostAsync("agent/v1/claim?wait=5", null, ct);
            latencies.Add(watch.Elapsed);
            if (answer?.Ok != true || claimed.StatusCode != HttpStatusCode.OK) report.Note($"scan {i}: {answer?.Message} / {claimed.StatusCode}");
            else (await labels.PostAsync($"agent/v1/jobs/{(await claimed.Content.ReadFromJsonAsync<AgentJob>(ct))!.Id}/ack", null, ct)).EnsureSuccessStatusCode();
        }
        var sorted = latencies.Order().ToList();
        report.Figure("scan to label", $"p50 {Report.Millis(Stats.Percentile(sorted, 0.5))}, p95 {Report.Millis(Stats.Percentile(sorted, 0.95))}",
            "scan posted (document Sent, register, label rendered as PDF) until the label job is claimed");
        foreach (var http in clients) http.Dispose();
        labels.Dispose();
    }
}
