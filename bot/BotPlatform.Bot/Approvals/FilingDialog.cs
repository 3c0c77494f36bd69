using System.Globalization;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Common;
using BotPlatform.Core.Messaging;
using global::Telegram.Bot.Types;

namespace BotPlatform.Bot.Approvals;

/// <summary>
/// Runs a filing dialog (/pay, /contract), persisted after every answer so a restart continues it:
/// the questions in order, a wrong answer refused and the same question asked again, then a
/// confirmation card with Submit / Edit a field / Cancel. An edited field returns straight to the card.
/// Buttons carry "{flow}:{dialog}:{step}:{value}", where dialog is the message id of the command that
/// started the dialog: a button of another dialog or of another step is stale and changes nothing.
/// </summary>
public sealed class FilingDialog(IConversationStore conversations, ApprovalEngine engine, IUnitOfWork unitOfWork, TimeProvider time)
{
    public const string ConfirmStep = "confirm";
    public const string EditStep = "edit";
    public const string Submit = "submit";
    public const string Edit = "edit";
    public const string Cancel = "cancel";
    public const string Back = "back";
    public const string Skip = "skip";
    public const string DialogKey = "dialog";
    private const string EditingKey = "editing";

    public async Task StartAsync(FilingForm form, UpdateContext context, CancellationToken ct)
    {
        if (!context.IsPrivateChat)
        {
            context.Reply(FilingTexts.PrivateOnly);
            return;
        }
        if (context.From is not { } from || context.Update.Message is not { } command) return;
        var conversation = new Conversation
        {
            ChatId = context.ChatId, UserId = from.UserId, Flow = form.Flow, Step = form.Questions[0].Step,
            Data = new Dictionary<string, string> { [DialogKey] = command.Id.ToString(CultureInfo.InvariantCulture) },
        };
        await SaveAsync(conversation, ct);
        FilingViews.Ask(form, context, conversation, form.Questions[0], form.Intro.In(context.Lang));
    }

    /// <summary>A message while the dialog waits: the answer to the current question, or a reminder to press a button.</summary>
    public async Task AnswerAsync(FilingForm form, UpdateContext context, Conversation conversation, CancellationToken ct)
    {
        if (context.Update.Message is not { } message) return;
        if (conversation.Step is ConfirmStep or EditStep)
        {
            context.ReplyProblem(new Problem(FilingProblems.PressAButton));
            FilingViews.ShowCard(form, context, conversation, choosingField: conversation.Step == EditStep);
            return;
        }
        var question = QuestionOf(form, conversation);
        var answer = new FilingAnswer(message.Text, IncomingFileOf(message), null);
        var read = question.ReadAsync is { } readAsync ? await readAsync(answer, ct) : question.Read(answer);
        if (!read.IsOk)
        {
            context.ReplyProblem(read.Problem!);
            FilingViews.Ask(form, context, conversation, question);
            return;
        }
        conversation.Data[question.Step] = read.Value!;
        await MoveOnAsync(form, context, conversation, question, ct);
    }

    /// <summary>A press on one of the dialog's buttons; every press is answered, a stale one with "out of date".</summary>
    public async Task PressAsync(FilingForm form, UpdateContext context, string[] data, CancellationToken ct)
    {
        var conversation = context is { From: { } from, Person.IsActive: true } && data.Length >= 4
            ? await conversations.GetAsync(context.ChatId, from.UserId, ct)
            : null;
        if (conversation is null || conversation.Flow != form.Flow || conversation.Data.GetValueOrDefault(DialogKey) != data[1]
            || conversation.Step != data[2] || context.Update.CallbackQuery?.Message is not { Id: var pressed })
        {
            await context.AnswerCallbackAsync(RoutingTexts.StaleButton.In(context.Lang), ct: ct);
            return;
        }
        var value = string.Join(':', data[3..]);
        var done = conversation.Step switch
        {
            ConfirmStep => await ConfirmAsync(form, context, conversation, pressed, value, ct),
            EditStep => await ChooseFieldAsync(form, context, conversation, pressed, value, ct),
            _ => await ChooseAsync(form, context, conversation, pressed, value, ct),
        };
        if (!done) await context.AnswerCallbackAsync(RoutingTexts.StaleButton.In(context.Lang), ct: ct);
    }

    private async Task<bool> ChooseAsync(FilingForm form, UpdateContext context, Conversation conversation, int pressed, string value,
        CancellationToken ct)
    {
        var question = QuestionOf(form, conversation);
        if (value == Skip && question.Optional)
        {
            conversation.Data.Remove(question.Step);
        }
        else if (question.Kind == AnswerKind.Choice && FilingViews.ChoiceCode(question, value) is { } code)
        {
            var read = question.Read(new FilingAnswer(null, null, code));
            if (!read.IsOk)
            {
                // The choice left the organisation's list since it was offered.
                await context.AnswerCallbackAsync(ProblemTexts.Render(read.Problem!, context.Lang), ct: ct);
                FilingViews.Ask(form, context, conversation, question);
                return true;
            }
            conversation.Data[question.Step] = read.Value!;
        }
        else
        {
            return false;
        }
        await context.AnswerCallbackAsync(ct: ct);
        context.Out.Edit(context.ChatId, pressed, question.Line(conversation.Data.GetValueOrDefault(question.Step), context.Lang));
        await MoveOnAsync(form, context, conversation, question, ct);
        return true;
    }

