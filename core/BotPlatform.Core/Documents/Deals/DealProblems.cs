using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Documents.Deals;

public static class DealProblems
{
    public const string ClientNotFound = "deals.client_not_found";
    public const string NoLines = "deals.no_lines";
    public const string UnknownService = "deals.unknown_service";
    public const string QuantityFormat = "deals.quantity_format";
    public const string PriceRequired = "deals.price_required";
    public const string PricePositive = "deals.price_positive";
    public const string PriceCurrency = "deals.price_currency";
    public const string VatRate = "deals.vat_rate";
    public const string NotFound = "deals.not_found";
    public const string NotAllowed = "deals.not_allowed";

    public static readonly IReadOnlyDictionary<string, Text> Texts = new Dictionary<string, Text>
    {
        [ClientNotFound] = new("Клиент не найден. Напишите часть названия или ИНН.", "Client not found. Type part of the name or the tax id."),
        [NoLines] = new("В сделке нет ни одной услуги.", "The deal has no services."),
        [UnknownService] = new("Услуги с кодом «{0}» нет в каталоге. Есть: {1}.", "There is no service \"{0}\" in the catalogue. Known: {1}."),
        [QuantityFormat] = new("Количество — положительное число, не больше трёх знаков после запятой (например, 3 или 1,5); «{0}» не подходит.",
            "The quantity is a positive number with at most three decimals (e.g. 3 or 1.5); \"{0}\" is not."),
        [PriceRequired] = new("У услуги «{0}» нет цены в каталоге — напишите цену.", "Service \"{0}\" has no catalogue price: type the price."),
        [PricePositive] = new("Цена должна быть больше нуля.", "The price must be more than zero."),
        [PriceCurrency] = new("Сделка ведётся в {0}, а цена указана в {1}. Напишите цену в {0}.",
            "The deal is in {0}, but the price is in {1}. Type the price in {0}."),
        [VatRate] = new("Ставка НДС — от 0 до 100 %, а «{0}» не подходит.", "The VAT rate is 0 to 100%; \"{0}\" is not."),
        [NotFound] = new("Сделка «{0}» не найдена.", "No deal \"{0}\"."),
        [NotAllowed] = new("Сделку {0} видят её менеджер, руководство, бухгалтерия и офис-менеджер.",
            "Deal {0} is seen by its manager, the management, accounting and the office manager."),
    };
}
