using System.Diagnostics;
using BotPlatform.Core;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Audit;
using BotPlatform.Core.Common;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Core.Timers;
using BotPlatform.Infrastructure.Organisation;
using BotPlatform.Infrastructure.Storage;
using LiteDB;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Bench;

/// <summary>
/// 4. One tick of the approvals reminder sweep (ApprovalTimers.FireDueAsync) over N open payment requests
/// of which 100 are due, for 1,000 and for a large N: the cost must follow the due requests, not N. Real
/// services and a LiteDB file in a temp folder, no host and no Telegram; the clock stands still.
/// </summary>
internal static class SweepBench
{
    public const int Small = 1_000;
    private const int Due = 100;
    private const int WarmUp = 30;
    private const int Ticks = 40;

    /// <summary>Wednesday 18 March 2026, 12:00 in Moscow: three working hours into a working day.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 18, 9, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(int requests, Report report, CancellationToken ct)
    {
        report.Section("4. sweep: approvals reminder tick",
            Report.Invariant($"{Small:#,0} and {requests:#,0} open payment requests on their first step (the department head), {Due} due per tick; ") +
            Report.Invariant($"{WarmUp} + {Ticks} ticks, alternating between the two stores, each with a fresh due set."));
        await using var small = await SweepStore.CreateAsync(Small, report, ct);
        await using var large = await SweepStore.CreateAsync(requests, report, ct);
        report.Progress("ticking");
        for (var tick = 0; tick < WarmUp + Ticks; tick++)
        {
            await small.TickAsync(tick, measure: tick >= WarmUp, ct);
            await large.TickAsync(tick, measure: tick >= WarmUp, ct);
        }
        small.Print(report);
        large.Print(report);
        report.Figure("ratio due tick", Report.Invariant($"{Median(large.DueTimes) / Median(small.DueTimes):0.00}x"),
            Report.Invariant($"median with {requests:#,0} open / median with {Small:#,0} open (1.00x: the cost follows the due requests)"));
        report.Figure("ratio checkpoint", Report.Invariant($"{Median(large.CheckpointTimes) / Median(small.CheckpointTimes):0.00}x"),
            Report.Invariant($"the same for the checkpoint; pages written per due tick: {(double)large.Pages / small.Pages:0.00}x"));
        report.Figure("ratio idle tick", Report.Invariant($"{Median(large.IdleTimes) / Median(small.IdleTimes):0.00}x"), "the same for the idle tick");
    }

    private static TimeSpan Median(List<TimeSpan> times) => Stats.Percentile(times.Order().ToList(), 0.5);

    private static TimeSpan P95(List<TimeSpan> times) => Stats.Percentile(times.Order().ToList(), 0.95);

    /// <summary>
    /// Core and LiteDB services as the bot registers them, on a fresh file: the sample organisation with
    /// everyone linked, <c>requests</c> open payment requests, and the times of its ticks.
    /// </summary>
    private sealed class SweepStore(ServiceProvider services, string folder, int requests) : IAsyncDisposable
    {
        private const int Batch = 2_000;
        private const int PageSize = 8192; // LiteDB's page
        private readonly LiteDatabase _db = services.GetRequiredService<LiteDbContext>().Database;
        private readonly Organisation _organisation = services.GetRequiredService<Organisation>();
        private readonly IApprovalStore _approvals = services.GetRequiredService<IApprovalStore>();
        private readonly IUnitOfWork _unitOfWork = services.GetRequiredService<IUnitOfWork>();
        private readonly IOutboxStore _outbox = services.GetRequiredService<IOutboxStore>();
        private readonly ITimerSource _timers = services.GetServices<ITimerSource>().Single(s => s.Name == "approvals");
        private readonly Stopwatch _clock = new();
        private List<long> _ids = [];
        private TimeSpan _insertTime;
        private long _fileSize;
        private int _fired, _messages, _listed, _idleFired;

        public List<TimeSpan> DueTimes { get; } = [];
        public List<TimeSpan> CheckpointTimes { get; } = [];
        public List<TimeSpan> IdleTimes { get; } = [];
        /// <summary>LiteDB pages the measured due ticks wrote to the log, in all.</summary>
        public long Pages { get; private set; }

        public static async Task<SweepStore> CreateAsync(int requests, Report report, CancellationToken ct)
        {
            var folder = Directory.CreateTempSubdirectory("botplatform-bench-").FullName;
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataFolder"] = folder })
                .Build();
            var services = new ServiceCollection()
                .AddSingleton<IConfiguration>(configuration)
                .AddLogging()
                .AddSingleton<TimeProvider>(new FixedTime(Now))
                .AddSingleton(new Organisation(OrganisationYamlLoader.Load(SampleFiles.Organisation())))
                .AddCore()
                .AddStorage()
                .BuildServiceProvider();
            var store = new SweepStore(services, folder, requests);
            try
            {
                report.Progress(Report.Invariant($"inserting {requests:#,0} requests"));
                await store.FillAsync(ct);
                return store;
            }
            catch
            {
                await store.DisposeAsync();
                throw;
            }
        }

