using BotPlatform.Core.Billing;
using BotPlatform.Core.Billing.Invoicing;
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

    /// <summary>Client 3: Sept Paid, Oct Invoiced, Nov Sent, 16.11-15.12 Sent; client 4: Nov Sent. Inserted in that order.</summary>
    private async Task<List<BillingReport>> FiveReportsAsync()
    {
        var made = new List<BillingReport>
        {
            new() { Number = "ОТЧ-2026-0001", ClientId = 3, From = new DateOnly(2026, 9, 1), To = new DateOnly(2026, 9, 30), Status = ReportStatus.Paid },
            new() { Number = "ОТЧ-2026-0002", ClientId = 3, From = new DateOnly(2026, 10, 1), To = new DateOnly(2026, 10, 31), Status = ReportStatus.Invoiced },
            new() { Number = "ОТЧ-2026-0003", ClientId = 3, From = new DateOnly(2026, 11, 1), To = new DateOnly(2026, 11, 30), Status = ReportStatus.Sent },
            new() { Number = "ОТЧ-2026-0004", ClientId = 3, From = new DateOnly(2026, 11, 16), To = new DateOnly(2026, 12, 15), Status = ReportStatus.Sent },
            new() { Number = "ОТЧ-2026-0005", ClientId = 4, From = new DateOnly(2026, 11, 1), To = new DateOnly(2026, 11, 30), Status = ReportStatus.Sent },
        };
        foreach (var report in made) await Reports.InsertAsync(report, default);
        return made;
    }

    /// <summary>"5,4 of 5": the last digits of the page's numbers, and how many the query takes in all.</summary>
    private async Task<string> QueryAsync(ReportsQuery query, int skip = 0, int take = 10)
    {
        var (reports, total) = await Reports.QueryAsync(query, skip, take, default);
        return $"{string.Join(',', reports.Select(r => r.Number[^1..]))} of {total}";
    }

    [Fact]
    public async Task The_history_is_filtered_by_client_period_and_status_in_the_store_and_paged_newest_first()
    {
        await FiveReportsAsync();

        var all = await QueryAsync(ReportsQuery.All);
        var secondPage = await QueryAsync(ReportsQuery.All, skip: 2, take: 2);
        var client = await QueryAsync(new ReportsQuery(3, null, null, null));
        var sent = await QueryAsync(new ReportsQuery(null, null, null, ReportStatus.Sent));
        var november = await QueryAsync(new ReportsQuery(null, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), null));
        var fromDecember = await QueryAsync(new ReportsQuery(null, new DateOnly(2026, 12, 1), null, null));
        var untilSeptember = await QueryAsync(new ReportsQuery(null, null, new DateOnly(2026, 9, 30), null));
        var together = await QueryAsync(new ReportsQuery(3, new DateOnly(2026, 10, 31), new DateOnly(2026, 11, 15), ReportStatus.Sent));
        var none = await QueryAsync(new ReportsQuery(4, null, null, ReportStatus.Paid));
        var pastTheEnd = await QueryAsync(ReportsQuery.All, skip: 10);

        Assert.Equal("5,4,3,2,1 of 5", all);
        Assert.Equal("3,2 of 5", secondPage);
        Assert.Equal("4,3,2,1 of 4", client);
        Assert.Equal("5,4,3 of 3", sent);
        Assert.Equal("5,4,3 of 3", november);
        Assert.Equal("4 of 1", fromDecember);
        Assert.Equal("1 of 1", untilSeptember);
        Assert.Equal("3 of 1", together);
        Assert.Equal(" of 0", none);
        Assert.Equal(" of 5", pastTheEnd);
    }

    [Fact]
    public async Task A_status_change_moves_a_report_between_the_filters()
    {
        var made = await FiveReportsAsync();
        var third = (await Reports.GetAsync(made[2].Id, default))!;
        third.Status = ReportStatus.Cancelled;
        Assert.True(await Reports.TryUpdateAsync(third, default));

        Assert.Equal("5,4 of 2", await QueryAsync(new ReportsQuery(null, null, null, ReportStatus.Sent)));
        Assert.Equal("3 of 1", await QueryAsync(new ReportsQuery(null, null, null, ReportStatus.Cancelled)));
    }

    [Fact]
    public async Task Approved_reports_are_due_for_invoicing_from_their_due_time_and_not_once_invoiced()
    {
        var now = new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
        var later = new BillingReport { Number = "ОТЧ-2026-0001", ClientId = 3, Status = ReportStatus.Approved, InvoiceDueAt = now.AddMinutes(1) };
        var due = new BillingReport { Number = "ОТЧ-2026-0002", ClientId = 3, Status = ReportStatus.Approved, InvoiceDueAt = now };
        var legacy = new BillingReport { Number = "ОТЧ-2026-0003", ClientId = 3, Status = ReportStatus.Approved };
        var sent = new BillingReport { Number = "ОТЧ-2026-0004", ClientId = 3, Status = ReportStatus.Sent, InvoiceDueAt = now.AddDays(-1) };
        foreach (var report in new[] { later, due, legacy, sent }) await Reports.InsertAsync(report, default);

        var before = await Reports.InvoiceDueAsync(now, 10, default);
        var invoiced = (await Reports.GetAsync(due.Id, default))!;
        Assert.True(invoiced.MarkInvoiced(new ReportBilling { InvoiceNumber = "СЧ-1" }, 1, now));
        Assert.True(await Reports.TryUpdateAsync(invoiced, default));
        var after = await Reports.InvoiceDueAsync(now.AddMinutes(1), 10, default);

        Assert.Equal([due.Id, legacy.Id], before.Select(r => r.Id));
        Assert.Equal([later.Id, legacy.Id], after.Select(r => r.Id));
        Assert.Equal([later.Id], (await Reports.InvoiceDueAsync(now.AddMinutes(1), 1, default)).Select(r => r.Id));
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
