using System.Globalization;
using BotPlatform.Core.Documents.Templates.Liquid;

namespace BotPlatform.Core.Documents.Templates;

/// <summary>How the model's preformatted strings look, for whoever builds a <see cref="TemplateModel"/>.</summary>
public static class TemplateFormats
{
    /// <summary>"Иванов Иван Иванович" -> "Иванов И. И."</summary>
    public static string ShortName(string fullName)
    {
        var parts = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length <= 1
            ? fullName.Trim()
            : parts[0] + " " + string.Join(" ", parts[1..].Select(p => char.ToUpper(p[0], CultureInfo.InvariantCulture) + "."));
    }

    /// <summary>"25.11.2026".</summary>
    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>"«25» ноября 2026 г."</summary>
    public static string LongDate(DateOnly date) =>
        $"«{date.Day:00}» {GenitiveMonths[date.Month - 1]} {date.Year} г.";

    private static readonly string[] GenitiveMonths =
        ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];

    /// <summary>"120 000,00" with no-break spaces between the groups.</summary>
    public static string Amount(decimal value) => TemplateFilters.FormatAmount(value);
}
