using BotPlatform.Core.Messaging;

namespace BotPlatform.Bot.Routing;

/// <summary>A still-current press on a persisted dialog's button: the dialog, the message pressed, and the button's value.</summary>
public sealed record DialogPress(Conversation Conversation, int MessageId, string Value);

/// <summary>
/// The stale-button guard of dialogs whose buttons carry "{prefix}:{dialog}:{step}:{value}": a press counts only
/// from an active person, on their own open conversation of that flow, from the same dialog (its key names the
/// message that started it) and at the step the button was made for. Anything else (an older dialog's button,
/// a step already passed, a forged payload) is answered "this button is out of date" and changes nothing.
/// </summary>
public static class DialogButtons
{
    /// <returns>The press, or null once the stale answer is given.</returns>
    public static async Task<DialogPress?> CurrentAsync(UpdateContext context, string[] data, IConversationStore conversations, string flow,
        string dialogKey, CancellationToken ct)
    {
        var conversation = context is { From: { } from, Person.IsActive: true } && data.Length >= 4
            ? await conversations.GetAsync(context.ChatId, from.UserId, ct)
            : null;
        if (conversation is null || conversation.Flow != flow || conversation.Data.GetValueOrDefault(dialogKey) != data[1]
            || conversation.Step != data[2] || context.Update.CallbackQuery?.Message is not { Id: var pressed })
        {
            await context.AnswerCallbackAsync(RoutingTexts.StaleButton.In(context.Lang), ct: ct);
            return null;
        }
        return new DialogPress(conversation, pressed, string.Join(':', data[3..]));
    }
}
