using System.Diagnostics;
using BotPlatform.Core;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Finance.Ledger;
using BotPlatform.Core.Localization;
using BotPlatform.Core.People;
using BotPlatform.Core.Projects;
using BotPlatform.Infrastructure.Organisation;
using BotPlatform.Infrastructure.Reporting;
using BotPlatform.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Bench;

/// <summary>
/// 11. /pnl over 100 projects (10 clients, a deal each, every third with an upsell) and 50,000 ledger entries spread
/// over 2026: the numbers for one month of every project, for the whole year, for one project, and the .xlsx and
/// chart of the month. Real core and LiteDB services in a temp folder, no host; the clock stands still.
/// </summary>
internal static class PnlBench
{
    private const int Projects = 100;
    private const int Entries = 50_000;
    private const int Runs = 10;
    private static readonly DateTimeOffset Now = new(2026, 12, 15, 9, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(Report report, CancellationToken ct)
    {
        report.Section("11. pnl: profit and loss", Report.Invariant($"{Projects} projects, {Entries:#,0} entries over 2026 on LiteDB; median of {Runs} runs each."));
        var folder = Directory.CreateTempSubdirectory("botplatform-bench-").FullName;
        try
        {
            await using var services = new ServiceCollection()
                .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataFolder"] = folder }).Build())
                .AddLogging()
                .AddSingleton<TimeProvider>(new FixedTime(Now))
                .AddSingleton(new Organisation(OrganisationYamlLoader.Load(SampleFiles.Organisation())))
                .AddCore()
                .AddStorage()
                .AddReporting()
                .BuildServiceProvider();
            report.Progress(Report.Invariant($"storing {Projects} projects and {Entries:#,0} entries"));
            var fill = Stopwatch.StartNew();
            var numbers = await FillAsync(services, ct);
            report.Figure("fill", Report.Duration(fill.Elapsed), "storing the projects, deals and entries (not part of /pnl)");
            var pnl = services.GetRequiredService<ProfitAndLoss>();
            var director = new Person { Id = 1, Roles = [Role.Director], Status = PersonStatus.Active };
            await MeasureAsync(report, "month, all projects", () => pnl.BuildAsync("", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), ct));
            await MeasureAsync(report, "year, all projects", () => pnl.BuildAsync("", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), ct));
            await MeasureAsync(report, "month, one project", () => pnl.BuildAsync(numbers[42], new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), ct));
            await MeasureAsync(report, "/pnl 2026-11 whole", () => pnl.ShowAsync(director, "2026-11", Lang.Ru, ct));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task MeasureAsync<T>(Report report, string name, Func<Task<T>> run)
    {
        await run();
        var times = new List<TimeSpan>();
        for (var i = 0; i < Runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await run();
            times.Add(clock.Elapsed);
        }
        times.Sort();
        report.Figure(name, Report.Millis(times[Runs / 2]), Report.Invariant($"median; max {times[^1].TotalMilliseconds:0.0} ms"));
    }

    private static async Task<List<string>> FillAsync(IServiceProvider services, CancellationToken ct)
    {
        var clients = services.GetRequiredService<IClientStore>();
        var deals = services.GetRequiredService<IDealStore>();
        var projects = services.GetRequiredService<IProjectStore>();
        var ledger = services.GetRequiredService<ILedgerStore>();
        var random = new Random(11);
        var ids = new List<long>();
        var numbers = new List<string>();
        for (var c = 0; c < 10; c++)
        {
            var client = new Client { Country = "RU", LegalName = Report.Invariant($"ООО «Клиент {c}»"), Inn = Report.Invariant($"77000000{c:00}") };
            await clients.InsertAsync(client, ct);
            for (var p = 0; p < Projects / 10; p++)
            {
                var n = c * 10 + p + 1;
                var deal = new Deal { Number = Report.Invariant($"СДЛ-2026-{n:0000}"), ClientId = client.Id, Lines = [new DealLine { Quantity = 1, Price = 100_000m + n }] };
                await deals.InsertAsync(deal, ct);
                List<long> upsells = [];
                if (n % 3 == 0)
                {
                    var upsell = new Deal { Number = Report.Invariant($"СДЛ-2026-U{n:0000}"), ClientId = client.Id, Lines = [new DealLine { Quantity = 1, Price = 20_000m }] };
                    await deals.InsertAsync(upsell, ct);
                    upsells.Add(upsell.Id);
                }
                var project = new Project
                {
                    Number = Report.Invariant($"PRJ-{n:0000}"), Title = "Проект " + n, ClientId = client.Id, DealId = deal.Id, UpsellDealIds = upsells,
                    StartDate = new DateOnly(2026, 1, 1), Retainer = n % 2 == 0 ? 50_000m : null,
                };
                await projects.InsertAsync(project, ct);
                ids.Add(project.Id);
                numbers.Add(project.Number);
            }
        }
        var entries = new List<LedgerEntry>(Entries);
        for (var i = 0; i < Entries; i++)
        {
            var income = random.Next(3) == 0;
            entries.Add(new LedgerEntry
            {
                Kind = income ? LedgerKind.Income : LedgerKind.Expense, Date = new DateOnly(2026, 1, 1).AddDays(random.Next(365)),
                Amount = random.Next(1_000, 100_000), Currency = "RUB", Category = income ? "services" : "ads",
                ProjectId = random.Next(20) == 0 ? null : ids[random.Next(ids.Count)], Counterparty = "—", EnteredBy = 1, EnteredAt = Now,
            });
        }
        // One bulk write (LiteDB's InsertBulk): 50,000 single inserts, each its own transaction, took longer than the bench's time limit.
        await ledger.InsertManyAsync(entries, ct);
        return numbers;
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