        /// <summary>Seeds and links the people, then inserts the requests (their next reminder is later today) in batches.</summary>
        private async Task FillAsync(CancellationToken ct)
        {
            await services.GetRequiredService<OrganisationBootstrap>().RunAsync(ct);
            var peopleStore = services.GetRequiredService<IPeopleStore>();
            foreach (var person in await peopleStore.ListAsync(ct))
            {
                person.TelegramUserId ??= 700_000 + person.Id; // everyone has written to the bot, so reminders reach them
                await peopleStore.TryUpdateAsync(person, ct);
            }
            var everyone = await peopleStore.ListAsync(ct);
            var people = new PeopleDirectory(everyone.ToDictionary(p => p.Id), Now);
            var initiators = everyone.Where(p => p.Department is { } d && _organisation.Departments[d].Head != p.Username).ToList();
            var router = services.GetRequiredService<StepRouter>();
            var audit = services.GetRequiredService<IAuditLog>();
            var ids = new List<long>(requests);
            _clock.Restart();
            for (var first = 0; first < requests; first += Batch)
            {
                await _unitOfWork.RunAsync(async () =>
                {
                    for (var i = first; i < Math.Min(first + Batch, requests); i++)
                    {
                        var r = NewRequest(i, initiators[i % initiators.Count], people, router);
                        await _approvals.InsertAsync(r, ct);
                        var submitted = r.History[0];
                        await audit.AppendAsync(new AuditEntry { Subject = r.Subject, Action = submitted.Action, ActorId = submitted.ActorId, At = submitted.At }, ct);
                        ids.Add(r.Id);
                    }
                    return 0;
                }, ct);
            }
            _insertTime = _clock.Elapsed;
            _fileSize = FileSize();
            // Due sets come from a shuffled list, so every tick fires requests spread over the whole store.
            _ids = ids.OrderBy(_ => Random.Shared.Next()).ToList();
        }

        /// <summary>
        /// Makes the next 100 requests due and empties LiteDB's log, so the tick pays for its own writes only. Then times
        /// the tick that fires them, the checkpoint that writes its pages back to the data file, and the idle tick after.
        /// </summary>
        public async Task TickAsync(int tick, bool measure, CancellationToken ct)
        {
            await MakeDueAsync(Enumerable.Range(tick * Due, Due).Select(i => _ids[i % _ids.Count]), Now.AddSeconds(-1 - tick), ct);
            var before = (await _outbox.PendingAsync(int.MaxValue, ct)).Count;
            _db.Checkpoint();
            _clock.Restart();
            var fired = await _timers.FireDueAsync(Now, ct);
            var dueTime = _clock.Elapsed;
            var pages = Directory.EnumerateFiles(folder, "*-log.db").Sum(f => new FileInfo(f).Length) / PageSize;
            _clock.Restart();
            _db.Checkpoint();
            var checkpointTime = _clock.Elapsed;
            _clock.Restart();
            var idleFired = await _timers.FireDueAsync(Now, ct);
            var idleTime = _clock.Elapsed;
            if (!measure) return;
            DueTimes.Add(dueTime);
            CheckpointTimes.Add(checkpointTime);
            IdleTimes.Add(idleTime);
            var sent = (await _outbox.PendingAsync(int.MaxValue, ct)).Skip(before).ToList();
            (_fired, _messages, _idleFired, Pages) = (_fired + fired, _messages + sent.Count, _idleFired + idleFired, Pages + pages);
            _listed += sent.Sum(m => m.Text?.Split('\n').Count(line => line.StartsWith("• ", StringComparison.Ordinal)) ?? 0);
        }

        public void Print(Report report)
        {
            var n = Report.Invariant($"{requests:#,0}");
            var ticks = (double)DueTimes.Count;
            report.Figure($"{n}: insert", Report.Seconds(_insertTime),
                Report.Invariant($"{requests / _insertTime.TotalSeconds:#,0} requests/s with their audit entries, {Batch:#,0} a transaction; ") +
                Report.Invariant($"the file is {_fileSize / 1048576.0:0.0} MB after a checkpoint"));
            report.Figure($"{n}: due tick", Report.Millis(Median(DueTimes)),
                Report.Invariant($"median; p95 {Report.Millis(P95(DueTimes))}, min {Report.Millis(DueTimes.Min())}; per tick {_fired / ticks:0.#} ") +
                Report.Invariant($"reminders fired, {_messages / ticks:0.#} outbox messages listing {_listed / ticks:0.#} requests, {Pages / ticks:0} pages written"));
            report.Figure($"{n}: its checkpoint", Report.Millis(Median(CheckpointTimes)),
                Report.Invariant($"median; p95 {Report.Millis(P95(CheckpointTimes))}; copying the tick's pages from the log to the data file"));
            report.Figure($"{n}: idle tick", Report.Millis(Median(IdleTimes)),
                Report.Invariant($"median; p95 {Report.Millis(P95(IdleTimes))}; the tick right after, {_idleFired} fired in all"));
        }

