using System.Globalization;
using System.Text;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;

namespace BotPlatform.Bot.Approvals;

/// <summary>How a filing dialog reads in the chat: its questions, the confirmation card and the buttons' callback data.</summary>
public static class FilingViews
{
    private const int MaxCallbackBytes = 64;

    /// <summary>A question: with its buttons (choices, Skip) when it has any, else as a ForceReply prompt.</summary>
    public static void Ask(FilingForm form, UpdateContext context, Conversation conversation, FilingQuestion question, string? lead = null)
    {
        var lang = context.Lang;
        var text = lead is null ? question.Prompt.In(lang) : lead + "\n\n" + question.Prompt.In(lang);
        var buttons = new List<InlineButton[]>();
        if (question.Kind == AnswerKind.Choice)
        {
            buttons.AddRange(question.Choices(lang).Select((choice, i) =>
                new[] { new InlineButton(choice.Caption, ChoiceData(form, conversation, question, choice.Code, i)) }));
        }
        if (question.Optional)
            buttons.Add([new InlineButton(FilingTexts.SkipButton.In(lang), Data(form, conversation, question.Step, FilingDialog.Skip))]);
        if (buttons.Count > 0) context.Reply(text, buttons);
        else context.Out.Ask(context.ChatId, text, question.Placeholder?.In(lang));
    }

    public static void ShowCard(FilingForm form, UpdateContext context, Conversation conversation, bool choosingField) =>
        context.Reply(CardText(form, conversation, context.Lang, choosingField),
            choosingField ? FieldButtons(form, conversation, context.Lang) : ConfirmButtons(form, conversation, context.Lang));

    public static string CardText(FilingForm form, Conversation conversation, Lang lang, bool choosingField = false)
    {
        var text = new StringBuilder(form.Check.In(lang)).AppendLine().AppendLine();
        foreach (var question in form.Questions) text.AppendLine(question.Line(conversation.Data.GetValueOrDefault(question.Step), lang));
        if (choosingField) text.AppendLine().Append(FilingTexts.WhichField.In(lang));
        return text.ToString().TrimEnd();
    }

    public static InlineButton[][] ConfirmButtons(FilingForm form, Conversation conversation, Lang lang) =>
    [
        [new InlineButton(FilingTexts.SubmitButton.In(lang), Data(form, conversation, FilingDialog.ConfirmStep, FilingDialog.Submit))],
        [
            new InlineButton(FilingTexts.EditButton.In(lang), Data(form, conversation, FilingDialog.ConfirmStep, FilingDialog.Edit)),
            new InlineButton(FilingTexts.CancelButton.In(lang), Data(form, conversation, FilingDialog.ConfirmStep, FilingDialog.Cancel)),
        ],
    ];

    public static IEnumerable<InlineButton[]> FieldButtons(FilingForm form, Conversation conversation, Lang lang) =>
        form.Questions
            .Select(q => new InlineButton(q.Field.In(lang), Data(form, conversation, FilingDialog.EditStep, q.Step)))
            .Chunk(2)
            .Append([new InlineButton(FilingTexts.BackButton.In(lang), Data(form, conversation, FilingDialog.EditStep, FilingDialog.Back))]);

    private static string Data(FilingForm form, Conversation conversation, string step, string value) =>
        $"{form.Flow}:{conversation.Data[FilingDialog.DialogKey]}:{step}:{value}";

    /// <summary>A choice's code, or "#index" when a long code from the organisation file would not fit Telegram's 64 bytes.</summary>
    private static string ChoiceData(FilingForm form, Conversation conversation, FilingQuestion question, string code, int index)
    {
        var data = Data(form, conversation, question.Step, code);
        return Encoding.UTF8.GetByteCount(data) <= MaxCallbackBytes ? data : Data(form, conversation, question.Step, "#" + index);
    }

    /// <summary>The code a choice button carries, resolving "#index".</summary>
    public static string? ChoiceCode(FilingQuestion question, string value)
    {
        var choices = question.Choices(Lang.Ru);
        if (value.StartsWith('#') && int.TryParse(value[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            return index < choices.Count ? choices[index].Code : null;
        return value;
    }
}
