using System.Globalization;
using BotPlatform.Core.Audit;
using BotPlatform.Core.Common;
using BotPlatform.Core.Localization;
using BotPlatform.Core.People;

namespace BotPlatform.Core.Projects;

public static class TimeProblems
{
    public const string Usage = "time.usage";
    public const string Hours = "time.hours";
    public const string TaskNotFound = "time.task_not_found";
    public const string NotOnTask = "time.not_on_task";
    public const string EntryNotFound = "time.entry_not_found";
    public const string NotYourEntry = "time.not_your_entry";
    public const string Running = "time.running";

    public static readonly IReadOnlyDictionary<string, Text> Texts = new Dictionary<string, Text>
    {
        [Usage] = new("Время: /time — моя неделя; /time PRJ-0001#2 1,5 комментарий — добавить часы к задаче; /time edit НОМЕР_ЗАПИСИ 2 — исправить запись.",
            "Time: /time shows my week; /time PRJ-0001#2 1.5 comment adds hours to a task; /time edit ENTRY 2 corrects an entry."),
        [Hours] = new("Часы — число от 0,1 до 24, например 1,5.", "Hours: a number from 0.1 to 24, e.g. 1.5."),
        [TaskNotFound] = new("Задача {0} не найдена. Пишите так: PRJ-0001#2 (проект и номер задачи).", "Task {0} was not found. Write it as PRJ-0001#2 (project and task number)."),
        [NotOnTask] = new("Часы к задаче добавляют её исполнитель, проверяющий и руководитель проекта.", "Hours are added by the task's executor, auditor and the project manager."),
        [EntryNotFound] = new("Запись времени {0} не найдена.", "Time entry {0} was not found."),
        [NotYourEntry] = new("Исправить запись может её автор или руководитель проекта.", "An entry is corrected by its author or the project manager."),
        [Running] = new("Запись ещё идёт — сначала поставьте задачу на паузу.", "The entry is still running: pause the task first."),
    };
}

public sealed record WeekView(DateOnly Monday, IReadOnlyList<(DateOnly Day, decimal Hours)> Days, IReadOnlyList<(string Project, decimal Hours)> Projects,
    decimal Total);