        /// <summary>A payment request as SubmitAsync leaves it: submitted 5 minutes to 3 hours ago, cards out, two files.</summary>
        private ApprovalRequest NewRequest(int i, Person initiator, PeopleDirectory people, StepRouter router)
        {
            var started = Now.AddSeconds(-300 - i * 7919L % 10_200);
            var r = new ApprovalRequest
            {
                Number = NumberFormat.Apply(ApprovalsDefinition.DefaultPaymentNumbering, 2026, i + 1).ToUpperInvariant(),
                Kind = RequestKind.Payment, InitiatorId = initiator.Id, Department = initiator.Department, CreatedAt = started,
                Counterparty = Report.Invariant($"ООО «Поставщик {i % 700 + 1}»"), Amount = 5_000m + i % 400 * 250m, Currency = "RUB",
                CostItem = _organisation.Approvals.CostItems[i % _organisation.Approvals.CostItems.Count].Code,
                DueDate = new DateOnly(2026, 3, 26), Comment = Report.Invariant($"Оплата по счёту № {i + 1} от 16.03.2026"),
                Files = [File(i, "Счёт", FilePurpose.Invoice, initiator, started), File(i, "Договор", FilePurpose.Contract, initiator, started)],
            };
            r.Record(ApprovalActions.Submitted, started, initiator.Id);
            var (index, step) = router.NextStep(r, -1) ?? throw new InvalidOperationException("the payment route has no steps");
            var head = router.Resolve(step.Assignee!, r, people).Single();
            var next = ReminderSchedule.Next(step.Reminders, _organisation.Calendar, started, Now);
            var assignment = new Assignment
            {
                No = 1, Title = step.Title, AssigneeIds = [head.Id], CompletedBy = TaskCompletion.Button, NextTimerAt = next?.At,
                NextTimer = next?.Kind ?? TimerKind.None,
            };
            r.Enter(index, step, [assignment], started)
                .Cards.Add(new CardRef { ChatId = head.ChatId!.Value, OutboxId = Report.Invariant($"submit:{i}:3"), PersonId = head.Id });
            r.InitiatorCard = new CardRef { ChatId = initiator.ChatId!.Value, OutboxId = Report.Invariant($"submit:{i}:4"), PersonId = initiator.Id };
            return r;
        }

        private static AttachedFile File(int i, string name, FilePurpose purpose, Person by, DateTimeOffset at) => new()
        {
            FileId = Report.Invariant($"BQACAgIAAxkBAAIC{i:x8}{(int)purpose}ZmFrZS1maWxlLWlkLWZvci10aGUtYmVuY2gtb25seQ"),
            FileName = Report.Invariant($"{name} {i + 1}.pdf"), Size = 180_000 + i % 50_000, Purpose = purpose, AddedBy = by.Id, AddedAt = at,
        };

        /// <summary>
        /// Puts the requests back as inserted, with their reminder due at <paramref name="at"/>, in one transaction (not
        /// timed). A new instant every tick: the same timers again would make the same message ids, which the outbox
        /// stores once.
        /// </summary>
        private Task<int> MakeDueAsync(IEnumerable<long> ids, DateTimeOffset at, CancellationToken ct) => _unitOfWork.RunAsync(async () =>
        {
            foreach (var id in ids)
            {
                var r = await _approvals.GetAsync(id, ct) ?? throw new InvalidOperationException($"request {id} is gone");
                var a = r.Current!.Assignments[0];
                (a.NextTimerAt, a.NextTimer, a.RemindersSent) = (at, TimerKind.Reminder, 0);
                r.History.RemoveRange(1, r.History.Count - 1);
                r.Refresh();
                if (!await _approvals.TryUpdateAsync(r, ct)) throw new InvalidOperationException($"{r.Number} changed meanwhile");
            }
            return 0;
        }, ct);

        private long FileSize()
        {
            _db.Checkpoint();
            return Directory.EnumerateFiles(folder).Sum(f => new FileInfo(f).Length);
        }

        public async ValueTask DisposeAsync()
        {
            await services.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
