using BotPlatform.Core.People;
using BotPlatform.Infrastructure.Organisation;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Printing;
using BotPlatform.Infrastructure.Storage;
using BotPlatform.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BotPlatform.Tests.Printing;

/// <summary>The claim / ack / fail protocol the printing agent will use, on the real stores of both engines.</summary>
/// <summary>Written once, run on both engines: LiteDB and PostgreSQL (see TestStorage).</summary>
public abstract class PrintQueueTests(StorageEngine engine) : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private TestStorage _storage = null!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));

    public sealed class LiteDb() : PrintQueueTests(StorageEngine.LiteDb);

    public sealed class Postgres() : PrintQueueTests(StorageEngine.Postgres);

    private ServiceProvider _services => _storage.Services;

    public async Task InitializeAsync() => _storage = await TestStorage.CreateAsync(engine, services => services
        .AddSingleton<TimeProvider>(_time)
        .AddSingleton(new Organisation(OrganisationYamlLoader.Load(TestFiles.Path("TestData/organisation.test.yaml"))))
        .AddSingleton<PrintQueue>());

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    private PrintQueue Queue => _services.GetRequiredService<PrintQueue>();
    private IDocumentStore Documents => _services.GetRequiredService<IDocumentStore>();

    private async Task<(Document Doc, PrintJob Job)> ApprovedWithJobAsync(string number = "Д-2026-0001")
    {
        var doc = new Document { Number = number, Code = "BP" + number.GetHashCode().ToString("X8"), Kind = "framework_contract", PdfKey = "pdf" };
        doc.SkipApproval(1, _time.GetUtcNow());
        await Documents.InsertAsync(doc, default);
        return (doc, await Queue.EnqueueAsync(doc, default));
    }

    [Fact]
    public async Task A_contract_job_takes_copies_and_duplex_from_its_kind()
    {
        var (_, job) = await ApprovedWithJobAsync();

        Assert.Equal(2, job.Copies);
        Assert.True(job.Duplex);
        Assert.Equal(PrintJob.DocumentsPrinter, job.Printer);
        Assert.Equal(PrintJobState.Queued, job.State);
    }

    [Fact]
    public async Task A_claimed_job_is_not_given_to_a_second_agent_until_its_lease_runs_out()
    {
        var (_, job) = await ApprovedWithJobAsync();

        var first = await Queue.ClaimAsync(PrintJob.DocumentsPrinter, "agent-1", Lease, default);
        var second = await Queue.ClaimAsync(PrintJob.DocumentsPrinter, "agent-2", Lease, default);
        _time.Advance(Lease);
        var afterLease = await Queue.ClaimAsync(PrintJob.DocumentsPrinter, "agent-2", Lease, default);

        Assert.Equal(job.Id, first?.Id);
        Assert.Null(second);
        Assert.Equal(job.Id, afterLease?.Id);
        Assert.Equal(2, afterLease!.Attempts);
        Assert.Equal("agent-2", afterLease.ClaimedBy);
    }

    [Fact]
    public async Task Acknowledging_a_printed_job_makes_the_document_printed()
    {
        var (doc, job) = await ApprovedWithJobAsync();
        await Queue.ClaimAsync(PrintJob.DocumentsPrinter, "agent-1", Lease, default);

        var acked = await Queue.AckPrintedAsync(job.Id, "agent-1", default);

        Assert.True(acked.IsOk);
        Assert.Equal(PrintJobState.Printed, acked.Value!.State);
        Assert.Equal(DocumentStatus.Printed, (await Documents.GetAsync(doc.Id, default))!.Status);
    }

    [Fact]
    public async Task Only_the_agent_holding_the_job_may_acknowledge_it()
    {
        var (doc, job) = await ApprovedWithJobAsync();
        await Queue.ClaimAsync(PrintJob.DocumentsPrinter, "agent-1", Lease, default);

        var acked = await Queue.AckPrintedAsync(job.Id, "agent-2", default);

        Assert.Equal(PrintProblems.NotClaimedByAgent, acked.Problem?.Code);
        Assert.Equal(DocumentStatus.Approved, (await Documents.GetAsync(doc.Id, default))!.Status);
    }

    [Fact]
    public async Task A_failed_job_returns_to_the_queue_and_fails_for_good_after_the_last_attempt()
    {
        var (_, job) = await ApprovedWithJobAsync();
        var states = new List<PrintJobState>();

        for (var i = 0; i < PrintJob.MaxAttempts; i++)
        {
            await Queue.ClaimAsync(PrintJob.DocumentsPrinter, "agent-1", Lease, default);
            states.Add((await Queue.FailAsync(job.Id, "agent-1", "paper jam", default)).Value!.State);
        }

        Assert.Equal([PrintJobState.Queued, PrintJobState.Queued, PrintJobState.Failed], states);
        Assert.Null(await Queue.ClaimAsync(PrintJob.DocumentsPrinter, "agent-1", Lease, default));
        Assert.Equal("paper jam", (await _services.GetRequiredService<IPrintJobStore>().GetAsync(job.Id, default))!.Error);
    }

    [Fact]
    public async Task Jobs_are_claimed_oldest_first_and_a_cancelled_one_is_skipped()
    {
        var (first, _) = await ApprovedWithJobAsync("Д-2026-0001");
        var (_, second) = await ApprovedWithJobAsync("Д-2026-0002");
        await Queue.CancelForAsync(first.Id, default);

        var claimed = await Queue.ClaimAsync(PrintJob.DocumentsPrinter, "agent-1", Lease, default);

        Assert.Equal(second.Id, claimed?.Id);
    }

    [Fact]
    public async Task Two_agents_claiming_one_job_at_once_on_two_hosts_one_gets_it_and_two_acks_print_it_once()
    {
        var (doc, job) = await ApprovedWithJobAsync();
        var queues = new[] { Queue, _storage.Replica().GetRequiredService<PrintQueue>() };

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Task.Run(() => queues[i % 2].ClaimAsync(PrintJob.DocumentsPrinter, $"agent-{i}", Lease, default))));
        var winner = Assert.Single(claims, c => c is not null)!;
        var acks = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Task.Run(() => queues[i % 2].AckPrintedAsync(job.Id, winner.ClaimedBy!, default))));

        Assert.Equal(job.Id, winner.Id);
        Assert.All(acks, a => Assert.True(a.IsOk));
        var stored = (await Documents.GetAsync(doc.Id, default))!;
        Assert.Equal(DocumentStatus.Printed, stored.Status);
        Assert.Single(stored.History, h => h.Action == DocumentActions.Printed);
        Assert.Equal((PrintJobState.Printed, 1), ((await _services.GetRequiredService<IPrintJobStore>().GetAsync(job.Id, default))!.State, winner.Attempts));
    }
}
