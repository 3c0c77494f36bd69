using BotPlatform.Core.Approvals;
using BotPlatform.Core.Common;
using BotPlatform.Infrastructure.Storage;
using BotPlatform.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Tests.Approvals;

/// <summary>Written once, run on both engines: LiteDB and PostgreSQL (see TestStorage).</summary>
public abstract class ApprovalStoreTests(StorageEngine engine) : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private TestStorage _storage = null!;

    private ServiceProvider _services => _storage.Services;

    public async Task InitializeAsync() => _storage = await TestStorage.CreateAsync(engine);

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    public sealed class LiteDb() : ApprovalStoreTests(StorageEngine.LiteDb);

    public sealed class Postgres() : ApprovalStoreTests(StorageEngine.Postgres);

    private IApprovalStore Store => _services.GetRequiredService<IApprovalStore>();

    private static ApprovalRequest Request(string number, DateTimeOffset? timer, params long[] waiting) => new()
    {
        Number = number, Counterparty = "ООО Ромашка", NextTimerAt = timer, Waiting = [.. waiting],
        Current = new StepState { StartedAt = Noon, Seq = 1 },
    };

    [Fact]
    public async Task Due_returns_only_requests_whose_timer_has_come()
    {
        await Store.InsertAsync(Request("ЗО-2026-0001", Noon.AddHours(-1)), default);
        await Store.InsertAsync(Request("ЗО-2026-0002", Noon.AddHours(1)), default);
        await Store.InsertAsync(Request("ЗО-2026-0003", null), default);

        var due = await Store.DueAsync(Noon, 10, default);

        Assert.Equal(["ЗО-2026-0001"], due.Select(r => r.Number));
    }

    [Fact]
    public async Task Waiting_for_finds_requests_by_any_waiting_person()
    {
        await Store.InsertAsync(Request("ЗО-2026-0001", null, 5, 7), default);
        await Store.InsertAsync(Request("ЗО-2026-0002", null, 7), default);
        await Store.InsertAsync(Request("ЗО-2026-0003", null, 9), default);

        var waiting = await Store.WaitingForAsync(7, default);

        Assert.Equal(["ЗО-2026-0001", "ЗО-2026-0002"], waiting.Select(r => r.Number).Order());
    }

    [Fact]
    public async Task Held_finds_frozen_requests_and_those_waiting_for_documents_and_nothing_else()
    {
        foreach (var (number, status) in new[]
        {
            ("ЗО-2026-0001", RequestStatus.Frozen), ("ЗО-2026-0002", RequestStatus.InProgress),
            ("ЗО-2026-0003", RequestStatus.AwaitingDocuments), ("ЗО-2026-0004", RequestStatus.Rejected),
        })
        {
            var request = Request(number, null);
            request.Status = status;
            await Store.InsertAsync(request, default);
        }

        var held = await Store.HeldAsync(default);

        Assert.Equal(["ЗО-2026-0001", "ЗО-2026-0003"], held.Select(r => r.Number));
    }

    [Fact]
    public async Task Numbers_are_found_whatever_their_case()
    {
        await Store.InsertAsync(Request("ЗО-2026-0042", null), default);

        Assert.NotNull(await Store.FindByNumberAsync("зо-2026-0042", default));
        Assert.Single(await Store.SearchAsync("ромашка", 10, default));
    }

    [Fact]
    public async Task Sequences_count_from_one_without_gaps_under_parallel_callers()
    {
        var sequences = _services.GetRequiredService<ISequenceStore>();

        var values = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => sequences.NextAsync("Payment:2026", default))));

        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), values.Order());
    }
}
