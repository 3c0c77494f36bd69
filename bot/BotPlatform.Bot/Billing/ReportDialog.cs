using System.Globalization;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Billing;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Clients;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Core.Projects;

namespace BotPlatform.Bot.Billing;

/// <summary>
/// /report new without arguments, persisted after every step: the client (the PM's own clients as buttons, or
/// typed: part of the name or the tax id), the projects (ticked, or all of the client's), the period (this
/// month, last month, or typed dates), the work types (ticked, or all), the task states (done, or also those
/// awaiting the client); then the draft as the one-line form builds it. Buttons carry "rnd:{dialog}:{step}:{value}";
/// <see cref="DialogButtons"/> turns away a press from another dialog or a passed step. A period with no work
/// asks for another period; the dialog stays open.
/// </summary>
public sealed class ReportDialog(IConversationStore conversations, ReportDesk desk, IClientStore clients, ClientRegistry registry,
    IProjectStore projects, Organisation organisation, ReportViews views, TimeProvider time)
{
    public const string Flow = "report-new";
    public const string Prefix = "rnd";
    public const string ClientStep = "client";
    public const string ProjectsStep = "projects";
    public const string PeriodStep = "period";
    public const string TypesStep = "types";
    public const string StatusStep = "status";
    public const string All = "all";
    public const string Next = "next";
    public const string Cancel = "cancel";
    public const string ThisMonth = "this";
    public const string LastMonth = "last";
    public const string DoneOnly = "done";
    public const string WithReview = "review";
    private const string DialogKey = "dialog";
    private const string ClientKey = "client";
    private const string ProjectsKey = "projects";
    private const string FromKey = "from";
    private const string ToKey = "to";
    private const string TypesKey = "types";
    private const int MaxButtons = 8;

    // The list stays open after "not found": the answer names what was typed and asks for nothing more.
    private readonly ClientPicker _client = new(registry, ClientStep, (conversation, id) => Data(conversation, ClientStep, id),
        new ClientPickTexts(ReportDialogTexts.PickClient, typed => new Problem(ReportDialogProblems.ClientNotFound, typed)),
        lastRow: (conversation, lang) => CancelButton(conversation, ClientStep, lang));

    public async Task StartAsync(UpdateContext context, Person person, CancellationToken ct)
    {
        if (context.From is not { } from || context.Update.Message is not { } command) return;
        if (!ReportDesk.MayMake(person))
        {
            context.ReplyProblem(new Problem(BillingProblems.NotAllowed));
            return;
        }
        var conversation = new Conversation
        {
            ChatId = context.ChatId, UserId = from.UserId, Flow = Flow, Step = ClientStep,
            Data = new Dictionary<string, string> { [DialogKey] = command.Id.ToString(CultureInfo.InvariantCulture) },
        };
        await SaveAsync(conversation, ct);
        var own = new List<Client>();
        foreach (var clientId in (await projects.ByPmAsync(person.Id, ct)).Select(p => p.ClientId).Distinct().Take(MaxButtons))
            if (await clients.GetAsync(clientId, ct) is { } client) own.Add(client);
        if (own.Count == 0) context.Reply(ReportDialogTexts.AskClientTyped.In(context.Lang), [[CancelButton(conversation, ClientStep, context)]]);
        else context.Reply(ReportDialogTexts.AskClient.In(context.Lang), _client.Buttons(conversation, own, context.Lang));
    }

    public async Task AnswerAsync(UpdateContext context, Conversation conversation, CancellationToken ct)
    {
        var text = context.Update.Message?.Text?.Trim() ?? "";
        switch (conversation.Step)
        {
            case ClientStep:
                await _client.SearchAsync(context, conversation, text, SaveAsync, ct);
                return;
            case PeriodStep:
                if (ReportPeriod.Parse(text) is not var (from, to))
                {
                    context.ReplyProblem(new Problem(BillingProblems.Period, text));
                    return;
                }
                await AskTypesAsync(context, conversation, null, from, to, ct);
                return;
            default:
                context.ReplyProblem(new Problem(FilingProblems.PressAButton));
                return;
        }
    }

    public async Task PressAsync(UpdateContext context, string[] data, CancellationToken ct)
    {
        if (await DialogButtons.CurrentAsync(context, data, conversations, Flow, DialogKey, ct) is not { } press) return;
        var (conversation, pressed, value) = press;
        if (value == Cancel)
        {
            await conversations.DeleteAsync(conversation.ChatId, conversation.UserId, ct);
            await context.AnswerCallbackAsync(ct: ct);
            context.Out.Edit(context.ChatId, pressed, ReportDialogTexts.Cancelled.In(context.Lang));
            return;
        }
        var done = conversation.Step switch
        {
            ClientStep => await PickClientAsync(context, conversation, pressed, value, ct),
            ProjectsStep => await PickProjectsAsync(context, conversation, pressed, value, ct),
            PeriodStep when value is ThisMonth or LastMonth => await PickMonthAsync(context, conversation, pressed, value, ct),
            TypesStep => await PickTypesAsync(context, conversation, pressed, value, ct),
            StatusStep when value is DoneOnly or WithReview => await BuildAsync(context, conversation, pressed, value, ct),
            _ => false,
        };
        if (!done) await context.AnswerCallbackAsync(RoutingTexts.StaleButton.In(context.Lang), ct: ct);
    }

    private static string Data(Conversation conversation, string step, string value) => $"{Prefix}:{conversation.Data[DialogKey]}:{step}:{value}";

    private static InlineButton CancelButton(Conversation conversation, string step, UpdateContext context) => CancelButton(conversation, step, context.Lang);

    private static InlineButton CancelButton(Conversation conversation, string step, Lang lang) =>
        new(ReportDialogTexts.CancelButton.In(lang), Data(conversation, step, Cancel));

    private async Task<bool> PickClientAsync(UpdateContext context, Conversation conversation, int pressed, string value, CancellationToken ct)
    {
        if (await _client.PickedAsync(value, ct) is not { } client) return false;
        await context.AnswerCallbackAsync(ct: ct);
        if ((await projects.ByClientAsync(client.Id, ct)).Count == 0)
        {
            // The list stays open: another client may be picked or typed.
            context.ReplyProblem(new Problem(ReportDialogProblems.NoProjects, client.LegalName));
            return true;
        }
        conversation.Data[ClientKey] = client.Id.ToString(CultureInfo.InvariantCulture);
        conversation.Data[ProjectsKey] = "";
        conversation.Step = ProjectsStep;
        await SaveAsync(conversation, ct);
        await ShowProjectsAsync(context, conversation, pressed, client, ct);
        return true;
    }

    private async Task ShowProjectsAsync(UpdateContext context, Conversation conversation, int message, Client client, CancellationToken ct)
    {
        var ticked = Ticked(conversation, ProjectsKey);
        var all = await projects.ByClientAsync(client.Id, ct);
        context.Out.Edit(context.ChatId, message, ReportDialogTexts.PickProjects.In(context.Lang, client.LegalName),
            all.OrderBy(p => p.Number, StringComparer.Ordinal).Take(MaxButtons * 2)
                .Select(p => new[] { new InlineButton($"{(ticked.Contains(p.Id.ToString(CultureInfo.InvariantCulture)) ? "✅" : "▫️")} {p.Number} {p.Title}", Data(conversation, ProjectsStep, p.Id.ToString(CultureInfo.InvariantCulture))) })
                .Append([new InlineButton(ReportDialogTexts.AllProjects.In(context.Lang), Data(conversation, ProjectsStep, All)), new InlineButton(ReportDialogTexts.Next.In(context.Lang), Data(conversation, ProjectsStep, Next))])
                .Append([CancelButton(conversation, ProjectsStep, context)]));
    }

    private static HashSet<string> Ticked(Conversation conversation, string key) =>
        [.. (conversation.Data.GetValueOrDefault(key) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)];

    private static void Toggle(Conversation conversation, string key, string value)
    {
        var ticked = Ticked(conversation, key);
        if (!ticked.Remove(value)) ticked.Add(value);
        conversation.Data[key] = string.Join(',', ticked.Order(StringComparer.Ordinal));
    }

    private async Task<bool> PickProjectsAsync(UpdateContext context, Conversation conversation, int pressed, string value, CancellationToken ct)
    {
        if (await clients.GetAsync(long.Parse(conversation.Data[ClientKey], CultureInfo.InvariantCulture), ct) is not { } client) return false;
        var own = await projects.ByClientAsync(client.Id, ct);
        if (value == All) conversation.Data[ProjectsKey] = string.Join(',', own.Select(p => p.Id.ToString(CultureInfo.InvariantCulture)));
        else if (value == Next)
        {
            if (Ticked(conversation, ProjectsKey).Count == 0)
            {
                await context.AnswerCallbackAsync(ProblemTexts.Render(new Problem(ReportDialogProblems.PickProject), context.Lang), alert: true, ct: ct);
                return true;
            }
        }
        else
        {
            // Only the client's own projects can be ticked: a forged id is a stale button.
            if (own.All(p => p.Id.ToString(CultureInfo.InvariantCulture) != value)) return false;
            Toggle(conversation, ProjectsKey, value);
            await SaveAsync(conversation, ct);
            await context.AnswerCallbackAsync(ct: ct);
            await ShowProjectsAsync(context, conversation, pressed, client, ct);
            return true;
        }
        await context.AnswerCallbackAsync(ct: ct);
        conversation.Step = PeriodStep;
        await SaveAsync(conversation, ct);
        context.Out.Edit(context.ChatId, pressed, PeriodQuestion(conversation, own, context), PeriodButtons(conversation, context));
        return true;
    }

    private string PeriodQuestion(Conversation conversation, IReadOnlyList<Project> own, UpdateContext context)
    {
        var ticked = Ticked(conversation, ProjectsKey);
        return ReportDialogTexts.AskPeriod.In(context.Lang, string.Join(", ", own.Where(p => ticked.Contains(p.Id.ToString(CultureInfo.InvariantCulture))).Select(p => p.Number).Order(StringComparer.Ordinal)));
    }

    private (DateOnly This, DateOnly Last) Months()
    {
        var today = organisation.Calendar.LocalDate(time.GetUtcNow());
        var first = new DateOnly(today.Year, today.Month, 1);
        return (first, first.AddMonths(-1));
    }

    private IEnumerable<IEnumerable<InlineButton>> PeriodButtons(Conversation conversation, UpdateContext context)
    {
        var (thisMonth, lastMonth) = Months();
        return
        [
            [
                new InlineButton(ReportDialogTexts.ThisMonth.In(context.Lang, thisMonth.ToString("MM.yyyy", CultureInfo.InvariantCulture)), Data(conversation, PeriodStep, ThisMonth)),
                new InlineButton(ReportDialogTexts.LastMonth.In(context.Lang, lastMonth.ToString("MM.yyyy", CultureInfo.InvariantCulture)), Data(conversation, PeriodStep, LastMonth)),
            ],
            [CancelButton(conversation, PeriodStep, context)],
        ];
    }

    private async Task<bool> PickMonthAsync(UpdateContext context, Conversation conversation, int pressed, string value, CancellationToken ct)
    {
        var (thisMonth, lastMonth) = Months();
        var from = value == ThisMonth ? thisMonth : lastMonth;
        await context.AnswerCallbackAsync(ct: ct);
        await AskTypesAsync(context, conversation, pressed, from, from.AddMonths(1).AddDays(-1), ct);
        return true;
    }

    private async Task AskTypesAsync(UpdateContext context, Conversation conversation, int? pressed, DateOnly from, DateOnly to, CancellationToken ct)
    {
        conversation.Data[FromKey] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        conversation.Data[ToKey] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        conversation.Data[TypesKey] = "";
        conversation.Step = TypesStep;
        await SaveAsync(conversation, ct);
        if (pressed is { } message) context.Out.Edit(context.ChatId, message, TypesQuestion(conversation, context), TypeButtons(conversation, context));
        else context.Reply(TypesQuestion(conversation, context), TypeButtons(conversation, context));
    }

    private (DateOnly From, DateOnly To) Period(Conversation conversation) =>
        (DateOnly.ParseExact(conversation.Data[FromKey], "yyyy-MM-dd", CultureInfo.InvariantCulture), DateOnly.ParseExact(conversation.Data[ToKey], "yyyy-MM-dd", CultureInfo.InvariantCulture));

    private string TypesQuestion(Conversation conversation, UpdateContext context)
    {
        var (from, to) = Period(conversation);
        return ReportDialogTexts.PickWorkTypes.In(context.Lang, from.ToDateTime(TimeOnly.MinValue), to.ToDateTime(TimeOnly.MinValue));
    }

    private IEnumerable<IEnumerable<InlineButton>> TypeButtons(Conversation conversation, UpdateContext context)
    {
        var ticked = Ticked(conversation, TypesKey);
        return organisation.Projects.WorkTypes
            .Select(w => new[] { new InlineButton($"{(ticked.Contains(w.Code) ? "✅" : "▫️")} {w.Name}", Data(conversation, TypesStep, w.Code)) })
            .Append([new InlineButton(ReportDialogTexts.AllWorkTypesButton.In(context.Lang), Data(conversation, TypesStep, All)), new InlineButton(ReportDialogTexts.Next.In(context.Lang), Data(conversation, TypesStep, Next))])
            .Append([CancelButton(conversation, TypesStep, context)]);
    }

    private async Task<bool> PickTypesAsync(UpdateContext context, Conversation conversation, int pressed, string value, CancellationToken ct)
    {
        if (value == All) conversation.Data[TypesKey] = "";
        else if (value != Next)
        {
            if (organisation.Projects.WorkType(value) is not { } type) return false;
            Toggle(conversation, TypesKey, type.Code);
            await SaveAsync(conversation, ct);
            await context.AnswerCallbackAsync(ct: ct);
            context.Out.Edit(context.ChatId, pressed, TypesQuestion(conversation, context), TypeButtons(conversation, context));
            return true;
        }
        // "Next" with nothing ticked means every work type.
        conversation.Step = StatusStep;
        await SaveAsync(conversation, ct);
        await context.AnswerCallbackAsync(ct: ct);
        context.Out.Edit(context.ChatId, pressed, ReportDialogTexts.PickStatus.In(context.Lang),
        [
            [new InlineButton(ReportDialogTexts.DoneOnly.In(context.Lang), Data(conversation, StatusStep, DoneOnly))],
            [new InlineButton(ReportDialogTexts.DoneAndReview.In(context.Lang), Data(conversation, StatusStep, WithReview))],
            [CancelButton(conversation, StatusStep, context)],
        ]);
        return true;
    }

    private async Task<bool> BuildAsync(UpdateContext context, Conversation conversation, int pressed, string value, CancellationToken ct)
    {
        if (context.Person is not { } person) return false;
        var ticked = Ticked(conversation, ProjectsKey);
        var own = await projects.ByClientAsync(long.Parse(conversation.Data[ClientKey], CultureInfo.InvariantCulture), ct);
        var numbers = own.Where(p => ticked.Contains(p.Id.ToString(CultureInfo.InvariantCulture))).Select(p => p.Number).Order(StringComparer.Ordinal).ToList();
        if (numbers.Count == 0) return false;
        var (from, to) = Period(conversation);
        var types = Ticked(conversation, TypesKey);
        var filter = new ReportFilter([.. organisation.Projects.WorkTypes.Where(w => types.Contains(w.Code)).Select(w => w.Code)],
            value == WithReview ? [ProjectTaskState.Done, ProjectTaskState.ClientReview] : [ProjectTaskState.Done]);
        await context.AnswerCallbackAsync(ct: ct);
        var built = await desk.BuildAsync(new ReportRequest(string.Join(',', numbers), string.Create(CultureInfo.InvariantCulture, $"{from:dd.MM.yyyy}-{to:dd.MM.yyyy}"), filter), person, ct);
        if (!built.IsOk)
        {
            context.Out.RemoveButtons(context.ChatId, pressed);
            context.ReplyProblem(built.Problem!);
            if (built.Problem!.Code != BillingProblems.NoWork)
            {
                await conversations.DeleteAsync(conversation.ChatId, conversation.UserId, ct);
                return true;
            }
            // Nothing to report for that period: the dialog goes back to the period; nothing was made.
            conversation.Step = PeriodStep;
            await SaveAsync(conversation, ct);
            context.Reply(PeriodQuestion(conversation, own, context), PeriodButtons(conversation, context));
            return true;
        }
        await conversations.DeleteAsync(conversation.ChatId, conversation.UserId, ct);
        context.Out.Edit(context.ChatId, pressed, ReportDialogTexts.Building.In(context.Lang, built.Value!.ClientName, string.Join(", ", numbers),
            from.ToDateTime(TimeOnly.MinValue), to.ToDateTime(TimeOnly.MinValue)));
        await views.SendCardAsync(context, built.Value!, ct);
        return true;
    }

    private async Task SaveAsync(Conversation conversation, CancellationToken ct)
    {
        conversation.UpdatedAt = time.GetUtcNow();
        await conversations.SaveAsync(conversation, ct);
    }
}

public sealed class ReportDialogFlow(ReportDialog dialog) : IConversationFlow
{
    public string Flow => ReportDialog.Flow;

    public Task HandleAsync(UpdateContext context, Conversation conversation, CancellationToken ct) => dialog.AnswerAsync(context, conversation, ct);
}

public sealed class ReportDialogCallback(ReportDialog dialog) : ICallbackHandler
{
    public string Prefix => ReportDialog.Prefix;

    public Task HandleAsync(UpdateContext context, string[] data, CancellationToken ct) => dialog.PressAsync(context, data, ct);
}
