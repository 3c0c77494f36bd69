using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Clients;
using BotPlatform.Core.Documents.Deals;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Core.Projects;

namespace BotPlatform.Bot.Sandbox;

/// <summary>
/// The demo client ООО «Ромашка» as a record with full requisites and one deal of two services, made
/// by the project manager through the same use cases as /client new and /deal new. Runs once the
/// organisation's people are seeded (after every hosted service has started) and only on a database
/// that lacks the client, so a restart on kept sandbox data adds nothing twice.
/// </summary>
public sealed class DemoRecords(
    ClientRegistry clients,
    DealDesk deals,
    IPeopleStore people,
    ProjectDesk projects,
    ProjectGroups groups,
    ProjectWork work,
    IProjectTaskStore projectTasks,
    ITimeEntryStore timeEntries,
    IOutboxStore outbox,
    DemoReport report,
    SandboxRun run,
    TimeProvider time,
    Organisation organisation,
    Core.Billing.Nudges.PaymentNudges nudges,
    ILogger<DemoRecords> logger) : IHostedLifecycleService
{
    public static Client Client() => new()
    {
        Country = "RU", LegalName = DemoSeeder.Client.Name, Inn = "7709123453", Kpp = "770901001",
        LegalAddress = "105064, г. Москва, ул. Земляной Вал, д. 9, офис 12", Postcode = "105064",
        PostalAddress = "г. Москва, ул. Земляной Вал, д. 9, офис 12",
        Bank = new BankDetails
        {
            BankName = "АО «Тинькофф Банк»", Bik = "044525974", Account = "40702810490000012345",
            CorrespondentAccount = "30101810145250000974",
        },
        Signatory = "Соколова Алина Сергеевна", SignatoryPosition = "Генеральный директор", Basis = "Устава",
        Email = "alina@romashka.example",
    };

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var client = Client();
        if (await clients.FindByTaxIdAsync(client.Inn!, cancellationToken) is not null) return;
        var manager = organisation.Definition.People.FirstOrDefault(p => p.Roles.Contains(Role.ProjectManager) && p.Username is not null);
        if (manager is null || await people.FindByUsernameAsync(manager.Username!, cancellationToken) is not { } person)
        {
            logger.LogWarning("The demo organisation has no project manager with a username; the demo client and deal are left out");
            return;
        }

        var created = await clients.CreateAsync(client, person, cancellationToken);
        if (created.Value is not { } stored)
        {
            logger.LogWarning("The demo client was refused: {Problem}", created.Problem);
            return;
        }
        var services = organisation.Documents.Services;
        var lines = services.Take(2).Select(s => new DealLineDraft(s.Code, s.Unit == "час" ? 20m : 1m)).ToList();
        var deal = await deals.CreateAsync(new DealDraft(stored.Id, lines, VatMode.OnTop), person, cancellationToken);
        if (!deal.IsOk) logger.LogWarning("The demo deal was refused: {Problem}", deal.Problem);
        await DemoProjectAsync(stored, person, deal.Value?.Id, cancellationToken);
    }

    /// <summary>
    /// PRJ-0001 from the first template and the demo deal, linked to the client's group with its contacts recorded,
    /// so a visitor can walk the loop: the PM's first task card, the designer's start, the client's approval.
    /// </summary>
    private async Task DemoProjectAsync(Client client, Person manager, long? dealId, CancellationToken ct)
    {
        if (projects.Definition.Templates.FirstOrDefault() is not { } template || run.DemoGroup is not { } group) return;
        var created = await projects.CreateAsync(new ProjectDraft(client.Id, template.Code, template.Name + " — " + client.LegalName, dealId), manager, ct);
        if (!created.IsOk)
        {
            logger.LogWarning("The demo project was refused: {Problem}", created.Problem);
            return;
        }
        var (project, tasks) = created.Value;
        await groups.LinkAsync(project, group.Id, manager, ct);
        await groups.SeenAsync(group.Id, [.. run.DemoContacts.Select(c => new GroupMember(c.Id, c.FirstName, c.Username, false))], ct);
        // The PM's /start is handled in parallel with this: wait a little for the Telegram link, so the first card reaches them.
        for (var i = 0; i < 50 && (await people.GetAsync(manager.Id, ct))?.ChatId is null; i++) await Task.Delay(200, ct);
        var linked = (await projects.FindAsync(project.Number, ct))!;
        linked = await DemoBillingAsync(linked, manager, ct);
        var outgoing = new Outgoing("demo:" + project.Number, time);
        await work.AnnounceReadyAsync(linked, [.. tasks.Where(t => t.State == ProjectTaskState.Ready)], outgoing, ct);
        await outbox.EnqueueAsync(outgoing.Messages, ct);
        DemoConversation(group);
        await DemoBilledWorkAsync(client, manager, group.Id, ct);
        await report.SentToTheGroupAsync(client, manager, group.Id, ct);
    }

    /// <summary>
    /// PRJ-0001 is paid monthly, so moving the clock shows the payment nudge in the client's group. The period starts on the
    /// project's first day but after the 3rd of the month: DemoLedger dates the project's demo income on the 2nd and 3rd, and
    /// income inside a period counts as the payment for the next one (no nudge).
    /// </summary>
    private async Task<Project> DemoBillingAsync(Project project, Person manager, CancellationToken ct)
    {
        var from = project.StartDate.Day > 3 ? project.StartDate : new DateOnly(project.StartDate.Year, project.StartDate.Month, 4);
        var set = await nudges.SetAsync(manager, project, ["monthly", from.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture)], ct);
        if (!set.IsOk) logger.LogWarning("The demo billing period was refused: {Problem}", set.Problem);
        return set.Value?.Project ?? project;
    }

    /// <summary>
    /// A few messages of the client's people in the linked group for the archive (/project PRJ-0001 archive): a file,
    /// a reply, an edited budget and a message deleted in Telegram, which the archive still holds.
    /// </summary>
    private void DemoConversation(Testing.FakeChat group)
    {
        if (run.DemoContacts is not [var alina, var boris, ..]) return;
        var engine = run.Engine;
        var brief = engine.SendDocument(alina, group, "Ромашка — логотип и цвета.pdf", System.Text.Encoding.UTF8.GetBytes("%PDF-1.4\n%%EOF\n"), "application/pdf",
            "Присылаю логотип и фирменные цвета");
        engine.Reply(boris, group, brief, "Добавлю: в постах не используем зелёный");
        var budget = engine.SendText(boris, group, "Бюджет на таргет — 30 000 ₽ в месяц");
        engine.EditText(boris, budget, "Бюджет на таргет — 40 000 ₽ в месяц");
        var oops = engine.SendText(alina, group, "Пароль от рекламного кабинета: romashka-2026");
        engine.DeleteMessage(alina, oops);
        engine.SendText(alina, group, "Ой, удалила — пароль пришлю в личку 🙂");
    }

    /// <summary>
    /// PRJ-0002, last month's work for the same client, every task done with its hours recorded, so that
    /// <c>/report new PRJ-0002 MM.YYYY</c> (or the client's ИНН) yields an hourly report the PM can send to the group.
    /// </summary>
    private async Task DemoBilledWorkAsync(Client client, Person manager, long group, CancellationToken ct)
    {
        if (projects.Definition.Templates.FirstOrDefault() is not { } template) return;
        var created = await projects.CreateAsync(new ProjectDraft(client.Id, template.Code, template.Name + " — прошлый месяц"), manager, ct);
        if (!created.IsOk) return;
        var (project, tasks) = created.Value;
        await groups.LinkAsync(project, group, manager, ct);
        await groups.SeenAsync(group, [.. run.DemoContacts.Select(c => new GroupMember(c.Id, c.FirstName, c.Username, false))], ct);
        var today = organisation.Calendar.LocalDate(time.GetUtcNow());
        await DoneWithHoursAsync(project, tasks, client, manager, new DateOnly(today.Year, today.Month, 1).AddMonths(-1), projectTasks, timeEntries, time, ct);
    }

    /// <summary>Every task of the project done, with its estimate (at least an hour) recorded on a day of <paramref name="month"/>.</summary>
    public static async Task DoneWithHoursAsync(Project project, IReadOnlyList<ProjectTask> tasks, Client client, Person manager, DateOnly month,
        IProjectTaskStore projectTasks, ITimeEntryStore timeEntries, TimeProvider time, CancellationToken ct)
    {
        foreach (var task in tasks)
        {
            var stored = await projectTasks.GetAsync(task.Id, ct);
            if (stored is null) continue;
            stored.State = ProjectTaskState.Done;
            stored.DoneAt = time.GetUtcNow();
            stored.NextTimerAt = null;
            stored.ResultText ??= "https://drive.example/" + project.Number.ToLowerInvariant() + "/" + stored.No;
            await projectTasks.TryUpdateAsync(stored, ct);
            var hours = Math.Max(1m, stored.EstimateHours);
            await timeEntries.InsertAsync(new TimeEntry
            {
                TaskId = stored.Id, ProjectId = project.Id, ClientId = client.Id, PersonId = stored.ExecutorId, WorkType = stored.WorkType,
                Billable = stored.Billable, Date = month.AddDays(Math.Min(stored.No * 4, 27)), Hours = hours, Manual = true,
                Comment = "демо", CreatedBy = manager.Id, CreatedAt = time.GetUtcNow(),
            }, ct);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
