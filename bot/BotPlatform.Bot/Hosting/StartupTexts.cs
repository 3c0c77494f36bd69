using System.Globalization;
using BotPlatform.Core.Localization;

namespace BotPlatform.Bot.Hosting;

/// <summary>What the host prints before it can talk to anyone: in the configured or the system language.</summary>
public static class StartupTexts
{
    public static readonly Text NoToken = new(
        """
        Не задан токен Telegram-бота, поэтому бот не запущен.
        1. Создайте бота у @BotFather в Telegram и скопируйте токен.
        2. Запустите снова, передав токен через переменную окружения:
             Telegram__Token=123456:ABC-ваш-токен dotnet run --project bot/BotPlatform.Bot
        Токен не храните в файлах репозитория. Подробнее — README.md, раздел «Configuration».
        Без токена команда запускает песочницу в браузере, если не выключить её (Sandbox__Enabled=false).
        """,
        """
        No Telegram bot token is set, so the bot did not start.
        1. Create a bot with @BotFather in Telegram and copy its token.
        2. Run again with the token in an environment variable:
             Telegram__Token=123456:ABC-your-token dotnet run --project bot/BotPlatform.Bot
        Never keep the token in a file of the repository. See README.md, "Configuration".
        Without a token the command starts the sandbox in a browser, unless it is switched off (Sandbox__Enabled=false).
        """);

    public static readonly Text BadOrganisation = new(
        "Ошибка в файле организации — бот не запущен:\n{0}",
        "The organisation file has an error, so the bot did not start:\n{0}");

    public static readonly Text DataFolder = new("данные: {0}", "data: {0}");

    public static Lang Language(IConfiguration configuration) =>
        Langs.TryParse(configuration["Bot:Language"], out var configured)
            ? configured
            : Langs.FromTelegramCode(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is "en" ? "en" : "ru");
}
