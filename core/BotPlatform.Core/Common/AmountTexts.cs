using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Common;

public static class AmountTexts
{
    public static readonly IReadOnlyDictionary<string, Text> Problems = new Dictionary<string, Text>
    {
        [AmountProblems.Empty] = new(
            "Напишите сумму, например: 150 000,50",
            "Please type an amount, for example: 150,000.50"),
        [AmountProblems.NotNumber] = new(
            "Не понимаю сумму «{0}». Напишите одно число и, если нужно, валюту, например: 150 000,50 или 1 200 $",
            "I can't read the amount \"{0}\". Type one number and, if needed, a currency, for example: 150,000.50 or $1,200"),
        [AmountProblems.Zero] = new(
            "Сумма должна быть больше нуля. Напишите, например: 150 000,50",
            "The amount must be greater than zero. Type, for example: 150,000.50"),
        [AmountProblems.Negative] = new(
            "Сумма не может быть отрицательной. Напишите её без минуса, например: 150 000,50",
            "The amount can't be negative. Type it without a minus, for example: 150,000.50"),
        [AmountProblems.Precision] = new(
            "После запятой — не больше двух цифр (копейки). Напишите, например: 150 000,50",
            "Use at most two digits after the decimal point (cents). Type, for example: 150,000.50"),
        [AmountProblems.TooLarge] = new(
            "Слишком большая сумма: больше триллиона. Проверьте, нет ли лишних цифр, и напишите сумму ещё раз.",
            "That amount is too large: over one trillion. Check for extra digits and type the amount again."),
        [AmountProblems.CurrencyConflict] = new(
            "В сумме две разные валюты: {0} и {1}. Оставьте одну, например: 1 200 $ или 150 000 ₽",
            "The amount has two different currencies, {0} and {1}. Keep one, for example: $1,200 or 150,000 ₽"),
    };
}
