using System.Globalization;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Billing;
using BotPlatform.Core.Common;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.Projects;

namespace BotPlatform.Bot.Billing;

/// <summary>/report new PROJECTS|CLIENT_TAX_ID PERIOD: builds a draft and shows its card and its task list as a file. Private chat.</summary>
public sealed class ReportCommand(ReportDesk desk, ReportViews views, ReportDialog dialog) : ICommandHandler
{
    public string Command => "report";

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (context.Person is not { } person || !context.IsPrivateChat) return;
        if (context.Args is [var alone] && alone.Equals("new", StringComparison.OrdinalIgnoreCase))
        {
            await dialog.StartAsync(context, person, ct);
            return;
        }
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
public sealed class ReportCallback(ReportDesk desk, ReportSharing sharing, Core.Billing.Invoicing.ReportWithdrawal withdrawal, IBillingReportStore reports, IReportLinks links) : ICallbackHandler
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
            (ReportCard.Cancel, null) => await withdrawal.CancelAsync(reportId, person, context.Out, ct),
            (ReportCard.Send, null) => await sharing.SendAsync(reportId, person, context.Out, ct),
            (ReportCard.Revoke, null) => await sharing.RevokeAsync(reportId, person, context.Out, ct),
            _ => Result<BillingReport>.Fail(BillingProblems.Stale),
        };
        await context.AnswerCallbackAsync(result.IsOk ? null : ProblemTexts.Render(result.Problem!, context.Lang), alert: !result.IsOk, ct: ct);
        if (!result.IsOk || data[2] == ReportCard.Edit) return;
        var report = result.Value!;
        if (report.Card is { } card && report.CardChat is { } chat) context.Out.Edit(chat, card, ReportCard.Text(report, context.Lang), ReportCard.Buttons(report, context.Lang));
        if (data[2] == ReportCard.Cancel) context.Reply(BillingTexts.Cancelled, report.Number);
        else if (data[2] == ReportCard.Send) context.Reply(BillingTexts.SentToPm, report.Number, links.PageUrl(report.PageToken!));
        else if (data[2] == ReportCard.Revoke) context.Reply(BillingTexts.Revoked, report.Number);
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

/// <summary>
/// The client's buttons in the group, "rcl:{report}:{ok|q}": only the client's contacts and the PM may press them.
/// Questions are asked for with a ForceReply; the answer goes to the PM.
/// </summary>
public sealed class ReportClientCallback(ReportSharing sharing, Core.Billing.Invoicing.ReportApproval approval, IConversationStore conversations, TimeProvider time) : ICallbackHandler
{
    public string Prefix => ReportSharing.ClientPrefix;

    public async Task HandleAsync(UpdateContext context, string[] data, CancellationToken ct)
    {
        if (context.From is not { } from || data is not [_, var idText, var action]
            || !long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var reportId))
        {
            await context.AnswerCallbackAsync(RoutingTexts.StaleButton.In(context.Lang), ct: ct);
            return;
        }
        var actor = new GroupActor(from.UserId, from.DisplayName, context.Person);
        var result = action switch
        {
            ReportSharing.Approve => await approval.ApproveAsync(reportId, actor, context.Out, ct),
            ReportSharing.Ask => await AskAsync(context, actor, await sharing.CanAnswerAsync(reportId, actor, ct), ct),
            _ => Result<BillingReport>.Fail(BillingProblems.Stale),
        };
        await context.AnswerCallbackAsync(result.IsOk ? null : ProblemTexts.Render(result.Problem!, context.Lang), alert: !result.IsOk, ct: ct);
    }

    private async Task<Result<BillingReport>> AskAsync(UpdateContext context, GroupActor actor, Result<BillingReport> allowed, CancellationToken ct)
    {
        if (!allowed.IsOk) return allowed;
        await conversations.SaveAsync(new Conversation
        {
            ChatId = context.ChatId, UserId = actor.TelegramUserId, Flow = ReportQuestionFlow.Name, Step = "answer", UpdatedAt = time.GetUtcNow(),
            Data = new Dictionary<string, string> { ["report"] = allowed.Value!.Id.ToString(CultureInfo.InvariantCulture) },
        }, ct);
        context.Out.Ask(context.ChatId, BillingTexts.AskQuestion.In(context.Lang, actor.Name));
        return allowed;
    }
}

/// <summary>The client's question about a report, answered in the group; an empty answer is asked again.</summary>
public sealed class ReportQuestionFlow(ReportSharing sharing, IConversationStore conversations) : IConversationFlow
{
    public const string Name = "report-question";
    public string Flow => Name;

    public async Task HandleAsync(UpdateContext context, Conversation conversation, CancellationToken ct)
    {
        if (context.From is not { } from) return;
        var reportId = long.Parse(conversation.Data["report"], CultureInfo.InvariantCulture);
        var actor = new GroupActor(from.UserId, from.DisplayName, context.Person);
        var result = await sharing.QuestionAsync(reportId, actor, context.Update.Message?.Text ?? context.Update.Message?.Caption, context.Out, ct);
        if (result.Problem is { Code: BillingProblems.QuestionRequired } problem)
        {
            context.Out.Ask(context.ChatId, ProblemTexts.Render(problem, context.Lang));
            return;
        }
        await conversations.DeleteAsync(conversation.ChatId, conversation.UserId, ct);
        if (!result.IsOk) context.ReplyProblem(result.Problem!);
    }
}

/// <summary>
/// Report pages' public address: <c>Billing:PublicUrl</c>, else the origin of <c>Telegram:WebhookUrl</c>, else the address
/// the host listens on (the sandbox's, so its demo report opens), else <c>http://localhost:5000</c>. Clients open it
/// outside Telegram, so it must be reachable from the internet in production.
/// </summary>
public sealed class ReportLinks(IConfiguration configuration, Microsoft.AspNetCore.Hosting.Server.IServer server) : IReportLinks
{
    public string PageUrl(string token)
    {
        var configured = configuration["Billing:PublicUrl"];
        if (string.IsNullOrWhiteSpace(configured) && Uri.TryCreate(configuration["Telegram:WebhookUrl"], UriKind.Absolute, out var webhook))
            configured = webhook.GetLeftPart(UriPartial.Authority);
        if (string.IsNullOrWhiteSpace(configured)
            && server.Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses.FirstOrDefault() is { Length: > 0 } listening)
        {
            configured = listening.Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal)
                .Replace("://+", "://localhost", StringComparison.Ordinal);
        }
        return $"{(string.IsNullOrWhiteSpace(configured) ? "http://localhost:5000" : configured.TrimEnd('/'))}/r/{token}";
    }
}

public static class BillingHandlers
{
    public static IServiceCollection AddBillingHandlers(this IServiceCollection services) => services
        .AddSingleton<IReportLinks, ReportLinks>()
        .AddScoped<ICallbackHandler, ReportClientCallback>()
        .AddScoped<IConversationFlow, ReportQuestionFlow>()
        .AddScoped<ReportViews>()
        .AddScoped<ICommandHandler, ReportCommand>()
        .AddScoped<ICommandHandler, BillableCommand>()
        .AddScoped<ICallbackHandler, ReportCallback>()
        .AddReportHistoryHandlers();
}
