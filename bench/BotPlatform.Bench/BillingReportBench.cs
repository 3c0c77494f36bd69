using System.Diagnostics;
using BotPlatform.Bot.Billing;
using BotPlatform.Core;
using BotPlatform.Core.Billing;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Localization;
using BotPlatform.Core.People;
using BotPlatform.Core.Projects;
using BotPlatform.Infrastructure.Documents;
using BotPlatform.Infrastructure.Organisation;
using BotPlatform.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Bench;

/// <summary>
/// 11. A client report over N time entries (5,000 by default): one project with N/10 done tasks of ten entries each
/// in November 2026, design and content alternating (rates from the sandbox organisation file). Times the core's
/// build (read, price, number, claim every task, store), the branded page's HTML and the PDF; median of 5 runs after
/// a warm-up. Each build is cancelled after it is timed, which frees its tasks for the next one.
/// </summary>
internal static class BillingReportBench
{
    private const int Runs = 5;
    private const int EntriesPerTask = 10;

    public static async Task RunAsync(int entries, Report report, CancellationToken ct)
    {
        var taskCount = Math.Max(1, entries / EntriesPerTask);
        report.Section("11. billing report: build, page, PDF",
            Report.Invariant($"{taskCount * EntriesPerTask:#,0} time entries on {taskCount:#,0} done tasks of one project; median of {Runs} runs after one warm-up."));
        var folder = Directory.CreateTempSubdirectory("botplatform-bench-").FullName;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataFolder"] = folder })
            .Build();
        var now = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
        await using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton<TimeProvider>(new Fixed(now))
            .AddSingleton(new Organisation(OrganisationYamlLoader.Load(SampleFiles.DemoOrganisation())))
            .AddCore()
            .AddLiteDbStorage()
            .AddDocumentRendering()
            .BuildServiceProvider();
        try
        {
            await services.GetRequiredService<OrganisationBootstrap>().RunAsync(ct);
            var organisation = services.GetRequiredService<Organisation>();
            var people = await services.GetRequiredService<IPeopleStore>().ListAsync(ct);
            var maker = people.First(ReportDesk.MayMake);
            var fill = Stopwatch.StartNew();
            report.Progress(Report.Invariant($"storing {taskCount:#,0} tasks and {taskCount * EntriesPerTask:#,0} entries"));
            var project = await FillAsync(services, maker, taskCount, ct);
            report.Figure("store", Report.Seconds(fill.Elapsed), "the client, the project, its tasks and entries through the stores");

            var desk = services.GetRequiredService<ReportDesk>();
            var request = new ReportRequest(project.Number, "11.2026");
            BillingReport? built = null;
            var buildTimes = new List<TimeSpan>();
            for (var i = 0; i <= Runs; i++)
            {
                var clock = Stopwatch.StartNew();
                var result = await desk.BuildAsync(request, maker, ct);
                clock.Stop();
                if (!result.IsOk) throw new InvalidOperationException($"The report was not built: {result.Problem}");
                built = result.Value!;
                if (i > 0) buildTimes.Add(clock.Elapsed);
                if (i < Runs && !(await desk.CancelAsync(built.Id, maker, ct)).IsOk) throw new InvalidOperationException("The report was not cancelled");
            }
            report.Figure("build", Report.Duration(Median(buildTimes)),
                Report.Invariant($"median; {built!.Lines.Count:#,0} lines, total {built.Totals().Total:#,0.00} {built.Currency}: read, price each entry at its date's rate, claim, store"));

            var token = new string('a', 43);
            var (pageTime, pageBytes, html) = Measure(() => ReportHtml.Report(built, token, Lang.Ru, organisation));
            report.Figure("page HTML", Report.Duration(pageTime), Report.Invariant($"median; {html.Length / 1024.0:#,0} KB of HTML, {pageBytes / 1048576.0:0.0} MB allocated"));
            var pdf = services.GetRequiredService<IReportPdf>();
            var (pdfTime, pdfBytes, file) = Measure(() => pdf.Render(built, organisation.Billing.Brand.Name ?? organisation.Name, Lang.Ru));
            report.Figure("PDF", Report.Duration(pdfTime), Report.Invariant($"median; {file.Length / 1024.0:#,0} KB, {pdfBytes / 1048576.0:0.0} MB allocated"));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static TimeSpan Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);

    private static (TimeSpan Time, long Bytes, T Value) Measure<T>(Func<T> run)
    {
        var value = run();
        var times = new List<TimeSpan>();
        var bytes = new List<long>();
        for (var i = 0; i < Runs; i++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            value = run();
            times.Add(clock.Elapsed);
            bytes.Add(GC.GetTotalAllocatedBytes(precise: true) - before);
        }
        return (Median(times), bytes.Order().ElementAt(Runs / 2), value);
    }

    private static async Task<Project> FillAsync(ServiceProvider services, Person pm, int taskCount, CancellationToken ct)
    {
        var client = new Client { Country = "RU", LegalName = "ООО «Бенч»", Inn = "7709123453" };
        await services.GetRequiredService<IClientStore>().InsertAsync(client, ct);
        var project = new Project { Number = "PRJ-9001", Title = "Бенч", ClientId = client.Id, PmId = pm.Id, StartDate = new DateOnly(2026, 11, 1) };
        await services.GetRequiredService<IProjectStore>().InsertAsync(project, ct);
        var tasks = Enumerable.Range(1, taskCount).Select(no => new ProjectTask
        {
            ProjectId = project.Id, No = no, Code = Report.Invariant($"t{no}"), Title = Report.Invariant($"Задача {no}: макеты и тексты"), ExecutorId = pm.Id,
            WorkType = no % 2 == 0 ? "design" : "content", Billable = no % 10 != 0, State = ProjectTaskState.Done,
        }).ToList();
        await services.GetRequiredService<IProjectTaskStore>().InsertManyAsync(tasks, ct);
        var stored = await services.GetRequiredService<IProjectTaskStore>().ByProjectAsync(project.Id, ct);
        var entries = services.GetRequiredService<ITimeEntryStore>();
        var unitOfWork = services.GetRequiredService<IUnitOfWork>();
        await unitOfWork.RunAsync(async () =>
        {
            foreach (var task in stored)
                for (var e = 0; e < EntriesPerTask; e++)
                    await entries.InsertAsync(new TimeEntry
                    {
                        TaskId = task.Id, ProjectId = project.Id, ClientId = client.Id, PersonId = pm.Id, WorkType = task.WorkType, Billable = task.Billable,
                        Date = new DateOnly(2026, 11, 1 + (task.No + e) % 30), Hours = 0.25m + (e % 4) * 0.5m, Manual = true,
                    }, ct);
            return 0;
        }, ct);
        return project;
    }

    private sealed class Fixed(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
