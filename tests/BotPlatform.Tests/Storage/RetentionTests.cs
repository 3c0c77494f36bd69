using BotPlatform.Core.Projects;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Messaging;
using InboxItem = BotPlatform.Core.Messaging.InboxItem;
using BotPlatform.Infrastructure.Storage;
using BotPlatform.Jobs;
using BotPlatform.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace BotPlatform.Tests.Storage;

/// <summary>
/// Old handled updates and sent messages go; parked, failed, pending and what cards still edit stay.
/// Written once, run on both engines (see TestStorage).
/// </summary>
public abstract class RetentionStoreTests(StorageEngine engine) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private TestStorage _storage = null!;

    private ServiceProvider _services => _storage.Services;

    public async Task InitializeAsync() => _storage = await TestStorage.CreateAsync(engine, services => services
        .AddLogging()
        .AddSingleton<TimeProvider>(_time)
        .AddSingleton<Retention>()
        .Configure<RetentionOptions>(o => (o.InboxDays, o.OutboxDays) = (30, 14)));

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    public sealed class LiteDb() : RetentionStoreTests(StorageEngine.LiteDb);

    public sealed class Postgres() : RetentionStoreTests(StorageEngine.Postgres);

    private IInboxStore Inbox => _services.GetRequiredService<IInboxStore>();
    private IOutboxStore Outbox => _services.GetRequiredService<IOutboxStore>();

    [Fact]
    public async Task Handled_updates_older_than_the_setting_go_and_parked_or_pending_ones_stay()
    {
        await Inbox.AddNewAsync([
            Update(1, InboxStatus.Done, handledDaysAgo: 31), Update(2, InboxStatus.Done, handledDaysAgo: 29),
            Update(3, InboxStatus.Parked, handledDaysAgo: null), Update(4, InboxStatus.Pending, handledDaysAgo: null),
        ], default);

        var result = await _services.GetRequiredService<Retention>().RunAsync(default);

        Assert.Equal(1, result.InboxRemoved);
        Assert.Null(await Inbox.GetAsync(1, default));
        Assert.NotNull(await Inbox.GetAsync(2, default));
        Assert.Equal(InboxStatus.Parked, (await Inbox.GetAsync(3, default))!.Status);
        Assert.Equal(InboxStatus.Pending, (await Inbox.GetAsync(4, default))!.Status);
    }

    [Fact]
    public async Task Sent_messages_older_than_the_setting_go_except_failed_pending_and_the_cards_an_approval_still_edits()
    {
        await Message("old-sent", OutboxStatus.Sent, daysAgo: 15);
        await Message("old-skipped", OutboxStatus.Skipped, daysAgo: 15);
        await Message("recent-sent", OutboxStatus.Sent, daysAgo: 13);
        await Message("old-failed", OutboxStatus.Failed, daysAgo: 100);
        await Message("old-pending", OutboxStatus.Pending, daysAgo: 100);
        await Message("old-card", OutboxStatus.Sent, daysAgo: 100);
        await Message("old-initiator-card", OutboxStatus.Sent, daysAgo: 100);
        await Message("old-card-of-a-decided-step", OutboxStatus.Sent, daysAgo: 100);
        await _services.GetRequiredService<IApprovalStore>().InsertAsync(new ApprovalRequest
        {
            Number = "ЗП-2026-0001",
            Current = new StepState { Cards = [new CardRef { ChatId = 1, OutboxId = "old-card" }, new CardRef { ChatId = 2, MessageId = 77 }] },
            InitiatorCard = new CardRef { ChatId = 3, OutboxId = "old-initiator-card" },
        }, default);

        var result = await _services.GetRequiredService<Retention>().RunAsync(default);

        Assert.Equal((3, 2), (result.OutboxRemoved, result.OutboxKeptForCards));
        Assert.Null(await Outbox.GetAsync("old-sent", default));
        Assert.Null(await Outbox.GetAsync("old-skipped", default));
        Assert.Null(await Outbox.GetAsync("old-card-of-a-decided-step", default));
        foreach (var kept in new[] { "recent-sent", "old-failed", "old-pending", "old-card", "old-initiator-card" })
            Assert.True(await Outbox.GetAsync(kept, default) is not null, kept + " is kept");
    }

    [Fact]
    public async Task The_cards_of_an_open_project_task_are_kept_and_those_of_a_done_task_go()
    {
        await Message("executor-card", OutboxStatus.Sent, daysAgo: 60);
        await Message("auditor-card", OutboxStatus.Sent, daysAgo: 60);
        await Message("client-card", OutboxStatus.Sent, daysAgo: 60);
        await Message("done-task-card", OutboxStatus.Sent, daysAgo: 60);
        await _services.GetRequiredService<IProjectTaskStore>().InsertManyAsync(
        [
            new ProjectTask { ProjectId = 1, No = 1, State = ProjectTaskState.InProgress, ExecutorCard = "executor-card", AuditorCard = "auditor-card", ClientCard = "client-card" },
            new ProjectTask { ProjectId = 1, No = 2, State = ProjectTaskState.Done, ExecutorCard = "done-task-card" },
        ], default);

        var result = await _services.GetRequiredService<Retention>().RunAsync(default);

        Assert.Equal((1, 3), (result.OutboxRemoved, result.OutboxKeptForCards));
        Assert.Null(await Outbox.GetAsync("done-task-card", default));
        foreach (var kept in new[] { "executor-card", "auditor-card", "client-card" })
            Assert.True(await Outbox.GetAsync(kept, default) is not null, kept + " is kept");
    }

    [Fact]
    public async Task Day_by_day_a_message_goes_on_the_first_run_after_its_period()
    {
        await Message("m", OutboxStatus.Sent, daysAgo: 0);
        var retention = _services.GetRequiredService<Retention>();
        var removedOn = new List<int>();

        for (var day = 1; day <= 16; day++)
        {
            _time.Advance(TimeSpan.FromDays(1));
            if ((await retention.RunAsync(default)).OutboxRemoved > 0) removedOn.Add(day);
        }

        Assert.Equal([15], removedOn);
    }

    private InboxItem Update(long id, InboxStatus status, int? handledDaysAgo) => new()
    {
        Id = id, ChatKey = 1, Payload = "{}", Status = status, ReceivedAt = Now.AddDays(-(handledDaysAgo ?? 100)),
        HandledAt = handledDaysAgo is { } days ? Now.AddDays(-days) : null,
    };

    private async Task Message(string id, OutboxStatus status, int daysAgo)
    {
        await Outbox.EnqueueAsync([new OutboxMessage { Id = id, ChatId = 1, Kind = OutboxKind.Send, Text = id, CreatedAt = _time.GetUtcNow().AddDays(-daysAgo) }], default);
        var stored = (await Outbox.GetAsync(id, default))!;
        stored.Status = status;
        await Outbox.SaveAsync(stored, default);
    }
}

