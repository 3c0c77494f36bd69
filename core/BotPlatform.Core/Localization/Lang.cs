using System.Globalization;

namespace BotPlatform.Core.Localization;

/// <summary>The languages every message exists in. Russian is the default.</summary>
public enum Lang
{
    Ru,
    En,
}

public static class Langs
{
    public static Lang Default => Lang.Ru;

    /// <summary>Telegram's language_code ("ru", "en-US", "uk"...) to ours; anything not English is Russian.</summary>
    public static Lang FromTelegramCode(string? code) =>
        code is not null && code.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Lang.En : Lang.Ru;

    public static bool TryParse(string? text, out Lang lang)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "ru" or "рус" or "русский" or "russian":
                lang = Lang.Ru;
                return true;
            case "en" or "eng" or "english" or "английский":
                lang = Lang.En;
                return true;
            default:
                lang = Lang.Ru;
                return false;
        }
    }

    public static string Code(this Lang lang) => lang == Lang.En ? "en" : "ru";

    public static CultureInfo Culture(this Lang lang) => CultureInfo.GetCultureInfo(lang == Lang.En ? "en-GB" : "ru-RU");
}
