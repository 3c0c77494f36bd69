using System.Globalization;
using BotPlatform.Core.Audit;
using BotPlatform.Core.Common;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;

namespace BotPlatform.Core.Projects.Archive;

/// <summary>
/// /task as a reply to a client's message in the group: a task of the group's project made from the message
/// (its first line the title, the whole message and a link back in the instruction), assigned to the
/// project's PM, ready at once. One message makes one task: a second /task on it names the first.
/// </summary>
public sealed class TaskFromMessage(
    IProjectStore projects,
    IProjectTaskStore tasks,
    IPeopleStore people,
    IUnitOfWork unitOfWork,
    IAuditLog audit,
    GroupArchive archive,
    ProjectWork work,
    ProjectDesk desk,
    Organisation organisation,
    TimeProvider time)
{
    public const int MaxTitleLength = 100;
    /// <summary>The work type a client's request gets when the organisation file lists one with this code; else the first listed.</summary>
    public const string RequestWorkType = "client_request";
    public const int WorkingDays = 2;

    public async Task<Result<(Project Project, ProjectTask Task)>> CreateAsync(long chatId, string? projectNumber, Person actor, GroupMessage source,
        GroupMessage command, Outgoing outgoing, CancellationToken ct)
    {
        if (!actor.IsActive) return Fail(ArchiveProblems.TaskNotStaff);
        var linked = await projects.ByGroupAsync(chatId, ct);
        if (linked.Count == 0) return Fail(ArchiveProblems.TaskNotLinked);
        Project project;
        if (!string.IsNullOrWhiteSpace(projectNumber))
        {
            var found = await desk.FindAsync(projectNumber, ct);
            if (found is null || linked.All(p => p.Id != found.Id))
                return Fail(ArchiveProblems.TaskProjectNotHere, projectNumber.Trim(), Numbers(linked));
            project = found;
        }
        else
        {
            var candidates = linked.Count == 1 ? linked : linked.Where(p => p.Status == ProjectStatus.Active).ToList();
            if (candidates.Count != 1) return Fail(ArchiveProblems.TaskWhichProject, Numbers(linked));
            project = candidates[0];
        }
        if (source.From is null or { IsBot: true }) return Fail(ArchiveProblems.TaskBotMessage);
        var text = (source.Text ?? source.Files.FirstOrDefault(f => f.FileName is not null)?.FileName ?? "").Trim();
        if (text.Length == 0) return Fail(ArchiveProblems.TaskNoText);
        if (!GroupArchive.MayRead(project, await tasks.ByProjectAsync(project.Id, ct), actor)) return Fail(ArchiveProblems.TaskNotAllowed, project.Number);

        // The message goes into the archive first, so the task's link back always finds it (privacy mode: known from the reply's quote).
        await archive.RecordAsync(command, source, ct);
        var key = ArchivedMessage.Key(source.ChatId, source.MessageId);
        var now = time.GetUtcNow();
        var calendar = organisation.Calendar;
        var created = await unitOfWork.RunAsync<Result<(Project, ProjectTask)>>(async () =>
        {
            var all = await tasks.ByProjectAsync(project.Id, ct);
            if (all.FirstOrDefault(t => t.SourceMessage == key) is { } existing)
                return Result<(Project, ProjectTask)>.Fail(ArchiveProblems.TaskExists, project.Number, existing.No, existing.Title);
            var start = desk.StartDate();
            var end = start;
            for (var added = 1; added < WorkingDays;)
            {
                end = end.AddDays(1);
                if (calendar.IsWorkingDay(end)) added++;
            }
            var workType = organisation.Projects.WorkType(RequestWorkType) ?? organisation.Projects.WorkTypes.FirstOrDefault();
            var instruction = ArchiveTexts.TaskInstruction.In(organisation.DefaultLanguage, source.From.Name, calendar.ToLocal(source.At).DateTime, source.Text ?? text);
            if (Link(source.ChatId, source.MessageId) is { } link) instruction += "\n" + ArchiveTexts.TaskLink.In(organisation.DefaultLanguage, link);
            var task = new ProjectTask
            {
                ProjectId = project.Id, No = all.Count == 0 ? 1 : all.Max(t => t.No) + 1, Code = "request-" + source.MessageId.ToString(CultureInfo.InvariantCulture),
                Title = Title(text), ExecutorId = project.PmId, AuditorId = project.PmId, PlannedStart = start, PlannedEnd = end,
                WorkType = workType?.Code ?? "", Billable = workType?.Billable ?? false,
                ExpectedResult = ArchiveTexts.TaskResult.In(organisation.DefaultLanguage), Instruction = instruction, SourceMessage = key,
            };
            task.Record(ProjectActions.Created, now, actor.Id, key);
            task.MakeReady(now);
            await tasks.InsertManyAsync([task], ct);
            await audit.AppendAsync(new AuditEntry
            {
                Subject = $"{project.Subject}#{task.No}", Action = ProjectActions.Created, ActorId = actor.Id, At = now, Reason = "from group message " + key,
            }, ct);
            return Result<(Project, ProjectTask)>.Ok((project, task));
        }, ct);
        if (!created.IsOk) return created;
        var (_, made) = created.Value;
        await work.AnnounceReadyAsync(project, [made], outgoing, ct);
        var pm = await people.GetAsync(project.PmId, ct);
        outgoing.Send(chatId, ArchiveTexts.TaskCreatedInGroup.In(organisation.DefaultLanguage, made.Title, pm?.Name ?? "—"));
        if (pm is { ChatId: { } pmChat } && pm.Id != actor.Id)
            outgoing.Send(pmChat, ArchiveTexts.TaskCreatedToPm.In(pm.Language, actor.Name, project.Number, made.No, made.Title));
        return created;
    }

    /// <summary>The first line, cut at a word near <see cref="MaxTitleLength"/>.</summary>
    public static string Title(string text)
    {
        var line = text.Trim().Split('\n', 2)[0].Trim();
        if (line.Length <= MaxTitleLength) return line;
        var cut = line.LastIndexOf(' ', MaxTitleLength - 1);
        return line[..(cut > MaxTitleLength / 2 ? cut : MaxTitleLength - 1)].TrimEnd() + "…";
    }

    /// <summary>t.me/c/ links work for supergroups (ids -100…) to their members; a basic group's messages have no link.</summary>
    public static string? Link(long chatId, int messageId)
    {
        var id = chatId.ToString(CultureInfo.InvariantCulture);
        return id.StartsWith("-100", StringComparison.Ordinal) ? $"https://t.me/c/{id[4..]}/{messageId.ToString(CultureInfo.InvariantCulture)}" : null;
    }

    private static string Numbers(IEnumerable<Project> linked) => string.Join(", ", linked.Select(p => p.Number));

    private static Result<(Project, ProjectTask)> Fail(string code, params object[] args) => Result<(Project, ProjectTask)>.Fail(code, args);
}
