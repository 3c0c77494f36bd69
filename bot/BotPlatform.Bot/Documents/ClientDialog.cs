using System.Globalization;
using System.Text;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents.Clients;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;

namespace BotPlatform.Bot.Documents;

/// <summary>
/// /client new, persisted after every answer so a restart continues it: the requisites one at a time
/// (each id checked as it is typed, a wrong one explained and asked again), then a card with Save /
/// Edit a field / Cancel. Buttons carry "cln:{dialog}:{step}:{value}"; dialog is the id of the /client
/// message, so a button of another dialog or step is stale. Skipped optional answers are kept as "".
/// </summary>
public sealed class ClientDialog(IConversationStore conversations, ClientRegistry registry, IUnitOfWork unitOfWork, TimeProvider time)
{
    public const string ConfirmStep = "confirm";
    public const string EditStep = "edit";
    public const string Save = "save";
    public const string Edit = "edit";
    public const string Cancel = "cancel";
    public const string Back = "back";
    public const string Skip = "skip";
    private const string DialogKey = "dialog";

    public async Task StartAsync(UpdateContext context, CancellationToken ct)
    {
        if (context.From is not { } from || context.Update.Message is not { } command) return;
        var conversation = new Conversation
        {
            ChatId = context.ChatId, UserId = from.UserId, Flow = ClientForm.Flow, Step = ClientForm.Questions[0].Key,
            Data = new Dictionary<string, string> { [DialogKey] = command.Id.ToString(CultureInfo.InvariantCulture) },
        };
        await SaveAsync(conversation, ct);
        Ask(context, conversation, ClientForm.Questions[0], ClientDialogTexts.Intro.In(context.Lang));
    }

    public async Task AnswerAsync(UpdateContext context, Conversation conversation, CancellationToken ct)
    {
        if (context.Update.Message is not { } message) return;
        if (conversation.Step is ConfirmStep or EditStep || ClientForm.Question(conversation.Step) is not { } question)
        {
            context.ReplyProblem(new Problem(FilingProblems.PressAButton));
            ShowCard(context, conversation, conversation.Step == EditStep);
            return;
        }
        if (await ReadAsync(question, message.Text, conversation, ct) is { IsOk: false } refused)
        {
            context.ReplyProblem(refused.Problem!);
            Ask(context, conversation, question);
            return;
        }
        await MoveOnAsync(context, conversation, ct);
    }

    public async Task PressAsync(UpdateContext context, string[] data, CancellationToken ct)
    {
        var conversation = context is { From: { } from, Person.IsActive: true } && data.Length >= 4
            ? await conversations.GetAsync(context.ChatId, from.UserId, ct)
            : null;
        if (conversation is null || conversation.Flow != ClientForm.Flow || conversation.Data.GetValueOrDefault(DialogKey) != data[1]
            || conversation.Step != data[2] || context.Update.CallbackQuery?.Message is not { Id: var pressed })
        {
            await context.AnswerCallbackAsync(RoutingTexts.StaleButton.In(context.Lang), ct: ct);
            return;
        }
        var value = string.Join(':', data[3..]);
        var done = conversation.Step switch
        {
            ConfirmStep => await ConfirmAsync(context, conversation, pressed, value, ct),
            EditStep => await ChooseFieldAsync(context, conversation, pressed, value, ct),
            _ => await ChooseAsync(context, conversation, pressed, value, ct),
        };
        if (!done) await context.AnswerCallbackAsync(RoutingTexts.StaleButton.In(context.Lang), ct: ct);
    }

    private async Task<bool> ChooseAsync(UpdateContext context, Conversation conversation, int pressed, string value, CancellationToken ct)
    {
        if (ClientForm.Question(conversation.Step) is not { } question) return false;
        if (value == Skip && question.Optional) conversation.Data[question.Key] = "";
        else if (question.Choices.All(c => c.Code != value)) return false;
        else if (await ReadAsync(question, value, conversation, ct) is { IsOk: false } refused)
        {
            await context.AnswerCallbackAsync(ProblemTexts.Render(refused.Problem!, context.Lang), ct: ct);
            context.ReplyProblem(refused.Problem!);
            Ask(context, conversation, question);
            return true;
        }
        await context.AnswerCallbackAsync(ct: ct);
        context.Out.Edit(context.ChatId, pressed, Line(question.Key, conversation, context.Lang));
        await MoveOnAsync(context, conversation, ct);
        return true;
    }

