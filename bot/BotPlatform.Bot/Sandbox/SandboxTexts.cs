using BotPlatform.Core.Localization;

namespace BotPlatform.Bot.Sandbox;

/// <summary>The sandbox's own words: the start-up line and the page's labels (the bot's messages have their own texts).</summary>
public static class SandboxTexts
{
    public static readonly Text Started = new(
        """
        Песочница: {0}
        Откройте адрес в браузере. Бот работает без Telegram — на встроенном эмуляторе Bot API, с демо-организацией
        и своей базой ({1}, очищается при каждом запуске). Чтобы подключить настоящего бота, задайте токен:
          Telegram__Token=123456:ABC-ваш-токен dotnet run --project bot/BotPlatform.Bot
        """,
        """
        Sandbox: {0}
        Open the address in a browser. The bot runs without Telegram, on the built-in Bot API emulator, with a demo
        organisation and a database of its own ({1}, emptied on every start). To connect a real bot, set the token:
          Telegram__Token=123456:ABC-your-token dotnet run --project bot/BotPlatform.Bot
        """);

    public static readonly Text ClientLabel = new("клиент, {0}", "client, {0}");
    public static readonly Text HeadLabel = new("руководитель отдела", "head of department");

    /// <summary>Labels of the page and its script, by key.</summary>
    public static readonly IReadOnlyDictionary<string, Text> Page = new Dictionary<string, Text>
    {
        ["title"] = new("BotPlatform — песочница", "BotPlatform — sandbox"),
        ["sandbox"] = new("песочница", "sandbox"),
        ["intro"] = new(
            "Бот работает здесь без Telegram. Выберите человека слева и пишите боту от его имени: команды, ответы, файлы, кнопки.",
            "The bot runs here without Telegram. Pick a person on the left and write to the bot as them: commands, answers, files, buttons."),
        ["people"] = new("Люди", "People"),
        ["chats"] = new("Чаты", "Chats"),
        ["clock"] = new("Время песочницы", "Sandbox time"),
        ["working"] = new("рабочее время", "working hours"),
        ["offWork"] = new("нерабочее время", "outside working hours"),
        ["plus1"] = new("+1 ч", "+1 h"),
        ["plus4"] = new("+4 ч", "+4 h"),
        ["morning"] = new("Следующее рабочее утро", "Next working morning"),
        ["plus7d"] = new("+7 дней", "+7 days"),
        ["reset"] = new("Сбросить демо", "Reset the demo"),
        ["resetConfirm"] = new(
            "Вернуть демо-данные к началу? Все переписки и заявки пропадут, время вернётся к настоящему.",
            "Restore the demo data? Every chat and request is cleared and the time goes back to now."),
        ["restarting"] = new("Песочница перезапускается…", "The sandbox is restarting…"),
        ["offline"] = new("Нет связи с песочницей, повторяем…", "The sandbox does not answer, retrying…"),
        ["placeholder"] = new("Сообщение или /команда", "Message or /command"),
        ["send"] = new("Отправить", "Send"),
        ["attachFile"] = new("Файл", "File"),
        ["attachPhoto"] = new("Фото", "Photo"),
        ["replyTo"] = new("Ответ на сообщение бота", "Replying to the bot"),
        ["cancelReply"] = new("Не отвечать", "Don't reply"),
        ["edited"] = new("изменено", "edited"),
        ["members"] = new("участники", "members"),
        ["menu"] = new("Меню", "Menu"),
        ["noMessages"] = new("Сообщений пока нет", "No messages yet"),
        ["pickPerson"] = new("Выберите человека слева", "Pick a person on the left"),
        ["bot"] = new("Бот", "Bot"),
        ["groupWith"] = new("группа", "group"),
        ["missing"] = new(
            "Что попробовать: /pay от сотрудника, /deal и его история, /reports у руководителя проекта и /paid у бухгалтера, /pnl у директора, /mail у офис-менеджера; кнопки часов наверху показывают напоминания, реестры платежей и напоминание клиенту об оплате.",
            "Things to try: /pay as the employee, /deal and its history, /reports as the project manager and /paid as the accountant, /pnl as the director, /mail as the office manager; the clock buttons at the top show reminders, payment registers and the client's payment reminder."),
        ["langHint"] = new(
            "Язык сообщений бота для каждого человека меняется командой /lang en или /lang ru.",
            "Each person switches the bot's language with /lang en or /lang ru."),
    };
}
