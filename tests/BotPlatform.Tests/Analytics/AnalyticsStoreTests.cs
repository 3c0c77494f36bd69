using BotPlatform.Core.Analytics.Projection;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Common;
using BotPlatform.Core.People;
using BotPlatform.Infrastructure.Organisation;
using BotPlatform.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BotPlatform.Tests.Analytics;

/// <summary>
/// The analytics projection's store, written once and run on both engines: rows and daily buckets follow every save of a
/// request through the projecting approval store, inside the unit of work (a rolled-back decision leaves no analytics behind).
/// </summary>
public abstract class AnalyticsStoreTests(StorageEngine engine) : IAsyncLifetime
{
    private static readonly TimeSpan Msk = TimeSpan.FromHours(3);
    private static DateTimeOffset T(int day, int hour) => new(2026, 11, day, hour, 0, 0, Msk);
    private static readonly DateOnly Nov2 = new(2026, 11, 2), Nov3 = new(2026, 11, 3), Nov30 = new(2026, 11, 30);

    private TestStorage _storage = null!;

    public sealed class LiteDb() : AnalyticsStoreTests(StorageEngine.LiteDb);

    public sealed class Postgres() : AnalyticsStoreTests(StorageEngine.Postgres)
    {
        /// <summary>
        /// Save A (outside any unit of work) is held after writing the request, just before it reads the request's stored rows;
        /// save B of the same request comes meanwhile. However they interleave, the rows left are those of the request as stored.
        /// </summary>
        [Fact]
        public async Task Two_saves_outside_a_unit_of_work_leave_the_rows_of_the_request_as_stored()
        {
            var r = Request();
            await Requests.InsertAsync(r, default);
            var held = new HeldAnalytics(Analytics);
            var projection = _storage.Services.GetRequiredService<AnalyticsProjection>();
            var a = new ProjectingApprovalStore(_storage.Services.GetRequiredService<Infrastructure.Storage.Postgres.PgApprovalStore>(), held,
                projection, UnitOfWork);
            var first = (await Requests.GetAsync(r.Id, default))!;
            RejectAtFinance(first, "Нет бюджета");

            var saveA = a.TryUpdateAsync(first, default);
            await held.Reading.Task;
            var saveB = Task.Run(async () =>
            {
                var second = (await Requests.GetAsync(r.Id, default))!;
                if (second.Status == RequestStatus.Rejected) second.History[^1].Reason = "Бюджет на декабрь исчерпан";
                else RejectAtFinance(second, "Другая причина");
                second.Refresh();
                return await Requests.TryUpdateAsync(second, default);
            });
            // B either finishes while A is held, or waits for A's lock: only then is A let go.
            for (var i = 0; !saveB.IsCompleted && !await SomeoneWaitsForALockAsync(); i++)
            {
                Assert.True(i < 1000, "save B neither finished nor waited for a lock");
                await Task.Delay(10);
            }
            held.Release();
            await Task.WhenAll(saveA, saveB);

            var stored = (await Requests.GetAsync(r.Id, default))!;
            Assert.Equal(projection.Steps(stored).Select(Row), (await Analytics.StepsOfAsync(r.Id, default)).OrderBy(x => x.Id).Select(Row));
            Assert.Equal([(Nov2, 1, 0), (Nov3, 1, 1)],
                (await Analytics.StepBucketsAsync(Nov2, Nov30, default)).OrderBy(b => b.Day).Select(b => (b.Day, b.Decided, b.Rejected)));
        }

        private static (string, string?, string?, bool) Row(StepDecisionRow row) => (row.Id, row.Action, row.Reason, row.Open);

        private async Task<bool> SomeoneWaitsForALockAsync()
        {
            await using var connection = new Npgsql.NpgsqlConnection(_storage.ConnectionString);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE NOT granted", connection);
            return Convert.ToInt64(await command.ExecuteScalarAsync()) > 0;
        }
    }