    /// <summary>Keeps a valid answer; an ИНН or УНП that another client already has is refused here, not at the end.</summary>
    private async Task<Result<string>> ReadAsync(ClientQuestion question, string? text, Conversation conversation, CancellationToken ct)
    {
        var read = ClientForm.Read(question, text, conversation.Data);
        if (!read.IsOk) return read;
        if (question.Key is ClientFields.Inn or ClientFields.Unp && await registry.FindByTaxIdAsync(read.Value!, ct) is { } existing)
            return Result<string>.Fail(ClientProblems.Duplicate, existing.TaxId, existing.LegalName);
        if (question.Key == ClientFields.Country && conversation.Data.GetValueOrDefault(ClientFields.Country) is { } before && before != read.Value)
        {
            // A bank code and an account mean different things in another country (БИК and р/с, SWIFT and IBAN): asked again.
            conversation.Data.Remove(ClientFields.Bik);
            conversation.Data.Remove(ClientFields.Account);
        }
        conversation.Data[question.Key] = read.Value!;
        return read;
    }

    private async Task<bool> ConfirmAsync(UpdateContext context, Conversation conversation, int pressed, string value, CancellationToken ct)
    {
        var lang = context.Lang;
        switch (value)
        {
            case Save when context.Person is { } person:
                // Storing the client and closing the dialog are one step: a replayed press finds the dialog gone.
                var saved = await unitOfWork.RunAsync(async () =>
                {
                    var result = await registry.CreateAsync(ClientForm.Draft(conversation.Data), person, ct);
                    if (result.IsOk) await conversations.DeleteAsync(conversation.ChatId, conversation.UserId, ct);
                    return result;
                }, ct);
                if (saved is { IsOk: true, Value: { } client })
                {
                    await context.AnswerCallbackAsync(ClientDialogTexts.SavedAnswer.In(lang), ct: ct);
                    context.Out.Edit(context.ChatId, pressed, ClientDialogTexts.Saved.In(lang) + "\n\n" + ClientViews.Card(client, lang));
                    return true;
                }
                await context.AnswerCallbackAsync(ClientDialogTexts.NotSaved.In(lang), ct: ct);
                context.ReplyProblem(saved.Problem!);
                return true;
            case Edit:
                conversation.Step = EditStep;
                await SaveAsync(conversation, ct);
                await context.AnswerCallbackAsync(ct: ct);
                context.Out.Edit(context.ChatId, pressed, CardText(conversation, lang, choosingField: true), FieldButtons(conversation, lang));
                return true;
            case Cancel:
                await conversations.DeleteAsync(conversation.ChatId, conversation.UserId, ct);
                await context.AnswerCallbackAsync(ClientDialogTexts.Cancelled.In(lang), ct: ct);
                context.Out.Edit(context.ChatId, pressed, CardText(conversation, lang) + "\n\n" + ClientDialogTexts.Cancelled.In(lang));
                return true;
            default:
                return false;
        }
    }

    private async Task<bool> ChooseFieldAsync(UpdateContext context, Conversation conversation, int pressed, string value, CancellationToken ct)
    {
        if (value == Back)
        {
            conversation.Step = ConfirmStep;
            await SaveAsync(conversation, ct);
            await context.AnswerCallbackAsync(ct: ct);
            context.Out.Edit(context.ChatId, pressed, CardText(conversation, context.Lang), ConfirmButtons(conversation, context.Lang));
            return true;
        }
        if (ClientForm.Question(value) is not { } question || !ClientForm.Applies(question, conversation.Data)) return false;
        conversation.Step = question.Key;
        await SaveAsync(conversation, ct);
        await context.AnswerCallbackAsync(ct: ct);
        context.Out.Edit(context.ChatId, pressed, CardText(conversation, context.Lang));
        Ask(context, conversation, question);
        return true;
    }

