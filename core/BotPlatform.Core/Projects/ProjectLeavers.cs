using BotPlatform.Core.Audit;
using BotPlatform.Core.Common;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Core.People.Administration;

namespace BotPlatform.Core.Projects;

/// <summary>
/// A leaver's project work goes to the substitute, each task and project in its own unit of work and audited
/// as "reassigned": open tasks they execute (a running one is paused, so the substitute's clock starts when
/// they resume it; the leaver's card loses its buttons and the substitute gets a fresh one), results waiting
/// for their review (the substitute gets the review card), and the active projects they manage (the substitute
/// is told, and the client's group hears who looks after the project now).
/// </summary>
public sealed class ProjectLeavers(
    IProjectStore projects,
    IProjectTaskStore tasks,
    IPeopleStore people,
    IUnitOfWork unitOfWork,
    IAuditLog audit,
    IOutboxStore outbox,
    ITimeLedger ledger,
    Organisation organisation,
    TimeProvider time) : ILeaverObserver
{
    public const string Reassigned = "reassigned";

    public static readonly Text TaskHandedOver = new("↪️ {0} больше не работает в организации — задача передана: {1}.",
        "↪️ {0} has left the organisation; the task went to {1}.");
    public static readonly Text TaskForYou = new("↪️ Вам передана задача {0} · {1}. {2} от {3}.",
        "↪️ Task {0} · {1}. {2} came to you from {3}.");
    public static readonly Text ProjectForYou = new("↪️ Вам передан проект {0} «{1}» от {2}: теперь вы его менеджер. Карточка: /project {0}",
        "↪️ Project {0} \"{1}\" came to you from {2}: you are its manager now. Card: /project {0}");
    public static readonly Text NewManagerForClient = new(
        "Здравствуйте! Теперь проектом «{0}» занимается {1}. По всем вопросам пишите сюда, как и раньше.",
        "Hello! {1} now looks after the project \"{0}\". Write here with any question, as before.");

    public async Task<int> LeftAsync(Person leaver, Person substitute, Person admin, Outgoing outgoing, CancellationToken ct)
    {
        var moved = 0;
        foreach (var task in (await tasks.ByPersonAsync(leaver.Id, ct)).Where(t => t.IsOpen))
            moved += await unitOfWork.RunAsync(() => MoveTaskAsync(task.Id, leaver, substitute, admin, outgoing, ct), ct);
        foreach (var project in (await projects.ByPmAsync(leaver.Id, ct)).Where(p => p.Status == ProjectStatus.Active))
            moved += await unitOfWork.RunAsync(() => MoveProjectAsync(project.Id, leaver, substitute, admin, outgoing, ct), ct);
        return moved;
    }

    private async Task<int> MoveTaskAsync(long taskId, Person leaver, Person substitute, Person admin, Outgoing outgoing, CancellationToken ct)
    {
        if (await tasks.GetAsync(taskId, ct) is not { IsOpen: true } task || await projects.GetAsync(task.ProjectId, ct) is not { } project) return 0;
        var executes = task.ExecutorId == leaver.Id;
        var audits = task.AuditorId == leaver.Id;
        if (!executes && !audits) return 0;
        var now = time.GetUtcNow();
        var before = task.History.Count;
        var handedOver = TaskHandedOver.In(leaver.Language, leaver.Name, substitute.Name);
        if (executes)
        {
            if (task.State == ProjectTaskState.InProgress && task.Pause(admin.Id, now)) await ledger.CloseAsync(task, now, ct);
            task.ExecutorId = substitute.Id;
            task.Record(Reassigned, now, admin.Id, $"executor: {leaver.Name} → {substitute.Name}");
            var spent = await ledger.HoursAsync(task.Id, ct);
            if (task.ExecutorCard is { } card && task.ExecutorCardChat is { } chat && chat == leaver.ChatId)
                outgoing.Edit(chat, card, TaskCards.ExecutorText(task, project, leaver.Language, spent) + "\n\n" + handedOver);
            task.ExecutorCard = null;
            task.ExecutorCardChat = null;
            // A waiting task has no card yet: it reaches the substitute when it becomes ready.
            if (task.State is ProjectTaskState.Ready or ProjectTaskState.Paused && substitute.ChatId is { } own)
            {
                outgoing.Send(own, TaskForYou.In(substitute.Language, project.Number, task.No, task.Title, leaver.Name));
                task.ExecutorCard = outgoing.Send(own, TaskCards.ExecutorText(task, project, substitute.Language, spent),
                    TaskCards.ExecutorButtons(task, substitute.Language));
                task.ExecutorCardChat = own;
            }
        }
        if (audits)
        {
            task.AuditorId = substitute.Id;
            task.Record(Reassigned, now, admin.Id, $"auditor: {leaver.Name} → {substitute.Name}");
            if (task.State == ProjectTaskState.OnReview)
            {
                if (task.AuditorCard is { } card && task.AuditorCardChat is { } chat)
                    outgoing.Edit(chat, card, $"{project.Number} · {task.No}. {task.Title}\n{task.ResultText}\n\n{handedOver}");
                task.AuditorCard = null;
                task.AuditorCardChat = null;
                if (substitute.ChatId is { } own)
                {
                    if (task.ResultFileId is { } file) outgoing.SendTelegramFile(own, file, task.ResultIsPhoto);
                    var executor = task.ExecutorId == substitute.Id ? substitute : await people.GetAsync(task.ExecutorId, ct);
                    task.AuditorCard = outgoing.Send(own, TaskCards.ReviewText(task, project, executor?.Name ?? "—", substitute.Language),
                        TaskCards.ReviewButtons(task, substitute.Language));
                    task.AuditorCardChat = own;
                }
            }
        }
        if (!await tasks.TryUpdateAsync(task, ct)) throw new InvalidOperationException($"Task {task.Id} changed inside a unit of work");
        foreach (var e in task.History.Skip(before))
            await audit.AppendAsync(new AuditEntry { Subject = $"{project.Subject}#{task.No}", Action = e.Action, ActorId = e.ActorId, At = e.At, Reason = e.Reason }, ct);
        await outbox.EnqueueAsync(outgoing.Messages, ct);
        return 1;
    }

    private async Task<int> MoveProjectAsync(long projectId, Person leaver, Person substitute, Person admin, Outgoing outgoing, CancellationToken ct)
    {
        if (await projects.GetAsync(projectId, ct) is not { Status: ProjectStatus.Active } project || project.PmId != leaver.Id) return 0;
        var now = time.GetUtcNow();
        project.PmId = substitute.Id;
        var entry = project.Record(Reassigned, now, admin.Id, $"pm: {leaver.Name} → {substitute.Name}");
        if (substitute.ChatId is { } chat) outgoing.Send(chat, ProjectForYou.In(substitute.Language, project.Number, project.Title, leaver.Name));
        foreach (var group in project.GroupChatIds)
            outgoing.Send(group, NewManagerForClient.In(organisation.DefaultLanguage, project.Title, substitute.Name));
        // Without a group the PM decides for the client in their own chat: a result waiting there follows the new PM.
        foreach (var task in (await tasks.ByProjectAsync(project.Id, ct))
                     .Where(t => t.State == ProjectTaskState.ClientReview && t.ClientCardChat is { } c && c == leaver.ChatId))
        {
            if (task.ClientCard is { } card) outgoing.Edit(leaver.ChatId!.Value, card,
                TaskCards.FinishedText(task, leaver.Language, askDecision: false) + "\n\n" + TaskHandedOver.In(leaver.Language, leaver.Name, substitute.Name));
            task.ClientCard = null;
            task.ClientCardChat = null;
            if (substitute.ChatId is { } own)
            {
                task.ClientCard = outgoing.Send(own, TaskCards.FinishedText(task, substitute.Language, askDecision: true), TaskCards.ClientButtons(task, substitute.Language));
                task.ClientCardChat = own;
            }
            if (!await tasks.TryUpdateAsync(task, ct)) throw new InvalidOperationException($"Task {task.Id} changed inside a unit of work");
        }
        if (!await projects.TryUpdateAsync(project, ct)) throw new InvalidOperationException($"{project.Number} changed inside a unit of work");
        await audit.AppendAsync(new AuditEntry { Subject = project.Subject, Action = entry.Action, ActorId = admin.Id, At = now, Reason = entry.Reason }, ct);
        await outbox.EnqueueAsync(outgoing.Messages, ct);
        return 1;
    }
}