/// <summary>Manual time entries, corrections (by the author or the PM, audited) and a person's week.</summary>
public sealed class TimeDesk(
    ITimeEntryStore entries,
    IProjectTaskStore tasks,
    IProjectStore projects,
    ProjectDesk desk,
    IUnitOfWork unitOfWork,
    IAuditLog audit,
    Organisation organisation,
    TimeProvider time)
{
    public const string Corrected = "corrected";
    public const string AddedManually = "added";

    public static Result<decimal> Hours(string? text)
    {
        var parsed = AmountInput.Parse(text, "RUB");
        return parsed.IsOk && parsed.Value!.Amount is var hours and >= 0.1m and <= 24m
            ? Result<decimal>.Ok(Math.Round(hours, 2))
            : Result<decimal>.Fail(TimeProblems.Hours);
    }

    /// <summary>"PRJ-0001#2" or "1#2".</summary>
    public async Task<(Project, ProjectTask)?> FindTaskAsync(string reference, CancellationToken ct)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        if (hash <= 0 || !int.TryParse(reference[(hash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var no)) return null;
        if (await desk.FindAsync(reference[..hash], ct) is not { } project) return null;
        return (await tasks.ByProjectAsync(project.Id, ct)).FirstOrDefault(t => t.No == no) is { } task ? (project, task) : null;
    }

    public async Task<Result<TimeEntry>> AddAsync(string reference, string? hoursText, string? comment, Person person, CancellationToken ct)
    {
        if (await FindTaskAsync(reference, ct) is not var (project, task)) return Result<TimeEntry>.Fail(TimeProblems.TaskNotFound, reference);
        if (person.Id != task.ExecutorId && person.Id != task.AuditorId && person.Id != project.PmId) return Result<TimeEntry>.Fail(TimeProblems.NotOnTask);
        var hours = Hours(hoursText);
        if (!hours.IsOk) return Result<TimeEntry>.Fail(hours.Problem!);
        var now = time.GetUtcNow();
        var entry = new TimeEntry
        {
            TaskId = task.Id, ProjectId = project.Id, ClientId = project.ClientId, PersonId = person.Id, WorkType = task.WorkType, Billable = task.Billable,
            Date = organisation.Calendar.LocalDate(now), Hours = hours.Value, Manual = true, Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            CreatedBy = person.Id, CreatedAt = now,
        };
        entry.History.Add(new ProjectEvent { Action = AddedManually, At = now, ActorId = person.Id, Reason = entry.Comment });
        return await unitOfWork.RunAsync(async () =>
        {
            await entries.InsertAsync(entry, ct);
            await audit.AppendAsync(new AuditEntry { Subject = $"time:{entry.Id}", Action = AddedManually, ActorId = person.Id, At = now, Reason = $"{hours.Value} h; {entry.Comment}" }, ct);
            return Result<TimeEntry>.Ok(entry);
        }, ct);
    }

    public async Task<Result<TimeEntry>> CorrectAsync(long entryId, string? hoursText, Person person, CancellationToken ct)
    {
        var hours = Hours(hoursText);
        if (!hours.IsOk) return Result<TimeEntry>.Fail(hours.Problem!);
        var now = time.GetUtcNow();
        return await unitOfWork.RunAsync(async () =>
        {
            if (await entries.GetAsync(entryId, ct) is not { } entry) return Result<TimeEntry>.Fail(TimeProblems.EntryNotFound, entryId);
            var project = await projects.GetAsync(entry.ProjectId, ct);
            if (person.Id != entry.PersonId && person.Id != project?.PmId) return Result<TimeEntry>.Fail(TimeProblems.NotYourEntry);
            if (entry.IsRunning) return Result<TimeEntry>.Fail(TimeProblems.Running);
            var reason = $"{entry.Hours.ToString(CultureInfo.InvariantCulture)} -> {hours.Value.ToString(CultureInfo.InvariantCulture)}";
            entry.Hours = hours.Value;
            entry.History.Add(new ProjectEvent { Action = Corrected, At = now, ActorId = person.Id, Reason = reason });
            if (!await entries.TryUpdateAsync(entry, ct)) return Result<TimeEntry>.Fail(TimeProblems.EntryNotFound, entryId);
            await audit.AppendAsync(new AuditEntry { Subject = $"time:{entry.Id}", Action = Corrected, ActorId = person.Id, At = now, Reason = reason }, ct);
            return Result<TimeEntry>.Ok(entry);
        }, ct);
    }

    /// <summary>The person's current week (Monday to Sunday, local dates): hours per day and per project.</summary>
    public async Task<WeekView> WeekAsync(Person person, CancellationToken ct)
    {
        var today = organisation.Calendar.LocalDate(time.GetUtcNow());
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var list = await entries.ByPersonAsync(person.Id, monday, monday.AddDays(6), ct);
        var days = Enumerable.Range(0, 7).Select(i => monday.AddDays(i)).Select(d => (d, list.Where(e => e.Date == d).Sum(e => e.Hours))).ToList();
        var names = new Dictionary<long, string>();
        foreach (var id in list.Select(e => e.ProjectId).Distinct())
            names[id] = await projects.GetAsync(id, ct) is { } p ? $"{p.Number} {p.Title}" : id.ToString(CultureInfo.InvariantCulture);
        var byProject = list.GroupBy(e => e.ProjectId).Select(g => (names[g.Key], g.Sum(e => e.Hours))).ToList();
        return new WeekView(monday, days, byProject, list.Sum(e => e.Hours));
    }

    public static readonly Text WeekTitle = new("⏱ Моя неделя с {0:dd.MM}: {1} ч", "⏱ My week from {0:dd.MM}: {1} h");
    public static readonly Text ByDay = new("По дням:", "By day:");
    public static readonly Text ByProject = new("По проектам:", "By project:");
    public static readonly Text Added = new("⏱ Записано {0} ч к задаче {1} · {2}. {3} (запись {4}).", "⏱ {0} h recorded on {1} · {2}. {3} (entry {4}).");
    public static readonly Text CorrectedText = new("✏️ Запись {0} исправлена: {1} ч.", "✏️ Entry {0} corrected: {1} h.");

    public static string Render(WeekView week, Lang lang)
    {
        var culture = lang.Culture();
        var lines = new List<string> { WeekTitle.In(lang, week.Monday.ToDateTime(TimeOnly.MinValue), ProjectCard.Hours(week.Total)), ByDay.In(lang) };
        lines.AddRange(week.Days.Where(d => d.Hours > 0 || d.Day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .Select(d => $"{d.Day.ToDateTime(TimeOnly.MinValue).ToString("ddd dd.MM", culture)} — {ProjectCard.Hours(d.Hours)}"));
        if (week.Projects.Count > 0)
        {
            lines.Add(ByProject.In(lang));
            lines.AddRange(week.Projects.Select(p => $"{p.Project} — {ProjectCard.Hours(p.Hours)}"));
        }
        return string.Join("\n", lines);
    }
}