/// <summary>The retention's settings and its nightly job in the host.</summary>
public sealed class RetentionTests
{
    [Theory]
    [InlineData("Retention:InboxDays", "1")]
    [InlineData("Retention:OutboxDays", "0")]
    [InlineData("Retention:OutboxDays", "99999")]
    public void A_period_out_of_range_is_refused_at_start(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddJobs(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RetentionOptions>>().Value);

        Assert.Contains(key.Split(':')[1], error.Message);
    }

    [Fact]
    public async Task The_host_schedules_retention_nightly_and_the_job_removes_old_sent_messages()
    {
        await using var host = await BotHost.StartAsync();
        var anna = await host.JoinedAsync("Анна", "anna");
        await host.SaysAsync(anna, "/whoami");
        await host.IdleAsync();
        var outbox = host.Get<LiteDbContext>().Collection<OutboxMessage>("outbox");
        var sent = outbox.Count(m => m.Status == OutboxStatus.Sent);
        var scheduler = await host.Get<ISchedulerFactory>().GetScheduler();
        var trigger = (ICronTrigger)(await scheduler.GetTrigger(new TriggerKey("retention-daily")))!;

        host.Time.Advance(TimeSpan.FromDays(31));
        await scheduler.TriggerJob(RetentionJob.Key);
        await host.Tg.WaitUntilAsync(() => outbox.Count(m => m.Status == OutboxStatus.Sent) == 0, TimeSpan.FromSeconds(15));

        Assert.Equal("0 30 3 * * ?", trigger.CronExpressionString);
        Assert.True(sent > 0, "the conversation sent messages");
    }
}
