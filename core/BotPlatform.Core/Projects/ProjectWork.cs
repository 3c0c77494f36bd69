using BotPlatform.Core.Audit;
using BotPlatform.Core.Common;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;

namespace BotPlatform.Core.Projects;

/// <summary>Who pressed a client's button or answered in the group: a Telegram user, maybe staff.</summary>
public sealed record GroupActor(long TelegramUserId, string Name, Person? Person);

/// <summary>
/// The life of a task: its executor starts, pauses and hands in the result; the auditor accepts or returns
/// it; a task that needs the client's approval goes to the client's group, where the client's contacts (or
/// the PM) approve it or ask for changes. Each change re-reads the task inside one unit of work, so two
/// presses make one decision; a finished task starts the tasks that waited for it. What people must hear
/// is added to the given <see cref="Outgoing"/>.
/// </summary>
public sealed class ProjectWork(
    IProjectStore projects,
    IProjectTaskStore tasks,
    IPeopleStore people,
    IUnitOfWork unitOfWork,
    IAuditLog audit,
    ProjectGroups groups,
    ITimeLedger ledger,
    Organisation organisation,
    TimeProvider time)
{
    private Lang ClientLang => organisation.DefaultLanguage;

    public Task<Result<ProjectTask>> StartAsync(long taskId, Person actor, Outgoing outgoing, CancellationToken ct) =>
        ChangeAsync(taskId, async (task, project, now) =>
        {
            if (await NotExecutorAsync(task, actor, ct) is { } problem) return problem;
            if (task.Start(actor.Id, now) is not { } first) return StaleProblem;
            await ledger.OpenAsync(task, project, actor.Id, now, ct);
            if (first && task.NotifyClientStart)
            {
                var count = (await tasks.ByProjectAsync(project.Id, ct)).Count;
                foreach (var group in project.GroupChatIds) outgoing.Send(group, TaskTexts.ClientStarted.In(ClientLang, task.Title, task.No, count));
            }
            return null;
        }, (task, project) => RefreshExecutorCardAsync(task, project, outgoing, ct), ct);

    public Task<Result<ProjectTask>> PauseAsync(long taskId, Person actor, Outgoing outgoing, CancellationToken ct) =>
        ChangeAsync(taskId, async (task, project, now) =>
        {
            if (await NotExecutorAsync(task, actor, ct) is { } problem) return problem;
            if (!task.Pause(actor.Id, now)) return StaleProblem;
            await ledger.CloseAsync(task, now, ct);
            return null;
        }, (task, project) => RefreshExecutorCardAsync(task, project, outgoing, ct), ct);

    public Task<Result<ProjectTask>> TickAsync(long taskId, int item, Person actor, Outgoing outgoing, CancellationToken ct) =>
        ChangeAsync(taskId, async (task, _, now) =>
            await NotExecutorAsync(task, actor, ct) is { } problem ? problem : task.Tick(item, actor.Id, now) ? null : StaleProblem,
            (task, project) => RefreshExecutorCardAsync(task, project, outgoing, ct), ct);

    /// <summary>Whether the person may press Done now (the dialog asks for the result only then).</summary>
    public async Task<Result<ProjectTask>> CanSubmitAsync(long taskId, Person actor, CancellationToken ct)
    {
        if (await tasks.GetAsync(taskId, ct) is not { } task) return Stale();
        if (await NotExecutorAsync(task, actor, ct) is { } problem) return problem;
        return task.State is ProjectTaskState.InProgress or ProjectTaskState.Paused ? Result<ProjectTask>.Ok(task) : Stale();
    }

    public Task<Result<ProjectTask>> SubmitAsync(long taskId, Person actor, string? result, string? fileId, bool isPhoto, Outgoing outgoing, CancellationToken ct) =>
        ChangeAsync(taskId, async (task, project, now) =>
        {
            if (await NotExecutorAsync(task, actor, ct) is { } problem) return problem;
            var text = (result ?? "").Trim();
            if (text.Length == 0 && fileId is null) return new Problem(TaskProblems.ResultRequired);
            if (!task.Submit(actor.Id, text, fileId, isPhoto, now)) return StaleProblem;
            await ledger.CloseAsync(task, now, ct);
            return null;
        }, async (task, project) =>
        {
            await RefreshExecutorCardAsync(task, project, outgoing, ct);
            var auditor = await people.GetAsync(task.AuditorId, ct);
            if (auditor?.ChatId is { } chat)
            {
                if (task.ResultFileId is { } file) outgoing.SendTelegramFile(chat, file, task.ResultIsPhoto);
                task.AuditorCard = outgoing.Send(chat, TaskCards.ReviewText(task, project, actor.Name, auditor.Language), TaskCards.ReviewButtons(task, auditor.Language));
                task.AuditorCardChat = chat;
            }
            if (actor.ChatId is { } own) outgoing.Send(own, TaskTexts.Submitted.In(actor.Language, auditor?.Name ?? "—"));
        }, ct);

    public Task<Result<ProjectTask>> AcceptAsync(long taskId, Person actor, Outgoing outgoing, CancellationToken ct) =>
        ChangeAsync(taskId, async (task, _, now) =>
            await NotAuditorAsync(task, actor, ct) is { } problem ? problem : task.Accept(actor.Id, now) ? null : StaleProblem,
        async (task, project) =>
        {
            EditAuditorCard(task, project, TaskTexts.Accepted.In(actor.Language, actor.Name), outgoing);
            await RefreshExecutorCardAsync(task, project, outgoing, ct);
            if (task.State == ProjectTaskState.ClientReview) await SendToClientAsync(task, project, outgoing, ct);
            else await FinishedAsync(task, project, outgoing, ct);
        }, ct);

    public async Task<Result<ProjectTask>> CanReturnAsync(long taskId, Person actor, CancellationToken ct)
    {
        if (await tasks.GetAsync(taskId, ct) is not { } task) return Stale();
        if (await NotAuditorAsync(task, actor, ct) is { } problem) return problem;
        return task.State == ProjectTaskState.OnReview ? Result<ProjectTask>.Ok(task) : Stale();
    }

    public Task<Result<ProjectTask>> ReturnAsync(long taskId, Person actor, string? comment, Outgoing outgoing, CancellationToken ct) =>
        ChangeAsync(taskId, async (task, _, now) =>
        {
            if (await NotAuditorAsync(task, actor, ct) is { } problem) return problem;
            if (string.IsNullOrWhiteSpace(comment)) return new Problem(TaskProblems.CommentRequired);
            return task.Return(actor.Id, comment, now, OverdueAt(task, now)) ? null : StaleProblem;
        }, async (task, project) =>
        {
            EditAuditorCard(task, project, TaskTexts.ReturnedCard.In(actor.Language, task.LastComment), outgoing);
            if (await people.GetAsync(task.ExecutorId, ct) is { ChatId: { } chat } executor)
                outgoing.Send(chat, TaskTexts.ReturnedToExecutor.In(executor.Language, task.Title, task.LastComment));
            await SendExecutorCardAsync(task, project, outgoing, ct);
        }, ct);

    /// <summary>Whether the presser may decide for the client: a contact of the project's client, or its PM.</summary>
    public async Task<Result<ProjectTask>> CanDecideForClientAsync(long taskId, int round, GroupActor actor, CancellationToken ct)
    {
        if (await tasks.GetAsync(taskId, ct) is not { } task || await projects.GetAsync(task.ProjectId, ct) is not { } project) return Stale();
        if (!await IsClientSideAsync(project, actor, ct)) return new Problem(TaskProblems.NotClient);
        return task.State == ProjectTaskState.ClientReview && task.Round == round ? Result<ProjectTask>.Ok(task) : Stale();
    }

    public Task<Result<ProjectTask>> ClientApproveAsync(long taskId, int round, GroupActor actor, Outgoing outgoing, CancellationToken ct) =>
        ChangeAsync(taskId, async (task, project, now) =>
        {
            if (!await IsClientSideAsync(project, actor, ct)) return new Problem(TaskProblems.NotClient);
            return task.ClientApprove(actor.Person?.Id, Who(actor), round, now) ? null : StaleProblem;
        }, async (task, project) =>
        {
            if (task.ClientCard is { } card && task.ClientCardChat is { } chat)
                outgoing.Edit(chat, card, TaskCards.FinishedText(task, ClientLang, askDecision: false) + "\n\n" + TaskTexts.ClientApproved.In(ClientLang, actor.Name));
            if (await people.GetAsync(project.PmId, ct) is { ChatId: { } pmChat } pm && pm.Id != actor.Person?.Id)
                outgoing.Send(pmChat, TaskTexts.ClientApprovedToPm.In(pm.Language, actor.Name, project.Number, task.Title));
            await RefreshExecutorCardAsync(task, project, outgoing, ct);
            await StartWaitingAsync(project, task, outgoing, ct);
        }, ct);

    public Task<Result<ProjectTask>> ClientReviseAsync(long taskId, int round, GroupActor actor, string? comment, Outgoing outgoing, CancellationToken ct) =>
        ChangeAsync(taskId, async (task, project, now) =>
        {
            if (!await IsClientSideAsync(project, actor, ct)) return new Problem(TaskProblems.NotClient);
            if (string.IsNullOrWhiteSpace(comment)) return new Problem(TaskProblems.RevisionRequired);
            return task.ClientRevise(actor.Person?.Id, Who(actor), round, comment, now, OverdueAt(task, now)) ? null : StaleProblem;
        }, async (task, project) =>
        {
            if (task.ClientCard is { } card && task.ClientCardChat is { } chat)
            {
                outgoing.Edit(chat, card, TaskCards.FinishedText(task, ClientLang, askDecision: false) + "\n\n"
                    + TaskTexts.ClientRevisionAsked.In(ClientLang, actor.Name, task.LastComment));
                outgoing.Send(chat, TaskTexts.RevisionThanks.In(ClientLang));
            }
            if (await people.GetAsync(task.ExecutorId, ct) is { ChatId: { } executorChat } executor)
                outgoing.Send(executorChat, TaskTexts.ClientRevisionToExecutor.In(executor.Language, task.Title, task.LastComment));
            if (await people.GetAsync(project.PmId, ct) is { ChatId: { } pmChat } pm)
                outgoing.Send(pmChat, TaskTexts.ClientRevisionToPm.In(pm.Language, actor.Name, project.Number, task.Title, task.LastComment));
            await SendExecutorCardAsync(task, project, outgoing, ct);
        }, ct);

    /// <summary>Sends the cards of tasks that just became ready (a new project's first tasks).</summary>
    public async Task AnnounceReadyAsync(Project project, IReadOnlyList<ProjectTask> ready, Outgoing outgoing, CancellationToken ct)
    {
        foreach (var task in ready)
        {
            await unitOfWork.RunAsync(async () =>
            {
                if (await tasks.GetAsync(task.Id, ct) is not { State: ProjectTaskState.Ready } current) return false;
                current.NextTimerAt ??= OverdueAt(current, time.GetUtcNow());
                await SendExecutorCardAsync(current, project, outgoing, ct);
                return await tasks.TryUpdateAsync(current, ct);
            }, ct);
        }
    }

    /// <summary>The first working moment after the task's planned end: when it becomes overdue (reminders fire in working hours).</summary>
    public DateTimeOffset OverdueAt(ProjectTask task, DateTimeOffset now)
    {
        var calendar = organisation.Calendar;
        var due = calendar.NextWorkingMoment(calendar.StartOfLocalDay(task.PlannedEnd.AddDays(1)));
        return due > now ? due : calendar.NextWorkingMoment(now);
    }

    private delegate Task<Problem?> Change(ProjectTask task, Project project, DateTimeOffset now);

    private async Task<Result<ProjectTask>> ChangeAsync(long taskId, Change change, Func<ProjectTask, Project, Task> after, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return await unitOfWork.RunAsync(async () =>
        {
            if (await tasks.GetAsync(taskId, ct) is not { } task || await projects.GetAsync(task.ProjectId, ct) is not { } project) return Stale();
            var before = task.History.Count;
            if (await change(task, project, now) is { } problem) return Result<ProjectTask>.Fail(problem);
            await after(task, project);
            if (!await tasks.TryUpdateAsync(task, ct)) return Stale();
            foreach (var e in task.History.Skip(before))
                await audit.AppendAsync(new AuditEntry { Subject = $"{project.Subject}#{task.No}", Action = e.Action, ActorId = e.ActorId, At = e.At, Reason = e.Reason }, ct);
            return Result<ProjectTask>.Ok(task);
        }, ct);
    }

    private static readonly Problem StaleProblem = new(ProjectProblems.StaleTask);

    private static Result<ProjectTask> Stale() => Result<ProjectTask>.Fail(ProjectProblems.StaleTask);

    private async Task<Problem?> NotExecutorAsync(ProjectTask task, Person actor, CancellationToken ct) =>
        actor.Id == task.ExecutorId ? null : new Problem(TaskProblems.NotYours, (await people.GetAsync(task.ExecutorId, ct))?.Name ?? "—");

    private async Task<Problem?> NotAuditorAsync(ProjectTask task, Person actor, CancellationToken ct) =>
        actor.Id == task.AuditorId ? null : new Problem(TaskProblems.NotAuditor, (await people.GetAsync(task.AuditorId, ct))?.Name ?? "—");

    private async Task<bool> IsClientSideAsync(Project project, GroupActor actor, CancellationToken ct) =>
        actor.Person is { IsActive: true } person
            ? person.Id == project.PmId
            : await groups.IsClientContactAsync(project, actor.TelegramUserId, ct);

    private static string Who(GroupActor actor) => $"{actor.Name} (tg {actor.TelegramUserId})";

    private static void EditAuditorCard(ProjectTask task, Project project, string outcome, Outgoing outgoing)
    {
        if (task.AuditorCard is { } card && task.AuditorCardChat is { } chat)
            outgoing.Edit(chat, card, $"{project.Number} · {task.No}. {task.Title}\n{task.ResultText}\n\n{outcome}");
    }

    private async Task SendToClientAsync(ProjectTask task, Project project, Outgoing outgoing, CancellationToken ct)
    {
        if (project.GroupChatIds.FirstOrDefault() is var group && group != 0)
        {
            if (task.ResultFileId is { } file) outgoing.SendTelegramFile(group, file, task.ResultIsPhoto);
            task.ClientCard = outgoing.Send(group, TaskCards.FinishedText(task, ClientLang, askDecision: true), TaskCards.ClientButtons(task, ClientLang));
            task.ClientCardChat = group;
            return;
        }
        // No group yet: the PM may decide for the client (the same buttons, in the PM's chat).
        if (await people.GetAsync(project.PmId, ct) is { ChatId: { } pmChat } pm)
        {
            outgoing.Send(pmChat, TaskTexts.NoGroupApproval.In(pm.Language, project.Number, task.Title));
            task.ClientCard = outgoing.Send(pmChat, TaskCards.FinishedText(task, pm.Language, askDecision: true), TaskCards.ClientButtons(task, pm.Language));
            task.ClientCardChat = pmChat;
        }
    }

    private async Task FinishedAsync(ProjectTask task, Project project, Outgoing outgoing, CancellationToken ct)
    {
        if (task.NotifyClientFinish)
            foreach (var group in project.GroupChatIds) outgoing.Send(group, TaskCards.FinishedText(task, ClientLang, askDecision: false));
        await StartWaitingAsync(project, task, outgoing, ct);
    }

    /// <summary>Every waiting task of the project whose tasks are all done becomes ready and goes to its executor.</summary>
    private async Task StartWaitingAsync(Project project, ProjectTask finished, Outgoing outgoing, CancellationToken ct)
    {
        var all = await tasks.ByProjectAsync(project.Id, ct);
        // The finished task is saved after this runs: the store still has its old state, so it counts by the caller's.
        var done = all.Where(t => t.State == ProjectTaskState.Done).Select(t => t.No).Append(finished.No).ToHashSet();
        var now = time.GetUtcNow();
        foreach (var waiting in all.Where(t => t.State == ProjectTaskState.Waiting && t.Id != finished.Id))
        {
            if (!waiting.WaitsFor.All(done.Contains)) continue;
            waiting.MakeReady(now);
            waiting.NextTimerAt = OverdueAt(waiting, now);
            await SendExecutorCardAsync(waiting, project, outgoing, ct);
            if (!await tasks.TryUpdateAsync(waiting, ct)) throw new InvalidOperationException($"Task {waiting.Id} changed while it became ready");
        }
    }

    private async Task SendExecutorCardAsync(ProjectTask task, Project project, Outgoing outgoing, CancellationToken ct)
    {
        if (await people.GetAsync(task.ExecutorId, ct) is not { ChatId: { } chat } executor) return;
        var spent = await ledger.HoursAsync(task.Id, ct);
        task.ExecutorCard = outgoing.Send(chat, TaskCards.ExecutorText(task, project, executor.Language, spent), TaskCards.ExecutorButtons(task, executor.Language));
        task.ExecutorCardChat = chat;
    }

    private async Task RefreshExecutorCardAsync(ProjectTask task, Project project, Outgoing outgoing, CancellationToken ct)
    {
        if (task.ExecutorCard is not { } card || task.ExecutorCardChat is not { } chat) return;
        var lang = (await people.GetAsync(task.ExecutorId, ct))?.Language ?? organisation.DefaultLanguage;
        var spent = await ledger.HoursAsync(task.Id, ct);
        outgoing.Edit(chat, card, TaskCards.ExecutorText(task, project, lang, spent), TaskCards.ExecutorButtons(task, lang));
    }
}
