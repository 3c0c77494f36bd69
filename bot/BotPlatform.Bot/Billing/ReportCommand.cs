using System.Globalization;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Billing;
using BotPlatform.Core.Common;
using BotPlatform.Core.Messaging;

namespace BotPlatform.Bot.Billing;

/// <summary>/report new PROJECTS|CLIENT_TAX_ID PERIOD: builds a draft and shows its card and its task list as a file. Private chat.</summary>
public sealed class ReportCommand(ReportDesk desk, ReportViews views) : ICommandHandler
{
    public string Command => "report";

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (context.Person is not { } person || !context.IsPrivateChat) return;
        if (context.Args is not [var word, var target, var period] || !word.Equals("new", StringComparison.OrdinalIgnoreCase))
        {
            context.ReplyProblem(new Problem(ReportDesk.MayMake(person) ? BillingProblems.Usage : BillingProblems.NotAllowed));
            return;
        }
        var built = await desk.BuildAsync(new ReportRequest(target, period), person, ct);
        if (!built.IsOk)
        {
            context.ReplyProblem(built.Problem!);
            return;
        }
        await views.SendCardAsync(context, built.Value!, ct);
    }
}

/// <summary>/billable PRJ-0001#2 no|yes REASON: the PM's override of one task's billability before it is reported.</summary>
public sealed class BillableCommand(TaskBillability billability) : ICommandHandler
{
    public string Command => "billable";

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (context.Person is not { } person) return;
        if (context.Args is not [var reference, var word, .. var reason])
        {
            context.ReplyProblem(new Problem(BillingProblems.BillableUsage));
            return;
        }
        var set = await billability.SetAsync(reference, word, string.Join(' ', reason), person, ct);
        if (!set.IsOk)
        {
            context.ReplyProblem(set.Problem!);
            return;
        }
        var (project, task) = set.Value;
        context.Reply(BillingTexts.TaskBillabilitySet, $"{project.Number}#{task.No}", task.Title,
            (task.Billable ? BillingTexts.Billable : BillingTexts.NotBillable).In(context.Lang));
    }
}

/// <summary>
/// The draft's buttons, "rpt:{report}:{action}[:{task}]": the task list with its buttons, drop a task, flip its
/// billability, cancel the report. The core re-checks the report's state and the presser's right; a stale or
/// forged button changes nothing.
/// </summary>
public sealed class ReportCallback(ReportDesk desk, IBillingReportStore reports) : ICallbackHandler
{
    public string Prefix => ReportCard.Prefix;

    public async Task HandleAsync(UpdateContext context, string[] data, CancellationToken ct)
    {
        if (context.Person is not { IsActive: true } person || data.Length < 3
            || !long.TryParse(data[1], NumberStyles.None, CultureInfo.InvariantCulture, out var reportId))
        {
            await context.AnswerCallbackAsync(RoutingTexts.StaleButton.In(context.Lang), ct: ct);
            return;
        }
        long? taskId = data.Length == 4 && long.TryParse(data[3], NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : null;
        var result = (data[2], taskId) switch
        {
            (ReportCard.Edit, null) => await TasksAsync(context, reportId, person, ct),
            (ReportCard.Drop, { } task) => await desk.DropAsync(reportId, task, person, ct),
            (ReportCard.Toggle, { } task) => await desk.ToggleBillableAsync(reportId, task, person, ct),
            (ReportCard.Cancel, null) => await desk.CancelAsync(reportId, person, ct),
            _ => Result<BillingReport>.Fail(BillingProblems.Stale),
        };
        await context.AnswerCallbackAsync(result.IsOk ? null : ProblemTexts.Render(result.Problem!, context.Lang), alert: !result.IsOk, ct: ct);
        if (!result.IsOk || data[2] == ReportCard.Edit) return;
        var report = result.Value!;
        if (report.Card is { } card && report.CardChat is { } chat) context.Out.Edit(chat, card, ReportCard.Text(report, context.Lang), ReportCard.Buttons(report, context.Lang));
        if (data[2] == ReportCard.Cancel) context.Reply(BillingTexts.Cancelled, report.Number);
        else if (context.Update.CallbackQuery?.Message is { MessageId: var listId })
            context.Out.Edit(context.ChatId, listId, BillingTexts.EditTitle.In(context.Lang, report.Number), ReportCard.TaskButtons(report));
    }

    private async Task<Result<BillingReport>> TasksAsync(UpdateContext context, long reportId, Core.People.Person person, CancellationToken ct)
    {
        if (await reports.GetAsync(reportId, ct) is not { Status: ReportStatus.Draft } report) return Result<BillingReport>.Fail(BillingProblems.Stale);
        if (!ReportDesk.MayChange(report, person)) return Result<BillingReport>.Fail(BillingProblems.NotAllowed);
        context.Reply(BillingTexts.EditTitle.In(context.Lang, report.Number), ReportCard.TaskButtons(report));
        return Result<BillingReport>.Ok(report);
    }
}

/// <summary>Sends a report's card (remembered for later edits) and its task list as a file.</summary>
public sealed class ReportViews(ReportDesk desk, IFileStore files)
{
    public async Task SendCardAsync(UpdateContext context, BillingReport report, CancellationToken ct)
    {
        var card = context.Reply(ReportCard.Text(report, context.Lang), ReportCard.Buttons(report, context.Lang));
        await desk.KeepCardAsync(report.Id, card, context.ChatId, ct);
        using var csv = new MemoryStream(ReportCard.Csv(report, context.Lang));
        var name = $"{report.Number}.csv";
        var key = await files.SaveAsync(name, csv, ct);
        context.Out.SendDocument(context.ChatId, key, name, BillingTexts.FileCaption.In(context.Lang, report.Number));
    }
}

public static class BillingHandlers
{
    public static IServiceCollection AddBillingHandlers(this IServiceCollection services) => services
        .AddScoped<ReportViews>()
        .AddScoped<ICommandHandler, ReportCommand>()
        .AddScoped<ICommandHandler, BillableCommand>()
        .AddScoped<ICallbackHandler, ReportCallback>();
}
