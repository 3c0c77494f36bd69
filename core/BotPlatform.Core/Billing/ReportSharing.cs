using System.Security.Cryptography;
using BotPlatform.Core.Audit;
using BotPlatform.Core.Common;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Core.Projects;

namespace BotPlatform.Core.Billing;

/// <summary>Where the host serves report pages (the bot knows its public address; the core builds no URLs itself).</summary>
public interface IReportLinks
{
    string PageUrl(string token);
}

/// <summary>
/// A draft goes to the client: its page gets an unguessable token (256 random bits), the client's group gets
/// the link with «✅ Согласовать отчёт» / «✏️ Есть вопросы»; only the client's contacts and the PM may press them,
/// and questions reach the PM. The PM can close the link at any time (the page then answers 404).
/// </summary>
public sealed class ReportSharing(
    IBillingReportStore reports,
    IProjectStore projects,
    IPeopleStore people,
    ProjectGroups groups,
    IReportLinks links,
    IUnitOfWork unitOfWork,
    IAuditLog audit,
    Organisation organisation,
    TimeProvider time)
{
    private Lang ClientLang => organisation.DefaultLanguage;

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The report whose page this token opens now: sent or later, not revoked, not expired; null otherwise.</summary>
    public async Task<BillingReport?> OpenAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length < 40) return null;
        return await reports.FindByTokenAsync(token, ct) is { } report && report.PageOpen(token, time.GetUtcNow()) ? report : null;
    }

    public Task<Result<BillingReport>> SendAsync(long reportId, Person actor, Outgoing outgoing, CancellationToken ct) =>
        ChangeAsync(reportId, async (report, now) =>
        {
            if (!ReportDesk.MayChange(report, actor)) return new Problem(BillingProblems.NotAllowed);
            if (report.LinesLackingRate.Any()) return new Problem(BillingProblems.LacksRate);
            if (await GroupAsync(report, ct) is not { } group) return new Problem(BillingProblems.NoGroup);
            var expires = organisation.Billing.LinkDays is { } days ? now.AddDays(days) : (DateTimeOffset?)null;
            if (!report.Send(NewToken(), expires, actor.Id, now)) return new Problem(BillingProblems.Stale);
            report.GroupCard = outgoing.Send(group, ClientText(report, ClientLang), ClientButtons(report, links.PageUrl(report.PageToken!), ClientLang));
            report.GroupChat = group;
            return null;
        }, ct);

    public Task<Result<BillingReport>> RevokeAsync(long reportId, Person actor, Outgoing outgoing, CancellationToken ct) =>
        ChangeAsync(reportId, (report, now) =>
        {
            if (!ReportDesk.MayChange(report, actor)) return Task.FromResult<Problem?>(new Problem(BillingProblems.NotAllowed));
            if (!report.RevokePage(actor.Id, now)) return Task.FromResult<Problem?>(new Problem(BillingProblems.Stale));
            if (report.GroupCard is { } card && report.GroupChat is { } chat)
                outgoing.Edit(chat, card, ClientText(report, ClientLang) + "\n\n" + BillingTexts.LinkClosed.In(ClientLang));
            return Task.FromResult<Problem?>(null);
        }, ct);

    /// <summary>Whether the presser may answer for the client: a contact of the client seen in the report's project groups, or its PM.</summary>
    public async Task<Result<BillingReport>> CanAnswerAsync(long reportId, GroupActor actor, CancellationToken ct)
    {
        if (await reports.GetAsync(reportId, ct) is not { } report) return Result<BillingReport>.Fail(BillingProblems.Stale);
        if (!await IsClientSideAsync(report, actor, ct)) return Result<BillingReport>.Fail(BillingProblems.NotClient);
        return report.Status == ReportStatus.Sent ? Result<BillingReport>.Ok(report) : Result<BillingReport>.Fail(BillingProblems.Stale);
    }

    public Task<Result<BillingReport>> ApproveAsync(long reportId, GroupActor actor, Outgoing outgoing, CancellationToken ct) =>
        ChangeAsync(reportId, async (report, now) =>
        {
            if (!await IsClientSideAsync(report, actor, ct)) return new Problem(BillingProblems.NotClient);
            if (!report.Approve(actor.Person?.Id, Who(actor), now)) return new Problem(BillingProblems.Stale);
            if (report.GroupCard is { } card && report.GroupChat is { } chat)
            {
                outgoing.Edit(chat, card, ClientText(report, ClientLang) + "\n\n" + BillingTexts.ClientApproved.In(ClientLang, actor.Name),
                    [[new InlineButton(BillingTexts.OpenPage.In(ClientLang), Url: links.PageUrl(report.PageToken!))]]);
            }
            if (await people.GetAsync(report.PmId, ct) is { ChatId: { } pmChat } pm)
            {
                outgoing.Send(pmChat, BillingTexts.ApprovedToPm.In(pm.Language, actor.Name, report.Number));
                if (report.Card is { } pmCard && report.CardChat is { } cardChat) outgoing.Edit(cardChat, pmCard, ReportCard.Text(report, pm.Language), ReportCard.Buttons(report, pm.Language));
            }
            return null;
        }, ct);

    public Task<Result<BillingReport>> QuestionAsync(long reportId, GroupActor actor, string? question, Outgoing outgoing, CancellationToken ct) =>
        ChangeAsync(reportId, async (report, now) =>
        {
            if (!await IsClientSideAsync(report, actor, ct)) return new Problem(BillingProblems.NotClient);
            if (string.IsNullOrWhiteSpace(question)) return new Problem(BillingProblems.QuestionRequired);
            if (report.Status != ReportStatus.Sent) return new Problem(BillingProblems.Stale);
            report.Record(BillingActions.ClientQuestion, now, actor.Person?.Id, $"{Who(actor)}: {question.Trim()}");
            if (report.GroupChat is { } chat) outgoing.Send(chat, BillingTexts.QuestionThanks.In(ClientLang));
            if (await people.GetAsync(report.PmId, ct) is { ChatId: { } pmChat } pm)
                outgoing.Send(pmChat, BillingTexts.QuestionToPm.In(pm.Language, actor.Name, report.Number, question.Trim()));
            return null;
        }, ct);

    public static string ClientText(BillingReport report, Lang lang)
    {
        var totals = report.Totals();
        return BillingTexts.ToClient.In(lang, report.From.ToDateTime(TimeOnly.MinValue), report.To.ToDateTime(TimeOnly.MinValue),
            ReportCard.Hours(totals.Hours), ReportCard.Money(totals.Total, report.Currency, lang));
    }

    public static IEnumerable<IEnumerable<InlineButton>> ClientButtons(BillingReport report, string url, Lang lang) =>
    [
        [new InlineButton(BillingTexts.OpenPage.In(lang), Url: url)],
        [
            new InlineButton(BillingTexts.ApproveButton.In(lang), $"{ClientPrefix}:{report.Id}:{Approve}"),
            new InlineButton(BillingTexts.QuestionButton.In(lang), $"{ClientPrefix}:{report.Id}:{Ask}"),
        ],
    ];

    public const string ClientPrefix = "rcl";
    public const string Approve = "ok";
    public const string Ask = "q";

    private async Task<long?> GroupAsync(BillingReport report, CancellationToken ct)
    {
        foreach (var project in await projects.ByIdsAsync(report.ProjectIds, ct))
            if (project.GroupChatIds.Count > 0) return project.GroupChatIds[0];
        return null;
    }

    private async Task<bool> IsClientSideAsync(BillingReport report, GroupActor actor, CancellationToken ct)
    {
        if (actor.Person is { IsActive: true } person) return person.Id == report.PmId;
        foreach (var project in await projects.ByIdsAsync(report.ProjectIds, ct))
            if (await groups.IsClientContactAsync(project, actor.TelegramUserId, ct)) return true;
        return false;
    }

    private static string Who(GroupActor actor) => $"{actor.Name} (tg {actor.TelegramUserId})";

    private async Task<Result<BillingReport>> ChangeAsync(long reportId, Func<BillingReport, DateTimeOffset, Task<Problem?>> change, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return await unitOfWork.RunAsync(async () =>
        {
            if (await reports.GetAsync(reportId, ct) is not { } report) return Result<BillingReport>.Fail(BillingProblems.Stale);
            var before = report.History.Count;
            if (await change(report, now) is { } problem) return Result<BillingReport>.Fail(problem);
            if (!await reports.TryUpdateAsync(report, ct)) return Result<BillingReport>.Fail(BillingProblems.Stale);
            foreach (var e in report.History.Skip(before))
                await audit.AppendAsync(new AuditEntry { Subject = report.Subject, Action = e.Action, ActorId = e.ActorId, At = e.At, Reason = e.Reason }, ct);
            return Result<BillingReport>.Ok(report);
        }, ct);
    }
}
