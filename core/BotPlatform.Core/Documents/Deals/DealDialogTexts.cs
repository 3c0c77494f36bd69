using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Documents.Deals;

/// <summary>/deal: the new-deal dialog and its buttons.</summary>
public static class DealDialogTexts
{
    public static readonly Text Usage = new(
        "Сделки:\n/deal new — новая сделка\n/deal НОМЕР — карточка сделки, например /deal СДЛ-2026-0001\n/deal НОМЕР history — вся история сделки",
        "Deals:\n/deal new — a new deal\n/deal NUMBER — a deal's card, e.g. /deal СДЛ-2026-0001\n/deal NUMBER history — the deal's whole history");
    public static readonly Text Intro = new("🤝 Новая сделка. Выйти в любой момент — /cancel.", "🤝 New deal. You can leave at any time with /cancel.");
    public static readonly Text AskClient = new(
        "Для какого клиента? Напишите часть названия или ИНН. Нового клиента сначала заведите: /client new.",
        "Which client is it for? Type part of the name or the tax id. Add a new client first with /client new.");
    public static readonly Text PickClient = new("Выберите клиента (или напишите другой запрос):", "Pick the client (or type another search):");
    public static readonly Text ClientChosen = new("Клиент: {0}", "Client: {0}");
    public static readonly Text AskService = new("Какая услуга? Выберите из каталога или напишите её код.",
        "Which service? Pick one from the catalogue or type its code.");
    public static readonly Text ServiceChosen = new("Услуга: {0}", "Service: {0}");
    public static readonly Text AskQuantity = new("Сколько ({0})? Например: 3 или 1,5.", "How many ({0})? For example: 3 or 1.5.");
    public static readonly Text AskPrice = new("Цена за {0}: по каталогу {1}. Нажмите кнопку или напишите свою цену.",
        "Price per {0}: {1} in the catalogue. Press the button or type another price.");
    public static readonly Text AskPriceNoDefault = new("Цена за {0}? Например: 15 000.", "The price per {0}? For example: 15,000.");
    public static readonly Text CataloguePrice = new("По каталогу: {0}", "Catalogue: {0}");
    public static readonly Text LineAdded = new("Добавлено: {0}\n\n{1}", "Added: {0}\n\n{1}");
    public static readonly Text AddLine = new("➕ Ещё услуга", "➕ Another service");
    public static readonly Text Finish = new("➡️ Дальше", "➡️ Next");
    public static readonly Text AskVat = new("Как считать НДС?", "How is VAT charged?");
    public static readonly Text NoVat = new("Без НДС", "No VAT");
    public static readonly Text VatOnTop = new("НДС {0}% сверху", "VAT {0}% on top");
    public static readonly Text VatIncluded = new("НДС {0}% в т. ч.", "VAT {0}% included");
    public static readonly Text Check = new("Проверьте сделку:", "Please check the deal:");
    public static readonly Text CreateButton = new("✅ Создать сделку", "✅ Create the deal");
    public static readonly Text ChangeVat = new("НДС", "VAT");
    public static readonly Text Created = new("✅ Сделка {0} создана.", "✅ Deal {0} created.");
    public static readonly Text CreatedAnswer = new("Создана: {0}", "Created: {0}");
    public static readonly Text PlaceholderQuantity = new("3", "3");
    public static readonly Text PlaceholderPrice = new("15 000", "15,000");
}
