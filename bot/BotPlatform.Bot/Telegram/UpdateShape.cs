using global::Telegram.Bot.Types;

namespace BotPlatform.Bot.Telegram;

internal static class UpdateShape
{
    /// <summary>The chat whose updates must be handled in order; the user for chat-less updates.</summary>
    public static long ChatKey(Update update) => update switch
    {
        { Message.Chat.Id: var id } => id,
        { EditedMessage.Chat.Id: var id } => id,
        { CallbackQuery.Message.Chat.Id: var id } => id,
        { CallbackQuery.From.Id: var id } => id,
        { MyChatMember.Chat.Id: var id } => id,
        { ChatMember.Chat.Id: var id } => id,
        _ => 0,
    };
}