    /// <summary>The analytics store, holding the first read of a request's rows until released.</summary>
    private sealed class HeldAnalytics(IAnalyticsStore inner) : IAnalyticsStore
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Reading { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public void Release() => _release.TrySetResult();

        public async Task<IReadOnlyList<StepDecisionRow>> StepsOfAsync(long requestId, CancellationToken ct)
        {
            if (Reading.TrySetResult()) await _release.Task;
            return await inner.StepsOfAsync(requestId, ct);
        }

        public Task AddStepsAsync(IReadOnlyList<StepDecisionRow> rows, IReadOnlyList<StepBucket> buckets, CancellationToken ct) =>
            inner.AddStepsAsync(rows, buckets, ct);
        public Task AddSpansAsync(IReadOnlyList<DocumentStatusSpan> spans, IReadOnlyList<SpanBucket> buckets, CancellationToken ct) =>
            inner.AddSpansAsync(spans, buckets, ct);
        public Task<IReadOnlyList<DocumentStatusSpan>> SpansOfAsync(long documentId, CancellationToken ct) => inner.SpansOfAsync(documentId, ct);
        public Task ReplaceStepsAsync(long requestId, IReadOnlyList<StepDecisionRow> rows, IReadOnlyList<StepBucket> changes, CancellationToken ct) =>
            inner.ReplaceStepsAsync(requestId, rows, changes, ct);
        public Task ReplaceSpansAsync(long documentId, IReadOnlyList<DocumentStatusSpan> spans, IReadOnlyList<SpanBucket> changes, CancellationToken ct) =>
            inner.ReplaceSpansAsync(documentId, spans, changes, ct);
        public Task<IReadOnlyList<StepDecisionRow>> DecidedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct) => inner.DecidedAsync(from, to, ct);
        public Task<IReadOnlyList<StepDecisionRow>> OpenStepsAsync(CancellationToken ct) => inner.OpenStepsAsync(ct);
        public Task<IReadOnlyList<DocumentStatusSpan>> ClosedSpansAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
            inner.ClosedSpansAsync(from, to, ct);
        public Task<IReadOnlyList<DocumentStatusSpan>> OpenSpansAsync(CancellationToken ct) => inner.OpenSpansAsync(ct);
        public Task<IReadOnlyList<StepBucket>> StepBucketsAsync(DateOnly first, DateOnly last, CancellationToken ct) => inner.StepBucketsAsync(first, last, ct);
        public Task<IReadOnlyList<SpanBucket>> SpanBucketsAsync(DateOnly first, DateOnly last, CancellationToken ct) => inner.SpanBucketsAsync(first, last, ct);
        public Task<bool> TryMarkDigestAsync(string key, DateTimeOffset at, CancellationToken ct) => inner.TryMarkDigestAsync(key, at, ct);
        public Task<bool> DigestSentAsync(string key, CancellationToken ct) => inner.DigestSentAsync(key, ct);
    }

    public async Task InitializeAsync() => _storage = await TestStorage.CreateAsync(engine, services => services
        .AddSingleton(new Organisation(OrganisationYamlLoader.Load(TestFiles.Path("TestData/organisation.test.yaml"))))
        .AddSingleton<TimeProvider>(new FakeTimeProvider(T(23, 10)))
        .AddSingleton<AnalyticsProjection>()
        .AddSingleton<BucketBackfill>());

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    private IApprovalStore Requests => _storage.Services.GetRequiredService<IApprovalStore>();
    private IAnalyticsStore Analytics => _storage.Services.GetRequiredService<IAnalyticsStore>();
    private IUnitOfWork UnitOfWork => _storage.Services.GetRequiredService<IUnitOfWork>();

    /// <summary>Submitted Mon 02.11 09:00, the head (person 7) approves at 11:00 (2 h); the finance step (person 8) waits.</summary>
    private static ApprovalRequest Request()
    {
        var r = new ApprovalRequest
        {
            Number = "ЗО-2026-0001", Kind = RequestKind.Payment, Status = RequestStatus.InProgress, InitiatorId = 5, Department = "sales",
            CreatedAt = T(2, 9), Counterparty = "ООО Ромашка",
        };
        r.History.Add(new HistoryEntry { At = T(2, 9), Action = ApprovalActions.Submitted, ActorId = 5 });
        r.History.Add(new HistoryEntry { At = T(2, 11), Action = ApprovalActions.Approved, Step = "Руководитель", Seq = 1, ActorId = 7 });
        r.Current = new StepState
        {
            Seq = 2, Index = 1, Name = "finance", Title = "Финансы", Kind = StepKind.Approval, StartedAt = T(2, 11),
            Assignments = [new Assignment { No = 1, Title = "Финансы", AssigneeIds = [8] }],
        };
        r.StepSeq = 2;
        r.Refresh();
        return r;
    }

    /// <summary>Person 8 rejects at Tue 03.11 10:00 (7 + 1 = 8 working hours) with a reason.</summary>
    private static void RejectAtFinance(ApprovalRequest r, string reason)
    {
        r.History.Add(new HistoryEntry { At = T(3, 10), Action = ApprovalActions.Rejected, Step = "Финансы", Seq = 2, ActorId = 8, Reason = reason });
        r.Status = RequestStatus.Rejected;
        r.Current = null;
        r.Refresh();
    }

    [Fact]
    public async Task A_decision_adds_its_row_and_its_day_bucket_and_unchanged_decisions_are_not_counted_twice()
    {
        var r = Request();
        await Requests.InsertAsync(r, default);
        RejectAtFinance(r, " Нет бюджета");

        Assert.True(await UnitOfWork.RunAsync(() => Requests.TryUpdateAsync(r, default), default));

        Assert.Empty(await Analytics.OpenStepsAsync(default));
        Assert.Equal([(1, 2.0, ApprovalActions.Approved), (2, 8.0, ApprovalActions.Rejected)],
            (await Analytics.StepsOfAsync(r.Id, default)).OrderBy(x => x.Seq).Select(x => (x.Seq, x.WorkingHours, x.Action!)));
        var buckets = (await Analytics.StepBucketsAsync(Nov2, Nov30, default)).OrderBy(b => b.Day).ToList();
        Assert.Equal([(Nov2, "Руководитель", 7L, 1, 1, 0), (Nov3, "Финансы", 8L, 1, 0, 1)],
            buckets.Select(b => (b.Day, b.Step, b.ActorId!.Value, b.Decided, b.Approved, b.Rejected)));
        Assert.Equal([(200, 1)], buckets[0].Hours.Select(h => (h.Centi, h.Count)));
        Assert.Equal([(800, 1)], buckets[1].Hours.Select(h => (h.Centi, h.Count)));
        Assert.Equal([("нет бюджета", "Нет бюджета", 1)], buckets[1].Reasons.Select(x => (x.Key, x.Text, x.Count)));
        Assert.Equal(["Руководитель"], (await Analytics.StepBucketsAsync(Nov2, Nov2, default)).Select(b => b.Step));
    }

    [Fact]
    public async Task A_decision_rolled_back_with_its_unit_of_work_leaves_neither_its_row_nor_its_bucket()
    {
        var r = Request();
        await Requests.InsertAsync(r, default);
        var decided = await Requests.GetAsync(r.Id, default);
        RejectAtFinance(decided!, "Нет бюджета");

        await Assert.ThrowsAsync<InvalidOperationException>(() => UnitOfWork.RunAsync<bool>(async () =>
        {
            Assert.True(await Requests.TryUpdateAsync(decided!, default));
            throw new InvalidOperationException("the step after the decision failed");
        }, default));

        Assert.Equal(RequestStatus.InProgress, (await Requests.GetAsync(r.Id, default))!.Status);
        Assert.Equal(["Финансы"], (await Analytics.OpenStepsAsync(default)).Select(x => x.Step));
        Assert.Equal([1], (await Analytics.StepsOfAsync(r.Id, default)).Where(x => !x.Open).Select(x => x.Seq));
        Assert.Equal([(Nov2, 1)], (await Analytics.StepBucketsAsync(Nov2, Nov30, default)).Select(b => (b.Day, b.Decided)));
    }

    [Fact]
    public async Task Buckets_left_empty_by_a_correction_are_deleted()
    {
        var r = Request();
        r.History.Insert(2, new HistoryEntry { At = T(2, 10), Action = ApprovalActions.Escalated, Step = "Руководитель", Seq = 1 });
        await Requests.InsertAsync(r, default);
        var before = await Analytics.StepBucketsAsync(Nov2, Nov30, default);

        // The decision is taken back out of the history (as a correction would): the visit has no row left, so both buckets go.
        r.History.RemoveAll(e => e.Action == ApprovalActions.Approved);
        r.Refresh();
        Assert.True(await Requests.TryUpdateAsync(r, default));

        Assert.Equal([(7L, 1, 0), (null, 0, 1)], before.OrderBy(b => b.ActorId is null).Select(b => (b.ActorId, b.Decided, b.Escalations)));
        Assert.Empty(await Analytics.StepBucketsAsync(Nov2, Nov30, default));
    }

    [Fact]
    public async Task Rows_stored_before_the_buckets_existed_are_bucketed_once_at_start()
    {
        var r = Request();
        RejectAtFinance(r, "Нет бюджета");
        r.Id = 42;
        var rows = _storage.Services.GetRequiredService<AnalyticsProjection>().Steps(r);
        await Analytics.AddStepsAsync(rows, [], default);
        var backfill = _storage.Services.GetRequiredService<BucketBackfill>();

        Assert.Empty(await Analytics.StepBucketsAsync(Nov2, Nov30, default));
        Assert.True(await backfill.RunAsync(default));
        Assert.False(await backfill.RunAsync(default));

        Assert.Equal([(Nov2, 1, 0, 200), (Nov3, 1, 1, 800)],
            (await Analytics.StepBucketsAsync(Nov2, Nov30, default)).OrderBy(b => b.Day)
                .Select(b => (b.Day, b.Decided, b.Rejected, Assert.Single(b.Hours).Centi)));
    }

    [Fact]
    public async Task A_later_start_finds_the_backfill_marked_done_and_leaves_the_buckets_alone()
    {
        var r = Request();
        RejectAtFinance(r, "Нет бюджета");
        r.Id = 42;
        var projection = _storage.Services.GetRequiredService<AnalyticsProjection>();
        await Analytics.AddStepsAsync(projection.Steps(r), [], default);
        Assert.True(await _storage.Services.GetRequiredService<BucketBackfill>().RunAsync(default));
        r.Id = 43;
        await Analytics.AddStepsAsync(projection.Steps(r), [], default);

        var again = await _storage.Replica().GetRequiredService<BucketBackfill>().RunAsync(default);

        Assert.False(again);
        Assert.True(await Analytics.DigestSentAsync(BucketBackfill.Marker, default));
        Assert.Equal([1, 1], (await Analytics.StepBucketsAsync(Nov2, Nov30, default)).OrderBy(b => b.Day).Select(b => b.Decided));
    }

    [Fact]
    public async Task Buckets_kept_by_the_projection_are_not_counted_again_by_the_backfill()
    {
        var r = Request();
        RejectAtFinance(r, "Нет бюджета");
        await Requests.InsertAsync(r, default);

        Assert.False(await _storage.Services.GetRequiredService<BucketBackfill>().RunAsync(default));

        Assert.Equal([1, 1], (await Analytics.StepBucketsAsync(Nov2, Nov30, default)).Select(b => b.Decided));
    }

    [Fact]
    public async Task A_digest_is_marked_sent_once()
    {
        Assert.False(await Analytics.DigestSentAsync("weekly:2026-11-23", default));

        Assert.True(await Analytics.TryMarkDigestAsync("weekly:2026-11-23", T(23, 9), default));
        Assert.False(await Analytics.TryMarkDigestAsync("weekly:2026-11-23", T(23, 9), default));

        Assert.True(await Analytics.DigestSentAsync("weekly:2026-11-23", default));
    }
}
