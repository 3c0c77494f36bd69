using System.Globalization;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Clients;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.Projects;

namespace BotPlatform.Bot.Projects;

/// <summary>
/// /project new, persisted after every step: the client (searched by name or tax id, picked by a button;
/// a client with incomplete requisites is refused with the missing fields), the deal it comes from (the
/// client's deals as buttons and "no deal"; skipped when the client has none), the template (buttons), the
/// title (typed, or the template's name by a button), and a confirmation card with Create / Cancel.
/// Buttons carry "prn:{dialog}:{step}:{value}".
/// </summary>
public sealed class ProjectDialog(IConversationStore conversations, ProjectDesk desk, ClientRegistry registry, IClientStore clients,
    ProjectViews views, ProjectWork work, TimeProvider time)
{
    public const string Flow = "project-new";
    public const string Prefix = "prn";
    public const string ClientStep = "client";
    public const string PickStep = "pick";
    public const string DealStep = "deal";
    public const string NoDeal = "none";
    public const string TemplateStep = "template";
    public const string TitleStep = "title";
    public const string ConfirmStep = "confirm";
    public const string Create = "create";
    public const string Cancel = "cancel";
    public const string Default = "default";
    private const string DialogKey = "dialog";
    private const string ClientKey = "client";
    private const string DealKey = "deal";
    private const string TemplateKey = "template";
    private const string TitleKey = "title";
    private const int MaxMatches = 8;

    private readonly ClientPicker _client = new(registry, PickStep, (conversation, id) => Data(conversation, PickStep, id),
        new ClientPickTexts(ProjectTexts.PickClient, _ => new Problem(ProjectProblems.ClientNotFound), ProjectTexts.AskClient));

    public async Task StartAsync(UpdateContext context, CancellationToken ct)
    {
        if (context.From is not { } from || context.Update.Message is not { } command) return;
        if (context.Person is not { } person || !ProjectDesk.MayCreate(person))
        {
            context.ReplyProblem(new Problem(ProjectProblems.NotAllowed));
            return;
        }
        if (desk.Definition.Templates.Count == 0)
        {
            context.ReplyProblem(new Problem(ProjectProblems.NoTemplates));
            return;
        }
        var conversation = new Conversation
        {
            ChatId = context.ChatId, UserId = from.UserId, Flow = Flow, Step = ClientStep,
            Data = new Dictionary<string, string> { [DialogKey] = command.Id.ToString(CultureInfo.InvariantCulture) },
        };
        await SaveAsync(conversation, ct);
        context.Out.Ask(context.ChatId, ProjectTexts.AskClient.In(context.Lang));
    }

    public async Task AnswerAsync(UpdateContext context, Conversation conversation, CancellationToken ct)
    {
        var text = context.Update.Message?.Text;
        switch (conversation.Step)
        {
            case ClientStep or PickStep:
                await _client.SearchAsync(context, conversation, text, SaveAsync, ct);
                return;
            case TitleStep:
                await ChooseTitleAsync(context, conversation, text, pressed: null, ct);
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
        var done = conversation.Step switch
        {
            PickStep => await PickClientAsync(context, conversation, pressed, value, ct),
            DealStep => await PickDealAsync(context, conversation, pressed, value, ct),
            TemplateStep when desk.Definition.Template(value) is { } template => await PickTemplateAsync(context, conversation, pressed, template, ct),
            TitleStep when value == Default => await ChooseTitleAsync(context, conversation, null, pressed, ct),
            ConfirmStep when value == Create => await CreateAsync(context, conversation, pressed, ct),
            ConfirmStep when value == Cancel => await CancelAsync(context, conversation, pressed, ct),
            _ => false,
        };
        if (!done) await context.AnswerCallbackAsync(RoutingTexts.StaleButton.In(context.Lang), ct: ct);
    }

    private static string Data(Conversation conversation, string step, string value) => $"{Prefix}:{conversation.Data[DialogKey]}:{step}:{value}";

    private async Task<bool> PickClientAsync(UpdateContext context, Conversation conversation, int pressed, string value, CancellationToken ct)
    {
        if (await _client.PickedAsync(value, ct) is not { } client) return false;
        await context.AnswerCallbackAsync(ct: ct);
        if (ProjectDesk.CheckClient(client) is { } problem)
        {
            // The search stays open: another client may be picked from the same list.
            context.ReplyProblem(problem);
            return true;
        }
        conversation.Data[ClientKey] = client.Id.ToString(CultureInfo.InvariantCulture);
        var deals = await desk.DealsOfAsync(client.Id, ct);
        if (deals.Count == 0)
        {
            await AskTemplateAsync(context, conversation, pressed, client, ct);
            return true;
        }
        conversation.Step = DealStep;
        await SaveAsync(conversation, ct);
        context.Out.Edit(context.ChatId, pressed, ProjectTexts.PickDeal.In(context.Lang, client.LegalName),
            deals.Take(MaxMatches).Select(d => new[] { new InlineButton(ProjectCard.DealLabel(d, context.Lang), Data(conversation, DealStep, d.Id.ToString(CultureInfo.InvariantCulture))) })
                .Append([new InlineButton(ProjectTexts.NoDealButton.In(context.Lang), Data(conversation, DealStep, NoDeal))]));
        return true;
    }

    /// <summary>A deal of the picked client, or none; anything else (a forged id, another client's deal) is a stale button.</summary>
    private async Task<bool> PickDealAsync(UpdateContext context, Conversation conversation, int pressed, string value, CancellationToken ct)
    {
        if (await clients.GetAsync(long.Parse(conversation.Data[ClientKey], CultureInfo.InvariantCulture), ct) is not { } client) return false;
        if (value != NoDeal)
        {
            if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var dealId)
                || (await desk.DealsOfAsync(client.Id, ct)).All(d => d.Id != dealId)) return false;
            conversation.Data[DealKey] = value;
        }
        else conversation.Data.Remove(DealKey);
        await context.AnswerCallbackAsync(ct: ct);
        await AskTemplateAsync(context, conversation, pressed, client, ct);
        return true;
    }

    private async Task AskTemplateAsync(UpdateContext context, Conversation conversation, int pressed, Client client, CancellationToken ct)
    {
        conversation.Step = TemplateStep;
        await SaveAsync(conversation, ct);
        context.Out.Edit(context.ChatId, pressed, ProjectTexts.PickTemplate.In(context.Lang, client.LegalName),
            desk.Definition.Templates.Select(t => new[] { new InlineButton(t.Name, Data(conversation, TemplateStep, t.Code)) }));
    }

    private long? DealOf(Conversation conversation) =>
        conversation.Data.TryGetValue(DealKey, out var deal) ? long.Parse(deal, CultureInfo.InvariantCulture) : null;

    private async Task<bool> PickTemplateAsync(UpdateContext context, Conversation conversation, int pressed, ProjectTemplate template, CancellationToken ct)
    {
        conversation.Data[TemplateKey] = template.Code;
        conversation.Step = TitleStep;
        await SaveAsync(conversation, ct);
        await context.AnswerCallbackAsync(ct: ct);
        context.Out.Edit(context.ChatId, pressed, ProjectTexts.AskTitle.In(context.Lang, template.Name, template.Name),
            [[new InlineButton(template.Name, Data(conversation, TitleStep, Default))]]);
        return true;
    }

    private async Task<bool> ChooseTitleAsync(UpdateContext context, Conversation conversation, string? typed, int? pressed, CancellationToken ct)
    {
        if (desk.Definition.Template(conversation.Data.GetValueOrDefault(TemplateKey) ?? "") is not { } template) return false;
        var title = ProjectDesk.Title(typed ?? template.Name);
        if (!title.IsOk)
        {
            context.ReplyProblem(title.Problem!);
            return true;
        }
        conversation.Data[TitleKey] = title.Value!;
        conversation.Step = ConfirmStep;
        await SaveAsync(conversation, ct);
        if (pressed is { } message)
        {
            await context.AnswerCallbackAsync(ct: ct);
            context.Out.RemoveButtons(context.ChatId, message);
        }
        var client = await clients.GetAsync(long.Parse(conversation.Data[ClientKey], CultureInfo.InvariantCulture), ct);
        var plan = ProjectPlanner.Plan(template, desk.StartDate(), views.Calendar);
        var deal = DealOf(conversation) is { } dealId && client is not null
            ? (await desk.DealsOfAsync(client.Id, ct)).FirstOrDefault(d => d.Id == dealId)
            : null;
        context.Reply(ProjectTexts.Confirm.In(context.Lang, client?.LegalName ?? "—", template.Name, title.Value, template.Tasks.Count,
                plan.Values.Min(p => p.Start).ToDateTime(TimeOnly.MinValue), plan.Values.Max(p => p.End).ToDateTime(TimeOnly.MinValue),
                context.Person?.Name ?? "—") + (deal is null ? "" : ProjectTexts.ConfirmDeal.In(context.Lang, ProjectCard.DealLabel(deal, context.Lang))),
            [
                [new InlineButton(ProjectTexts.CreateButton.In(context.Lang), Data(conversation, ConfirmStep, Create))],
                [new InlineButton(ProjectTexts.CancelButton.In(context.Lang), Data(conversation, ConfirmStep, Cancel))],
            ]);
        return true;
    }

    private async Task<bool> CreateAsync(UpdateContext context, Conversation conversation, int pressed, CancellationToken ct)
    {
        if (context.Person is not { } person) return false;
        var draft = new ProjectDraft(long.Parse(conversation.Data[ClientKey], CultureInfo.InvariantCulture), conversation.Data[TemplateKey],
            conversation.Data[TitleKey], DealOf(conversation));
        var created = await desk.CreateAsync(draft, person, ct);
        await conversations.DeleteAsync(conversation.ChatId, conversation.UserId, ct);
        context.Out.RemoveButtons(context.ChatId, pressed);
        if (!created.IsOk)
        {
            await context.AnswerCallbackAsync(ct: ct);
            context.ReplyProblem(created.Problem!);
            return true;
        }
        await context.AnswerCallbackAsync(ProjectTexts.CreatedAnswer.In(context.Lang), ct: ct);
        var (project, tasks) = created.Value;
        context.Reply(ProjectTexts.Created.In(context.Lang, project.Number));
        await views.SendCardAsync(context, project, ct);
        await work.AnnounceReadyAsync(project, tasks.Where(t => t.State == ProjectTaskState.Ready).ToList(), context.Out, ct);
        return true;
    }

    private async Task<bool> CancelAsync(UpdateContext context, Conversation conversation, int pressed, CancellationToken ct)
    {
        await conversations.DeleteAsync(conversation.ChatId, conversation.UserId, ct);
        await context.AnswerCallbackAsync(ct: ct);
        context.Out.Edit(context.ChatId, pressed, ProjectTexts.Cancelled.In(context.Lang));
        return true;
    }

    private async Task SaveAsync(Conversation conversation, CancellationToken ct)
    {
        conversation.UpdatedAt = time.GetUtcNow();
        await conversations.SaveAsync(conversation, ct);
    }
}
