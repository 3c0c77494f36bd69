using System.Globalization;
using BotPlatform.Core.Audit;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Clients;
using BotPlatform.Core.Localization;
using BotPlatform.Core.People;

namespace BotPlatform.Core.Projects;

public sealed record ProjectDraft(long ClientId, string TemplateCode, string Title, long? DealId = null);

/// <summary>A project with its tasks and what a card needs to name people.</summary>
public sealed record ProjectView(Project Project, IReadOnlyList<ProjectTask> Tasks, Client? Client, IReadOnlyDictionary<long, string> Names,
    IReadOnlyDictionary<long, string> GroupTitles, Deal? Deal = null)
{
    /// <summary>The deals linked as upsells (what the project was sold on top of its deal or retainer).</summary>
    public IReadOnlyList<Deal> Upsells { get; init; } = [];
    /// <summary>The currency of the retainer (the organisation's).</summary>
    public string Currency { get; init; } = "RUB";
}

/// <summary>Creating projects from templates, finding them and reading them for cards.</summary>
public sealed class ProjectDesk(
    IProjectStore projects,
    IProjectTaskStore tasks,
    IClientStore clients,
    IDealStore deals,
    IPeopleStore people,
    ISequenceStore sequences,
    IUnitOfWork unitOfWork,
    IAuditLog audit,
    Messaging.IChatStore chats,
    ITimeEntryStore timeEntries,
    Organisation organisation,
    TimeProvider time)
{
    public const string NumberPrefix = "PRJ-";
    public const int MaxTitleLength = 120;
    public static IReadOnlyList<Role> CreatorRoles { get; } = [Role.ProjectManager, Role.Director, Role.OpsManager, Role.Admin];

    public static bool MayCreate(Person person) => person.IsActive && CreatorRoles.Any(person.Has);

    public ProjectsDefinition Definition => organisation.Projects;

    /// <summary>Only a client whose requisites are complete and valid may start production.</summary>
    public static Problem? CheckClient(Client client)
    {
        var copy = new Client
        {
            Country = client.Country, LegalName = client.LegalName, Inn = client.Inn, Kpp = client.Kpp, Ogrn = client.Ogrn, Unp = client.Unp,
            LegalAddress = client.LegalAddress, Postcode = client.Postcode, PostalAddress = client.PostalAddress,
            Bank = new BankDetails
            {
                BankName = client.Bank.BankName, Bik = client.Bank.Bik, Account = client.Bank.Account, CorrespondentAccount = client.Bank.CorrespondentAccount,
            },
            Signatory = client.Signatory, SignatoryPosition = client.SignatoryPosition, Basis = client.Basis, Email = client.Email, Phone = client.Phone,
        };
        var problems = ClientRequisites.Check(copy);
        if (problems.Count == 0) return null;
        return problems[0] is { Code: ClientProblems.Incomplete, Args: [TextList missing] }
            ? new Problem(ProjectProblems.ClientIncomplete, client.LegalName, missing, client.TaxId)
            : new Problem(ProjectProblems.ClientInvalid, client.LegalName, client.TaxId);
    }

    public static Result<string> Title(string? text)
    {
        var title = (text ?? "").Trim();
        if (title.Length == 0) return Result<string>.Fail(ProjectProblems.TitleRequired);
        return title.Length > MaxTitleLength ? Result<string>.Fail(ProjectProblems.TitleTooLong, MaxTitleLength) : Result<string>.Ok(title);
    }

    /// <summary>The first working day of a project created now: today, or the next working day after hours.</summary>
    public DateOnly StartDate() => organisation.Calendar.LocalDate(organisation.Calendar.NextWorkingMoment(time.GetUtcNow()));

    public async Task<Result<(Project Project, IReadOnlyList<ProjectTask> Tasks)>> CreateAsync(ProjectDraft draft, Person creator, CancellationToken ct)
    {
        if (!MayCreate(creator)) return Result<(Project, IReadOnlyList<ProjectTask>)>.Fail(ProjectProblems.NotAllowed);
        if (Definition.Template(draft.TemplateCode) is not { } template)
            return Result<(Project, IReadOnlyList<ProjectTask>)>.Fail(ProjectProblems.UnknownTemplate, draft.TemplateCode,
                string.Join(", ", Definition.Templates.Select(t => t.Code)));
        var title = Title(draft.Title);
        if (!title.IsOk) return Result<(Project, IReadOnlyList<ProjectTask>)>.Fail(title.Problem!);
        if (await clients.GetAsync(draft.ClientId, ct) is not { } client) return Result<(Project, IReadOnlyList<ProjectTask>)>.Fail(ProjectProblems.ClientNotFound);
        if (CheckClient(client) is { } problem) return Result<(Project, IReadOnlyList<ProjectTask>)>.Fail(problem);
        if (draft.DealId is { } dealId && (await deals.GetAsync(dealId, ct))?.ClientId != client.Id)
            return Result<(Project, IReadOnlyList<ProjectTask>)>.Fail(ProjectProblems.DealNotOfClient, client.LegalName);

        var now = time.GetUtcNow();
        var start = StartDate();
        var plan = ProjectPlanner.Plan(template, start, organisation.Calendar);
        var staff = (await people.ListAsync(ct)).Where(p => p.IsActive).OrderBy(p => p.Id).ToList();
        var created = await unitOfWork.RunAsync(async () =>
        {
            var seq = await sequences.NextAsync("project", ct);
            var project = new Project
            {
                Number = NumberPrefix + seq.ToString("0000", CultureInfo.InvariantCulture), Title = title.Value!, ClientId = client.Id,
                TemplateCode = template.Code, PmId = creator.Id, DealId = draft.DealId, StartDate = start, CreatedBy = creator.Id, CreatedAt = now,
            };
            project.Record(ProjectActions.Created, now, creator.Id, template.Code);
            Billing.Nudges.PaymentNudges.ApplyTemplateDefault(project, organisation, now);
            await projects.InsertAsync(project, ct);
            var numbers = template.Tasks.Select((t, i) => (t.Code, No: i + 1)).ToDictionary(x => x.Code, x => x.No, StringComparer.OrdinalIgnoreCase);
            var list = template.Tasks.Select((t, i) => NewTask(project, t, i + 1, plan[t.Code], numbers, staff, now)).ToList();
            foreach (var task in list.Where(t => t.WaitsFor.Count == 0)) task.MakeReady(now);
            await tasks.InsertManyAsync(list, ct);
            await audit.AppendAsync(new AuditEntry
            {
                Subject = project.Subject, Action = ProjectActions.Created, ActorId = creator.Id, At = now,
                Reason = $"{template.Code}; client {client.Id}; {list.Count} tasks",
            }, ct);
            return (project, (IReadOnlyList<ProjectTask>)list);
        }, ct);
        return Result<(Project, IReadOnlyList<ProjectTask>)>.Ok(created);
    }

    private ProjectTask NewTask(Project project, TaskTemplate t, int no, (DateOnly Start, DateOnly End) planned,
        Dictionary<string, int> numbers, List<Person> staff, DateTimeOffset now)
    {
        var task = new ProjectTask
        {
            ProjectId = project.Id, No = no, Code = t.Code, Title = t.Title,
            ExecutorId = Resolve(t.Executor, project, staff), AuditorId = Resolve(t.Auditor, project, staff),
            EstimateHours = t.EstimateHours, PlannedStart = planned.Start, PlannedEnd = planned.End,
            WaitsFor = [.. t.After.Select(a => numbers[a]).Order()], WorkType = t.WorkType,
            Billable = Definition.WorkType(t.WorkType)?.Billable ?? false,
            NotifyClientStart = t.NotifyClientStart, NotifyClientFinish = t.NotifyClientFinish, ClientApproval = t.ClientApproval,
            ExpectedResult = t.Result, Instruction = t.Instruction, Checklist = [.. t.Checklist.Select(c => new ChecklistItem { Text = c })],
        };
        task.Record(ProjectActions.Created, now, project.CreatedBy);
        return task;
    }

    /// <summary>A role goes to its first active holder, a named person to that person; anyone missing falls back to the PM.</summary>
    private static long Resolve(TaskAssignee assignee, Project project, List<Person> staff) => assignee.Kind switch
    {
        TaskAssigneeKind.Role => staff.FirstOrDefault(p => p.Has(assignee.Role!.Value))?.Id ?? project.PmId,
        TaskAssigneeKind.Person => staff.FirstOrDefault(p => p.Username is { } u && u.Equals(assignee.Username, StringComparison.OrdinalIgnoreCase))?.Id
                                   ?? project.PmId,
        _ => project.PmId,
    };

    /// <summary>"PRJ-0007", "prj-7" or "7".</summary>
    public async Task<Project?> FindAsync(string text, CancellationToken ct)
    {
        var value = text.Trim();
        if (value.StartsWith(NumberPrefix, StringComparison.OrdinalIgnoreCase)) value = value[NumberPrefix.Length..];
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) && seq > 0)
            return await projects.FindByNumberAsync(NumberPrefix + seq.ToString("0000", CultureInfo.InvariantCulture), ct);
        return await projects.FindByNumberAsync(text.Trim(), ct);
    }

    /// <summary>Projects the person manages or works on, newest first.</summary>
    public async Task<IReadOnlyList<Project>> MineAsync(Person person, CancellationToken ct)
    {
        var managed = await projects.ByPmAsync(person.Id, ct);
        var working = (await tasks.ByPersonAsync(person.Id, ct)).Select(t => t.ProjectId).Except(managed.Select(p => p.Id)).ToList();
        var others = working.Count == 0 ? [] : await projects.ByIdsAsync(working, ct);
        return [.. managed.Concat(others).Where(p => p.Status == ProjectStatus.Active).OrderByDescending(p => p.Id)];
    }

    public async Task<ProjectView> ViewAsync(Project project, CancellationToken ct)
    {
        var list = await tasks.ByProjectAsync(project.Id, ct);
        var client = await clients.GetAsync(project.ClientId, ct);
        var names = (await people.ListAsync(ct)).ToDictionary(p => p.Id, p => p.Name);
        var titles = new Dictionary<long, string>();
        foreach (var chat in project.GroupChatIds)
            titles[chat] = (await chats.GetAsync(chat, ct))?.Title ?? chat.ToString(CultureInfo.InvariantCulture);
        var deal = project.DealId is { } dealId ? await deals.GetAsync(dealId, ct) : null;
        var upsells = new List<Deal>();
        foreach (var id in project.UpsellDealIds)
            if (await deals.GetAsync(id, ct) is { } upsell) upsells.Add(upsell);
        return new ProjectView(project, list, client, names, titles, deal) { Upsells = upsells, Currency = organisation.Definition.Currency };
    }

    /// <summary>The client's deals a project may come from, newest first.</summary>
    public async Task<IReadOnlyList<Deal>> DealsOfAsync(long clientId, CancellationToken ct) =>
        [.. (await deals.ByClientAsync(clientId, ct)).OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)];

    /// <summary>Hours worked per task of the project (timed and manual entries).</summary>
    public async Task<IReadOnlyDictionary<long, decimal>> ActualHoursAsync(long projectId, CancellationToken ct) =>
        (await timeEntries.ByProjectAsync(projectId, ct)).GroupBy(e => e.TaskId).ToDictionary(g => g.Key, g => g.Sum(e => e.Hours));

    public DateOnly Today() => organisation.Calendar.LocalDate(time.GetUtcNow());
}
