using BotPlatform.Core.Billing;
using BotPlatform.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Tests.Billing;

/// <summary>The report and claim stores behave the same on LiteDB and PostgreSQL.</summary>
public abstract class BillingStoreTests(StorageEngine engine) : IAsyncLifetime
{
    private TestStorage _storage = null!;

    public sealed class LiteDb() : BillingStoreTests(StorageEngine.LiteDb);
    public sealed class Postgres() : BillingStoreTests(StorageEngine.Postgres);

    public async Task InitializeAsync() => _storage = await TestStorage.CreateAsync(engine);
    public async Task DisposeAsync() => await _storage.DisposeAsync();

    private IBillingReportStore Reports => _storage.Services.GetRequiredService<IBillingReportStore>();
    private IReportClaimStore Claims => _storage.Services.GetRequiredService<IReportClaimStore>();

    [Fact]
    public async Task Reports_are_found_by_number_and_client_and_update_only_from_their_version()
    {
        var first = new BillingReport { Number = "отч-2026-0001", ClientId = 3, From = new DateOnly(2026, 11, 1), To = new DateOnly(2026, 11, 30) };
        first.Lines.Add(new ReportLine { TaskId = 7, ProjectNumber = "PRJ-0001", TaskNo = 2, Hours = 1.25m, Billable = true, Rate = 3500m, Sum = 4375m, Value = 4375m });
        var second = new BillingReport { Number = "ОТЧ-2026-0002", ClientId = 3 };
        await Reports.InsertAsync(first, default);
        await Reports.InsertAsync(second, default);
        var stale = (await Reports.GetAsync(first.Id, default))!;
        var fresh = (await Reports.GetAsync(first.Id, default))!;
        fresh.Status = ReportStatus.Cancelled;

        Assert.True(await Reports.TryUpdateAsync(fresh, default));
        Assert.False(await Reports.TryUpdateAsync(stale, default));
        var found = (await Reports.FindByNumberAsync("ОТЧ-2026-0001", default))!;
        Assert.Equal((ReportStatus.Cancelled, new DateOnly(2026, 11, 30), 4375m, (decimal?)3500m), (found.Status, found.To, found.Lines[0].Sum, found.Lines[0].Rate));
        Assert.Equal([second.Id, first.Id], (await Reports.ByClientAsync(3, default)).Select(r => r.Id));
        Assert.Empty(await Reports.ByClientAsync(4, default));
    }

    [Fact]
    public async Task All_reports_come_newest_first_with_their_filters()
    {
        var first = new BillingReport { Number = "ОТЧ-2026-0001", ClientId = 3, WorkTypes = ["design"], WorkTypeNames = ["Дизайн"], TaskStates = [Core.Projects.ProjectTaskState.Done, Core.Projects.ProjectTaskState.ClientReview] };
        var second = new BillingReport { Number = "ОТЧ-2026-0002", ClientId = 4 };
        await Reports.InsertAsync(first, default);
        await Reports.InsertAsync(second, default);

        var all = await Reports.AllAsync(default);

        Assert.Equal([second.Id, first.Id], all.Select(r => r.Id));
        Assert.Equal(["design"], all[1].WorkTypes);
        Assert.Equal(["Дизайн"], all[1].WorkTypeNames);
        Assert.Equal([Core.Projects.ProjectTaskState.Done, Core.Projects.ProjectTaskState.ClientReview], all[1].TaskStates);
        Assert.Empty(all[0].WorkTypes);
    }

    [Fact]
    public async Task A_task_is_claimed_by_one_report_and_released_only_by_it()
    {
        var first = await Claims.ClaimAsync(1, [10, 11], default);
        var second = await Claims.ClaimAsync(2, [11, 12], default);
        await Claims.ReleaseAsync(2, [11], default);
        var stillFirst = await Claims.HolderAsync(11, default);
        await Claims.ReleaseAsync(1, [11], default);

        Assert.Equal([10, 11], first.Order());
        Assert.Equal([12], second);
        Assert.Equal(1, stillFirst);
        Assert.Null(await Claims.HolderAsync(11, default));
        Assert.Equal(new HashSet<long> { 10, 12 }, await Claims.ClaimedAsync([10, 11, 12, 13], default));
    }

    [Fact]
    public async Task Two_reports_claiming_the_same_tasks_at_the_same_moment_never_share_one()
    {
        var tasks = Enumerable.Range(1, 200).Select(i => (long)i).ToList();
        using var start = new ManualResetEventSlim();

        var claims = await Task.WhenAll(Enumerable.Range(1, 4).Select(report => Task.Run(async () =>
        {
            start.Wait();
            return await Claims.ClaimAsync(report, tasks.OrderBy(t => (t * report) % 7).ToList(), default);
        })).Append(Task.Run(() => { start.Set(); return (IReadOnlyList<long>)[]; })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(tasks.Count, all.Count);
        Assert.Equal(tasks, all.Order());
        foreach (var task in tasks.Take(20)) Assert.NotNull(await Claims.HolderAsync(task, default));
    }
}