    /// <summary>
    /// The first question that applies and has no answer yet (skipped ones are answered with ""), else the
    /// card. In the normal order that is the next question; after an edited field it is the card, unless the
    /// edit made another question apply (a changed country, an ИНН of a company instead of a sole trader).
    /// </summary>
    private async Task MoveOnAsync(UpdateContext context, Conversation conversation, CancellationToken ct)
    {
        var next = ClientForm.Questions.FirstOrDefault(q => !conversation.Data.ContainsKey(q.Key) && ClientForm.Applies(q, conversation.Data));
        conversation.Step = next?.Key ?? ConfirmStep;
        await SaveAsync(conversation, ct);
        if (next is null) ShowCard(context, conversation, choosingField: false);
        else Ask(context, conversation, next);
    }

    private static void Ask(UpdateContext context, Conversation conversation, ClientQuestion question, string? lead = null)
    {
        var lang = context.Lang;
        var prompt = question.Prompt(ClientForm.Draft(conversation.Data).Country).In(lang);
        var text = lead is null ? prompt : lead + "\n\n" + prompt;
        var buttons = question.Choices.Select(c => new[] { new InlineButton(c.Caption.In(lang), Data(conversation, question.Key, c.Code)) }).ToList();
        if (question.Optional) buttons.Add([new InlineButton(ClientForm.SkipCaption.In(lang), Data(conversation, question.Key, Skip))]);
        if (buttons.Count > 0) context.Reply(text, buttons);
        else context.Out.Ask(context.ChatId, text);
    }

    private static void ShowCard(UpdateContext context, Conversation conversation, bool choosingField) =>
        context.Reply(CardText(conversation, context.Lang, choosingField),
            choosingField ? FieldButtons(conversation, context.Lang) : ConfirmButtons(conversation, context.Lang));

    private static string CardText(Conversation conversation, Lang lang, bool choosingField = false)
    {
        var text = new StringBuilder(ClientDialogTexts.Check.In(lang)).Append("\n\n").Append(ClientViews.Requisites(ClientForm.Draft(conversation.Data), lang));
        if (choosingField) text.Append("\n\n").Append(FilingTexts.WhichField.In(lang));
        return text.ToString();
    }

    private static string Line(string key, Conversation conversation, Lang lang)
    {
        var draft = ClientForm.Draft(conversation.Data);
        return key == ClientFields.Country
            ? ClientDialogTexts.CountryLine.In(lang, ClientViews.CountryName(draft.Country, lang))
            : ClientCard.Line(key, conversation.Data.GetValueOrDefault(key), draft.Country, lang);
    }

    private static InlineButton[][] ConfirmButtons(Conversation conversation, Lang lang) =>
    [
        [new InlineButton(ClientDialogTexts.SaveButton.In(lang), Data(conversation, ConfirmStep, Save))],
        [
            new InlineButton(FilingTexts.EditButton.In(lang), Data(conversation, ConfirmStep, Edit)),
            new InlineButton(FilingTexts.CancelButton.In(lang), Data(conversation, ConfirmStep, Cancel)),
        ],
    ];

    private static IEnumerable<InlineButton[]> FieldButtons(Conversation conversation, Lang lang)
    {
        var country = ClientForm.Draft(conversation.Data).Country;
        return ClientForm.Questions
            .Where(q => ClientForm.Applies(q, conversation.Data))
            .Select(q => new InlineButton(ClientCard.Label(q.Key, country).In(lang), Data(conversation, EditStep, q.Key)))
            .Chunk(3)
            .Append([new InlineButton(FilingTexts.BackButton.In(lang), Data(conversation, EditStep, Back))]);
    }

    private static string Data(Conversation conversation, string step, string value) =>
        $"{ClientForm.Prefix}:{conversation.Data[DialogKey]}:{step}:{value}";

    private async Task SaveAsync(Conversation conversation, CancellationToken ct)
    {
        conversation.UpdatedAt = time.GetUtcNow();
        await conversations.SaveAsync(conversation, ct);
    }
}