    private async Task<bool> ConfirmAsync(FilingForm form, UpdateContext context, Conversation conversation, int pressed, string value,
        CancellationToken ct)
    {
        var lang = context.Lang;
        switch (value)
        {
            case Submit when context.Person is { } person && form.Records is { } records:
                var recorded = await unitOfWork.RunAsync(async () =>
                {
                    var result = await records(conversation.Data, person, lang, ct);
                    if (result.IsOk) await conversations.DeleteAsync(conversation.ChatId, conversation.UserId, ct);
                    return result;
                }, ct);
                if (recorded is { IsOk: true, Value: { } line })
                {
                    await context.AnswerCallbackAsync(ct: ct);
                    context.Out.Edit(context.ChatId, pressed, FilingViews.CardText(form, conversation, lang) + "\n\n" + line);
                    return true;
                }
                await context.AnswerCallbackAsync(ProblemTexts.Render(recorded.Problem!, lang), ct: ct);
                context.ReplyProblem(recorded.Problem!);
                return true;
            case Submit when context.Person is { } person:
                var draft = form.Draft(conversation.Data, person, time.GetUtcNow());
                // Submitting and closing the dialog are one step: a replay after a crash finds the dialog gone, not a second request.
                var submitted = await unitOfWork.RunAsync(async () =>
                {
                    var result = await engine.SubmitAsync(draft, person, context.Out, pressed, ct);
                    if (result.IsOk) await conversations.DeleteAsync(conversation.ChatId, conversation.UserId, ct);
                    return result;
                }, ct);
                if (submitted is { IsOk: true, Value: { } request })
                {
                    await context.AnswerCallbackAsync(FilingTexts.SubmittedAnswer.In(lang, request.Number), ct: ct);
                    return true;
                }
                await context.AnswerCallbackAsync(ProblemTexts.Render(submitted.Problem!, lang), ct: ct);
                context.ReplyProblem(submitted.Problem!);
                return true;
            case Edit:
                conversation.Step = EditStep;
                await SaveAsync(conversation, ct);
                await context.AnswerCallbackAsync(ct: ct);
                context.Out.Edit(context.ChatId, pressed, FilingViews.CardText(form, conversation, lang, choosingField: true),
                    FilingViews.FieldButtons(form, conversation, lang));
                return true;
            case Cancel:
                await conversations.DeleteAsync(conversation.ChatId, conversation.UserId, ct);
                await context.AnswerCallbackAsync(form.Cancelled.In(lang), ct: ct);
                context.Out.Edit(context.ChatId, pressed,
                    FilingViews.CardText(form, conversation, lang) + "\n\n" + form.Cancelled.In(lang));
                return true;
            default:
                return false;
        }
    }

    private async Task<bool> ChooseFieldAsync(FilingForm form, UpdateContext context, Conversation conversation, int pressed, string value,
        CancellationToken ct)
    {
        if (value == Back)
        {
            conversation.Step = ConfirmStep;
            await SaveAsync(conversation, ct);
            await context.AnswerCallbackAsync(ct: ct);
            context.Out.Edit(context.ChatId, pressed, FilingViews.CardText(form, conversation, context.Lang),
                FilingViews.ConfirmButtons(form, conversation, context.Lang));
            return true;
        }
        if (form.Question(value) is not { } question) return false;
        conversation.Step = question.Step;
        conversation.Data[EditingKey] = "1";
        await SaveAsync(conversation, ct);
        await context.AnswerCallbackAsync(ct: ct);
        // The card stays in the chat as it was, without buttons; a fresh one follows the new answer.
        context.Out.Edit(context.ChatId, pressed, FilingViews.CardText(form, conversation, context.Lang));
        FilingViews.Ask(form, context, conversation, question);
        return true;
    }

    /// <summary>The next question, or the confirmation card after the last one or after an edited field.</summary>
    private async Task MoveOnAsync(FilingForm form, UpdateContext context, Conversation conversation, FilingQuestion answered,
        CancellationToken ct)
    {
        var index = form.Questions.ToList().IndexOf(answered);
        var next = conversation.Data.Remove(EditingKey) || index + 1 >= form.Questions.Count ? null : form.Questions[index + 1];
        conversation.Step = next?.Step ?? ConfirmStep;
        await SaveAsync(conversation, ct);
        if (next is null) FilingViews.ShowCard(form, context, conversation, choosingField: false);
        else FilingViews.Ask(form, context, conversation, next);
    }

    private static FilingQuestion QuestionOf(FilingForm form, Conversation conversation) =>
        form.Question(conversation.Step) ?? throw new InvalidOperationException($"{form.Flow} has no step {conversation.Step}");

    /// <summary>A document, or the largest size of a photo; Telegram's file_size decides whether it is too large.</summary>
    private static IncomingFile? IncomingFileOf(Message message) => message switch
    {
        { Document: { } document } => new IncomingFile(document.FileId, document.FileName, document.MimeType, document.FileSize, IsPhoto: false),
        { Photo: [_, ..] photo } when photo.MaxBy(p => ((long)p.Width * p.Height, p.FileSize ?? 0)) is { } largest =>
            new IncomingFile(largest.FileId, null, "image/jpeg", largest.FileSize, IsPhoto: true),
        _ => null,
    };

    private async Task SaveAsync(Conversation conversation, CancellationToken ct)
    {
        conversation.UpdatedAt = time.GetUtcNow();
        await conversations.SaveAsync(conversation, ct);
    }
}
