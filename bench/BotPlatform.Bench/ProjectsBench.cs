using System.Diagnostics;
using BotPlatform.Bot.Sandbox;
using BotPlatform.Core;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Localization;
using BotPlatform.Core.People;
using BotPlatform.Core.Projects;
using BotPlatform.Core.Projects.Archive;
using BotPlatform.Infrastructure.Organisation;
using BotPlatform.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Bench;

/// <summary>
/// 10. Projects: creating a project of 200 tasks from a template and rendering its card, then a client group's
/// archive of N messages recorded and exported as HTML. Core and storage services as the bot registers them,
/// on a fresh LiteDB file, no host and no Telegram; the clock stands still.
/// </summary>
internal static class ProjectsBench
{
    private const int Tasks = 200;
    private const int WarmUp = 3;
    private const int Creations = 20;
    private const int Cards = 50;
    private const int Exports = 5;
    private const long Group = -1_001_234_567_890;

    /// <summary>Wednesday 18 March 2026, 12:00 in Moscow.</summary>
    private static readonly DateTimeOffset Now = new(2026, 3, 18, 9, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(int messages, Report report, CancellationToken ct)
    {
        report.Section("10. projects: a 200-task project, its card, and a group archive",
            Report.Invariant($"the sample organisation with a {Tasks}-task template (tasks waiting for the one before); {WarmUp} + {Creations} projects created, ") +
            Report.Invariant($"{Cards} cards rendered; {messages:#,0} group messages recorded and the archive exported {Exports} times."));
        var folder = Directory.CreateTempSubdirectory("botplatform-bench-").FullName;
        var definition = OrganisationYamlLoader.Load(SampleFiles.Organisation());
        definition = definition with { Projects = Template(definition.Projects) };
        await using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataFolder"] = folder }).Build())
            .AddLogging()
            .AddSingleton<TimeProvider>(new FixedTime(Now))
            .AddSingleton(new Organisation(definition))
            .AddCore()
            .AddStorage()
            .BuildServiceProvider();
        try
        {
            await services.GetRequiredService<OrganisationBootstrap>().RunAsync(ct);
            var pm = (await services.GetRequiredService<IPeopleStore>().ListAsync(ct)).First(p => p.Has(Role.ProjectManager));
            var client = DemoRecords.Client();
            await services.GetRequiredService<IClientStore>().InsertAsync(client, ct);
            var desk = services.GetRequiredService<ProjectDesk>();

            var created = new List<TimeSpan>();
            Project? project = null;
            for (var i = 0; i < WarmUp + Creations; i++)
            {
                var clock = Stopwatch.StartNew();
                var result = await desk.CreateAsync(new ProjectDraft(client.Id, "bench200", "Большой проект " + i), pm, ct);
                clock.Stop();
                if (!result.IsOk) throw new InvalidOperationException("The bench project was refused: " + result.Problem);
                project = result.Value.Project;
                if (i >= WarmUp) created.Add(clock.Elapsed);
            }
            report.Figure("create 200 tasks", $"median {Report.Millis(Median(created))}, p95 {Report.Millis(P95(created))}",
                "ProjectDesk.CreateAsync: the project, its 200 tasks with planned dates on the calendar, the audit entry, one unit of work");

            var cards = new List<TimeSpan>();
            var length = 0;
            for (var i = 0; i < WarmUp + Cards; i++)
            {
                var clock = Stopwatch.StartNew();
                var view = await desk.ViewAsync(project!, ct);
                var actual = await desk.ActualHoursAsync(project!.Id, ct);
                length = ProjectCard.Render(view, desk.Today(), Lang.Ru, actual).Length;
                clock.Stop();
                if (i >= WarmUp) cards.Add(clock.Elapsed);
            }
            report.Figure("card of 200 tasks", $"median {Report.Millis(Median(cards))}, p95 {Report.Millis(P95(cards))}",
                Report.Invariant($"reading the project, its tasks, people and hours, and rendering the card ({length:#,0} characters)"));

            await ArchiveAsync(services, project!, pm, messages, report, ct);
        }
        finally
        {
            await services.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task ArchiveAsync(ServiceProvider services, Project project, Person pm, int messages, Report report, CancellationToken ct)
    {
        project.LinkGroup(Group, pm.Id, Now);
        await services.GetRequiredService<IProjectStore>().TryUpdateAsync(project, ct);
        var archive = services.GetRequiredService<GroupArchive>();
        var people = new[]
        {
            new MessageAuthor(7_000_000_001, "Алина Соколова", "alina_romashka", false),
            new MessageAuthor(7_000_000_002, "Борис Гришин", null, false),
            new MessageAuthor(pm.TelegramUserId ?? 7_000_000_003, pm.Name, pm.Username, false),
        };
        var random = new Random(10);
        var inbox = services.GetRequiredService<BotPlatform.Core.Messaging.IInboxStore>();
        var unitOfWork = services.GetRequiredService<BotPlatform.Core.Common.IUnitOfWork>();
        // Each group message is an update in the inbox (stored by the gateway beforehand, not timed here); what is
        // timed is what the dispatcher writes once the update is handled: the archive entry and the Done mark.
        var updates = new List<(GroupMessage Message, BotPlatform.Core.Messaging.InboxItem Item)>();
        for (var id = 1; id <= messages; id++)
        {
            var at = Now.AddDays(-90).AddMinutes(id * 12);
            var author = people[random.Next(people.Length)];
            var text = Phrases[random.Next(Phrases.Length)] + (random.Next(3) == 0 ? "\n" + Phrases[random.Next(Phrases.Length)] : "");
            List<ArchivedFile> files = id % 5 == 0
                ? [new ArchivedFile { Kind = "document", FileId = "BQACAgIAAxkBAAI" + id, FileUniqueId = "AgAD" + id, FileName = $"макет-{id}.pdf", MimeType = "application/pdf", Size = 180_000 + id }]
                : [];
            int? reply = id > 1 && id % 7 == 0 ? id - 1 - random.Next(Math.Min(id - 1, 20)) : null;
            var message = new GroupMessage(Group, id, at, author, text, files, reply);
            updates.Add((message, new BotPlatform.Core.Messaging.InboxItem { Id = id * 2L, ChatKey = Group, Payload = "{}", ReceivedAt = at, NextAttemptAt = at }));
            if (id % 20 == 0)
                updates.Add((message with { Text = text + " (уточнение)", EditedAt = at.AddMinutes(3) },
                    new BotPlatform.Core.Messaging.InboxItem { Id = id * 2L + 1, ChatKey = Group, Payload = "{}", ReceivedAt = at, NextAttemptAt = at }));
        }
        await inbox.AddNewAsync([.. updates.Select(u => u.Item)], ct);
        // The two ways alternate update by update, so the archive's growth and the machine's other load weigh on both alike.
        // Before: the recorder wrote the message before routing (its own synced write), then the Done mark its own.
        // After: the archive entry rides in the update's completion write (one unit of work with the Done mark).
        report.Progress(Report.Invariant($"recording {updates.Count:#,0} group updates, alternately each way"));
        var apart = new Stopwatch();
        var together = new Stopwatch();
        for (var i = 0; i < updates.Count; i++)
        {
            var (message, item) = updates[i];
            if (i % 2 == 0)
            {
                apart.Start();
                await archive.RecordAsync(message, null, ct);
                Done(item);
                await inbox.SaveAsync(item, ct);
                apart.Stop();
            }
            else
            {
                together.Start();
                await unitOfWork.RunAsync(async () =>
                {
                    await archive.RecordAsync(message, null, ct);
                    Done(item);
                    await inbox.SaveAsync(item, ct);
                    return true;
                }, ct);
                together.Stop();
            }
        }
        var evens = (updates.Count + 1) / 2;
        var odds = updates.Count / 2;
        report.Figure("record, before", Report.Invariant($"{evens / apart.Elapsed.TotalSeconds:#,0} messages/s ({evens:#,0} in {Report.Seconds(apart.Elapsed)})"),
            "per group update: GroupArchive.RecordAsync (its own write), then the inbox's Done write: two writes");
        report.Figure("record, after", Report.Invariant($"{odds / together.Elapsed.TotalSeconds:#,0} messages/s ({odds:#,0} in {Report.Seconds(together.Elapsed)})"),
            "per group update: GroupArchive.RecordAsync and the Done mark in one unit of work, as the dispatcher does now: one write");

        var desk = services.GetRequiredService<ArchiveDesk>();
        var exports = new List<TimeSpan>();
        long allocated = 0;
        ArchiveExport? export = null;
        for (var i = 0; i < 1 + Exports; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var run = Stopwatch.StartNew();
            var result = await desk.ExportAsync(project, pm, botSeesAllMessages: true, Lang.Ru, ct);
            run.Stop();
            export = result.Value ?? throw new InvalidOperationException("The export was refused: " + result.Problem);
            if (i == 0) continue;
            exports.Add(run.Elapsed);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }
        report.Figure(Report.Invariant($"export {export!.Messages:#,0} messages"),
            Report.Invariant($"median {Report.Seconds(Median(exports))}, {export.Content.Length / 1024.0 / 1024.0:0.00} MB of HTML"),
            Report.Invariant($"ArchiveDesk.ExportAsync: reading the group's messages and rendering the page; {allocated / 1024.0 / 1024.0:0} MB allocated per export"));
    }

    private static readonly string[] Phrases =
    [
        "Добрый день! Посмотрели макеты, в целом нравится.", "Можно сделать логотип чуть крупнее?", "Согласовано, публикуем в четверг.",
        "Пришлите, пожалуйста, контент-план на следующую неделю.", "Бюджет на таргет оставляем прежним — 40 000 ₽.", "Спасибо, всё получили!",
        "А можно добавить сторис с розыгрышем?", "Текст поста длинноват, сократите до 500 знаков.", "Фото товара пришлём завтра до обеда.",
        "Отчёт за месяц посмотрели, вопросов нет.", "Цвета бренда: #E30613 и белый, зелёный не используем.", "Созвонимся в 15:00 <по Москве>?",
    ];

    private static ProjectsDefinition Template(ProjectsDefinition? existing)
    {
        var workTypes = existing?.WorkTypes is { Count: > 0 } types ? types : [new WorkType("design", "Дизайн", true)];
        var tasks = Enumerable.Range(1, Tasks).Select(i => new TaskTemplate(
            "t" + i, $"Задача {i}: пост и сторис для ленты", 2.5m, 1 + i % 3, TaskAssignee.ProjectManager, TaskAssignee.ProjectManager,
            "Опубликованный пост", "Подготовить текст и визуал по контент-плану", ["Текст", "Визуал", "Согласование"], workTypes[0].Code,
            i % 10 == 1, i % 10 == 0, i % 25 == 0, i == 1 ? [] : ["t" + (i - 1)])).ToList();
        return new ProjectsDefinition(workTypes, [.. existing?.Templates ?? [], new ProjectTemplate("bench200", "200 задач", tasks)]);
    }

    private static TimeSpan Median(List<TimeSpan> times) => Stats.Percentile(times.Order().ToList(), 0.5);

    private static TimeSpan P95(List<TimeSpan> times) => Stats.Percentile(times.Order().ToList(), 0.95);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static void Done(BotPlatform.Core.Messaging.InboxItem item)
    {
        item.Status = BotPlatform.Core.Messaging.InboxStatus.Done;
        item.HandledAt = Now;
    }
}
