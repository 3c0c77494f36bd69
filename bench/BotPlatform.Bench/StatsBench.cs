using System.Diagnostics;
using BotPlatform.Core;
using BotPlatform.Core.Analytics.Digest;
using BotPlatform.Core.Analytics.Stats;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Localization;
using BotPlatform.Core.People;
using BotPlatform.Infrastructure.Organisation;
using BotPlatform.Infrastructure.Reporting;
using BotPlatform.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Bench;

/// <summary>
/// 6. /stats and the weekly digest over a year of a large agency: N closed payment requests (two or three
/// step decisions each) and N/2 documents through their statuses, stored through the real stores so that
/// the analytics projection is built as in production. Times /stats for a month and for the whole year,
/// with the memory it allocates, and the digest's build (text, two PNG charts, the .xlsx).
/// </summary>
internal static class StatsBench
{
    private const int Batch = 2_000;
    private const int Runs = 5;

    public static async Task RunAsync(int requests, Report report, CancellationToken ct)
    {
        var documents = requests / 2;
        report.Section("6. stats: /stats and the weekly digest",
            Report.Invariant($"{requests:#,0} closed payment requests and {documents:#,0} documents over the year before {SweepBench.Now:dd.MM.yyyy}; ") +
            Report.Invariant($"median of {Runs} runs after one warm-up."));
        var folder = Directory.CreateTempSubdirectory("botplatform-bench-").FullName;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataFolder"] = folder })
            .Build();
        await using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton<TimeProvider>(new Fixed(SweepBench.Now))
            .AddSingleton(new Organisation(OrganisationYamlLoader.Load(SampleFiles.Organisation())))
            .AddCore()
            .AddLiteDbStorage()
            .AddReporting()
            .BuildServiceProvider();
        try
        {
            await services.GetRequiredService<OrganisationBootstrap>().RunAsync(ct);
            var people = await services.GetRequiredService<IPeopleStore>().ListAsync(ct);
            var fill = Stopwatch.StartNew();
            report.Progress(Report.Invariant($"storing {requests:#,0} requests and {documents:#,0} documents"));
            await FillAsync(services, people, requests, documents, ct);
            report.Figure("store with projection", Report.Seconds(fill.Elapsed),
                "inserting everything through the stores, the analytics rows written in the same transactions");
            report.Figure("file size", Report.Invariant($"{Directory.EnumerateFiles(folder).Sum(f => new FileInfo(f).Length) / 1048576.0:0} MB"),
                "the LiteDB file");

            var stats = services.GetRequiredService<StatsService>();
            var today = services.GetRequiredService<Organisation>().Calendar.LocalDate(SweepBench.Now);
            foreach (var (name, days) in new[] { ("/stats month", 30), ("/stats year", 365) })
            {
                var period = stats.Period(today.AddDays(1 - days), today);
                var (time, bytes) = await MeasureAsync(() => stats.ComputeAsync(period, StatsScope.All, null, ct));
                report.Figure(name, Report.Duration(time), Report.Invariant($"median; {bytes / 1048576.0:0.0} MB allocated per run; the buckets of {days} days plus the open rows"));
            }
            var digest = services.GetRequiredService<WeeklyDigest>();
            var unitOfWork = services.GetRequiredService<IUnitOfWork>();
            var directory = await PeopleDirectory.LoadAsync(services.GetRequiredService<IPeopleStore>(), SweepBench.Now, ct);
            var (digestTime, digestBytes) = await MeasureAsync(() =>
                unitOfWork.RunAsync(() => digest.BuildAsync(WeeklyDigest.WeekStart(today), directory, Lang.Ru, ct), ct));
            report.Figure("weekly digest build", Report.Duration(digestTime),
                Report.Invariant($"median; {digestBytes / 1048576.0:0.0} MB allocated; text, two PNG charts and the week's .xlsx, stored"));
            report.Figure("working set", Report.Invariant($"{Environment.WorkingSet / 1048576.0:0} MB"), "the whole bench process at the end");
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(TimeSpan Time, long Bytes)> MeasureAsync<T>(Func<Task<T>> run)
    {
        await run();
        var times = new List<TimeSpan>();
        var bytes = new List<long>();
        for (var i = 0; i < Runs; i++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            await run();
            times.Add(clock.Elapsed);
            bytes.Add(GC.GetTotalAllocatedBytes(precise: true) - before);
        }
        return (times.Order().ElementAt(Runs / 2), bytes.Order().ElementAt(Runs / 2));
    }

    /// <summary>
    /// A year of requests: 85 % approved by the head and the finance manager and paid, 10 % rejected by the head with a
    /// quick reason, 5 % rejected by the finance manager in their own words; documents drafted, approved, printed, sent, returned, archived.
    /// </summary>
    private static async Task FillAsync(ServiceProvider services, IReadOnlyList<Person> people, int requests, int documents, CancellationToken ct)
    {
        var approvals = services.GetRequiredService<IApprovalStore>();
        var docs = services.GetRequiredService<IDocumentStore>();
        var unitOfWork = services.GetRequiredService<IUnitOfWork>();
        var organisation = services.GetRequiredService<Organisation>();
        var reasons = organisation.Approvals.RejectReasons;
        var staff = people.Where(p => p.Department is not null).ToList();
        var finance = people.FirstOrDefault(p => p.Has(Role.FinanceManager)) ?? people[0];
        var random = new Random(42);
        for (var start = 0; start < requests; start += Batch)
        {
            var count = Math.Min(Batch, requests - start);
            await unitOfWork.RunAsync(async () =>
            {
                for (var i = start; i < start + count; i++)
                {
                    var initiator = staff[i % staff.Count];
                    var head = staff[(i / 7) % staff.Count];
                    var created = SweepBench.Now.AddDays(-1 - i % 360).AddHours(-random.Next(0, 6));
                    var r = new ApprovalRequest
                    {
                        Number = Report.Invariant($"ЗО-B-{i:000000}"), Kind = RequestKind.Payment, InitiatorId = initiator.Id, Department = initiator.Department,
                        CreatedAt = created, Counterparty = "ООО Контрагент", Amount = 1000m + i % 5000, Currency = "RUB", CostItem = "ads",
                    };
                    r.History.Add(new HistoryEntry { At = created, Action = ApprovalActions.Submitted, ActorId = initiator.Id });
                    var headAt = created.AddHours(1 + random.Next(0, 30));
                    var roll = i % 20;
                    if (roll < 2)
                    {
                        r.History.Add(new HistoryEntry
                        {
                            At = headAt, Action = ApprovalActions.Rejected, Step = "Руководитель отдела", Seq = 1, ActorId = head.Id, Reason = reasons[i % reasons.Count],
                        });
                        r.Status = RequestStatus.Rejected;
                    }
                    else
                    {
                        r.History.Add(new HistoryEntry { At = headAt, Action = ApprovalActions.Approved, Step = "Руководитель отдела", Seq = 1, ActorId = head.Id });
                        var financeAt = headAt.AddHours(1 + random.Next(0, 20));
                        var rejected = roll == 2;
                        r.History.Add(new HistoryEntry
                        {
                            At = financeAt, Action = rejected ? ApprovalActions.Rejected : ApprovalActions.Approved, Step = "Финансовый менеджер", Seq = 2,
                            ActorId = finance.Id, Reason = rejected ? Report.Invariant($"Счёт {i % 40} не тот") : null,
                        });
                        if (!rejected)
                            r.History.Add(new HistoryEntry
                            {
                                At = financeAt.AddHours(3), Action = ApprovalActions.TaskDone, Step = "Бухгалтерия", Seq = 3, ActorId = finance.Id, Reason = "Провести оплату",
                            });
                        r.Status = rejected ? RequestStatus.Rejected : RequestStatus.Paid;
                    }
                    r.ClosedAt = r.History[^1].At;
                    await approvals.InsertAsync(r, ct);
                }
                return 0;
            }, ct);
        }
        string[] chain = [DocumentActions.Generated, DocumentActions.Submitted, DocumentActions.Approved, DocumentActions.Printed, DocumentActions.Sent,
            DocumentActions.Returned, DocumentActions.Archived];
        for (var start = 0; start < documents; start += Batch)
        {
            var count = Math.Min(Batch, documents - start);
            await unitOfWork.RunAsync(async () =>
            {
                for (var i = start; i < start + count; i++)
                {
                    var manager = staff[i % staff.Count];
                    var at = SweepBench.Now.AddDays(-1 - i % 360);
                    var d = new Document
                    {
                        Number = Report.Invariant($"Д-B-{i:000000}"), Code = Report.Invariant($"BB{i:0000000}"), Kind = i % 3 == 0 ? "specification" : "framework_contract",
                        Title = "Документ", ManagerId = manager.Id, CreatedBy = manager.Id, CreatedAt = at, Date = DateOnly.FromDateTime(at.UtcDateTime),
                    };
                    // Most documents went the whole way; the newest stop earlier, as a real registry's do.
                    var steps = i < 2_000 ? 1 + i % chain.Length : chain.Length;
                    for (var s = 0; s < steps; s++)
                    {
                        d.Record(chain[s], at, manager.Id);
                        at = at.AddHours(1 + random.Next(0, 24));
                    }
                    await docs.InsertAsync(d, ct);
                }
                return 0;
            }, ct);
        }
    }

    private sealed class Fixed(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
