using BotPlatform.Core.Billing;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Core.Projects;

namespace BotPlatform.Bot.Sandbox;

/// <summary>
/// The money loop a visitor can walk without Telegram: PRJ-0003 holds the month before last's done work, and its hourly
/// report is already in the client's group with «✅ Согласовать отчёт». Acting as the client's contact the visitor
/// approves it; the invoice and the act reach the PM; the accountant marks the invoice paid with /paid, and the report
/// and its tasks become paid. Built with the same use cases the PM's /report and «📤 Отправить клиенту» call.
/// </summary>
public sealed class DemoReport(
    ProjectDesk projects,
    ProjectGroups groups,
    IProjectTaskStore projectTasks,
    ITimeEntryStore timeEntries,
    ReportDesk desk,
    ReportSharing sharing,
    IOutboxStore outbox,
    SandboxRun run,
    Organisation organisation,
    TimeProvider time,
    ILogger<DemoReport> logger)
{
    public async Task SentToTheGroupAsync(Client client, Person manager, long group, CancellationToken ct)
    {
        if (projects.Definition.Templates.FirstOrDefault() is not { } template) return;
        var created = await projects.CreateAsync(new ProjectDraft(client.Id, template.Code, template.Name + " — позапрошлый месяц"), manager, ct);
        if (!created.IsOk) return;
        var (project, tasks) = created.Value;
        await groups.LinkAsync(project, group, manager, ct);
        await groups.SeenAsync(group, [.. run.DemoContacts.Select(c => new GroupMember(c.Id, c.FirstName, c.Username, false))], ct);
        var today = organisation.Calendar.LocalDate(time.GetUtcNow());
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-2);
        await DemoRecords.DoneWithHoursAsync(project, tasks, client, manager, month, projectTasks, timeEntries, time, ct);

        var built = await desk.BuildAsync(new ReportRequest(project.Number, month.ToString("MM.yyyy", System.Globalization.CultureInfo.InvariantCulture)), manager, ct);
        if (!built.IsOk)
        {
            logger.LogWarning("The demo report was refused: {Problem}", built.Problem);
            return;
        }
        var outgoing = new Outgoing("demo:report:" + built.Value!.Number, time);
        var sent = await sharing.SendAsync(built.Value.Id, manager, outgoing, ct);
        if (!sent.IsOk)
        {
            logger.LogWarning("The demo report was not sent: {Problem}", sent.Problem);
            return;
        }
        await outbox.EnqueueAsync(outgoing.Messages, ct);
    }
}
