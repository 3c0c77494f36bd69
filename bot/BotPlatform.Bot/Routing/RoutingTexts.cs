using BotPlatform.Core.Localization;

namespace BotPlatform.Bot.Routing;

public static class RoutingTexts
{
    public static readonly Text UnknownCommand = new(
        "Не знаю такой команды. Список команд — /help.",
        "I don't know that command. See /help.");
    public static readonly Text NotUnderstood = new(
        "Не понял сообщение. Список команд — /help.",
        "I didn't understand that. See /help.");
    public static readonly Text StaleButton = new(
        "Эта кнопка устарела.",
        "This button is out of date.");
}
