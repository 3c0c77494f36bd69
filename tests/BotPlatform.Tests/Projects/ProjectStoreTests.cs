using BotPlatform.Core.Common;
using BotPlatform.Core.Projects;
using BotPlatform.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Tests.Projects;

/// <summary>The project, task and time stores behave the same on LiteDB and PostgreSQL.</summary>
public abstract class ProjectStoreTests(StorageEngine engine) : IAsyncLifetime
{
    private TestStorage _storage = null!;

    public sealed class LiteDb() : ProjectStoreTests(StorageEngine.LiteDb);
    public sealed class Postgres() : ProjectStoreTests(StorageEngine.Postgres);

    public async Task InitializeAsync() => _storage = await TestStorage.CreateAsync(engine);
    public async Task DisposeAsync() => await _storage.DisposeAsync();

    private IProjectStore Projects => _storage.Services.GetRequiredService<IProjectStore>();
    private IProjectTaskStore Tasks => _storage.Services.GetRequiredService<IProjectTaskStore>();
    private ITimeEntryStore Entries => _storage.Services.GetRequiredService<ITimeEntryStore>();

    [Fact]
    public async Task Projects_are_found_by_number_pm_ids_and_group_and_update_only_from_their_version()
    {
        var first = new Project { Number = "prj-0001", Title = "A", PmId = 7, ClientId = 1, GroupChatIds = [-100] };
        var second = new Project { Number = "PRJ-0002", Title = "B", PmId = 7, ClientId = 1 };
        await Projects.InsertAsync(first, default);
        await Projects.InsertAsync(second, default);
        var stale = (await Projects.GetAsync(first.Id, default))!;
        var fresh = (await Projects.GetAsync(first.Id, default))!;
        fresh.GroupChatIds.Add(-200);

        Assert.True(await Projects.TryUpdateAsync(fresh, default));
        Assert.False(await Projects.TryUpdateAsync(stale, default));
        Assert.Equal(first.Id, (await Projects.FindByNumberAsync("PRJ-0001", default))?.Id);
        Assert.Equal([second.Id, first.Id], (await Projects.ByPmAsync(7, default)).Select(p => p.Id));
        Assert.Equal([first.Id], (await Projects.ByGroupAsync(-200, default)).Select(p => p.Id));
        Assert.Equal([second.Id], (await Projects.ByIdsAsync([second.Id, 999], default)).Select(p => p.Id));
    }

    [Fact]
    public async Task Projects_are_found_by_client_oldest_first()
    {
        await Projects.InsertAsync(new Project { Number = "PRJ-0001", PmId = 7, ClientId = 3_000_000_000 }, default);
        await Projects.InsertAsync(new Project { Number = "PRJ-0002", PmId = 7, ClientId = 4 }, default);
        await Projects.InsertAsync(new Project { Number = "PRJ-0003", PmId = 7, ClientId = 3_000_000_000 }, default);

        Assert.Equal(["PRJ-0001", "PRJ-0003"], (await Projects.ByClientAsync(3_000_000_000, default)).Select(p => p.Number));
        Assert.Equal(["PRJ-0002"], (await Projects.ByClientAsync(4, default)).Select(p => p.Number));
        Assert.Empty(await Projects.ByClientAsync(5, default));
    }

    [Fact]
    public async Task Projects_whose_payment_nudge_is_due_are_found_and_a_cleared_nudge_is_not()
    {
        var at = new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);
        var due = new Project { Number = "PRJ-0001", PmId = 7, NextNudgeAt = at, NudgePeriodStart = new DateOnly(2026, 11, 1),
            Billing = new BotPlatform.Core.Billing.Nudges.BillingPeriod { Anchor = new DateOnly(2026, 11, 1) } };
        var later = new Project { Number = "PRJ-0002", PmId = 7, NextNudgeAt = at.AddDays(1) };
        var cleared = new Project { Number = "PRJ-0003", PmId = 7, NextNudgeAt = at.AddDays(-1) };
        await Projects.InsertAsync(due, default);
        await Projects.InsertAsync(later, default);
        await Projects.InsertAsync(cleared, default);
        await Projects.InsertAsync(new Project { Number = "PRJ-0004", PmId = 7 }, default);
        cleared.NextNudgeAt = null;
        Assert.True(await Projects.TryUpdateAsync(cleared, default));

        var found = Assert.Single(await Projects.NudgesDueAsync(at, 10, default));

        Assert.Equal(due.Id, found.Id);
        Assert.Equal((at, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1), 1), (found.NextNudgeAt, found.NudgePeriodStart, found.Billing!.Anchor, found.Billing.Every));
        Assert.Equal(2, (await Projects.NudgesDueAsync(at.AddDays(1), 10, default)).Count);
        Assert.Empty(await Projects.NudgesDueAsync(at.AddTicks(-1), 10, default));
    }

    [Fact]
    public async Task Tasks_are_listed_in_order_by_person_and_when_their_timer_is_due()
    {
        var at = new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
        await Tasks.InsertManyAsync(
        [
            new ProjectTask { ProjectId = 1, No = 2, ExecutorId = 5, AuditorId = 6, Title = "Два", PlannedEnd = new DateOnly(2026, 12, 1) },
            new ProjectTask { ProjectId = 1, No = 1, ExecutorId = 6, AuditorId = 5, Title = "Один", NextTimerAt = at },
            new ProjectTask { ProjectId = 2, No = 1, ExecutorId = 9, AuditorId = 9, NextTimerAt = at.AddDays(1) },
        ], default);

        Assert.Equal(["Один", "Два"], (await Tasks.ByProjectAsync(1, default)).Select(t => t.Title));
        Assert.Equal(2, (await Tasks.ByPersonAsync(5, default)).Count);
        Assert.Equal(["Один"], (await Tasks.DueAsync(at, 10, default)).Select(t => t.Title));
        Assert.Equal(new DateOnly(2026, 12, 1), (await Tasks.ByProjectAsync(1, default))[1].PlannedEnd);
    }

    [Fact]
    public async Task Time_entries_are_found_by_task_project_and_a_persons_dates()
    {
        await Entries.InsertAsync(new TimeEntry { TaskId = 1, ProjectId = 1, PersonId = 5, Date = new DateOnly(2026, 11, 30), Hours = 1.25m }, default);
        await Entries.InsertAsync(new TimeEntry { TaskId = 2, ProjectId = 1, PersonId = 5, Date = new DateOnly(2026, 12, 7), Hours = 2m }, default);

        Assert.Equal([1.25m], (await Entries.ByTaskAsync(1, default)).Select(e => e.Hours));
        Assert.Equal(3.25m, (await Entries.ByProjectAsync(1, default)).Sum(e => e.Hours));
        Assert.Equal([1.25m], (await Entries.ByPersonAsync(5, new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 6), default)).Select(e => e.Hours));
    }
}
