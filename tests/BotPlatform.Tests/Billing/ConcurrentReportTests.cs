using BotPlatform.Core.Billing;
using BotPlatform.Core.People;
using BotPlatform.Tests.Projects;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Billing;

/// <summary>Reports built at the same moment over the same tasks, through the real host's use case, on both engines.</summary>
public abstract class ConcurrentReportTests(StorageEngine engine) : IAsyncLifetime
{
    private BotHost _host = null!;

    public sealed class LiteDb() : ConcurrentReportTests(StorageEngine.LiteDb);
    public sealed class Postgres() : ConcurrentReportTests(StorageEngine.Postgres);

    public async Task InitializeAsync()
    {
        _host = await BillingArrange.StartAsync(engine);
        await _host.JoinedAsync("Катя", "pm_kate");
        await _host.JoinedAsync("Сергей", "dir_sergey");
        await _host.NovemberWorkAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Two_reports_built_at_the_same_moment_never_share_a_task()
    {
        var desk = _host.Get<ReportDesk>();
        var pm = await _host.PersonAsync("pm_kate");
        var director = await _host.PersonAsync("dir_sergey");

        var built = await Task.WhenAll(
            Task.Run(() => desk.BuildAsync(new ReportRequest("PRJ-0001", "11.2026"), pm, default)),
            Task.Run(() => desk.BuildAsync(new ReportRequest("7730123456", "11.2026"), director, default)));

        var reports = built.Where(r => r.IsOk).Select(r => r.Value!).ToList();
        var tasks = reports.SelectMany(r => r.Lines.Select(l => l.TaskId)).ToList();
        Assert.Equal(3, tasks.Count);
        Assert.Equal(tasks.Count, tasks.Distinct().Count());
        Assert.All(built.Where(r => !r.IsOk), r => Assert.Equal(BillingProblems.NoWork, r.Problem!.Code));
        var claims = _host.Get<IReportClaimStore>();
        foreach (var report in reports)
            foreach (var line in report.Lines)
                Assert.Equal(report.Id, await claims.HolderAsync(line.TaskId, default));
    }
}
