using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Documents.Clients;

/// <summary>/client: the new-client dialog, the import and the cards.</summary>
public static class ClientDialogTexts
{
    public static readonly Text Intro = new(
        "🏢 Новый клиент. Спрошу реквизиты по одному; выйти в любой момент — /cancel.",
        "🏢 New client. I'll ask for the requisites one by one; you can leave at any time with /cancel.");
    public static readonly Text Usage = new(
        "Клиенты:\n/client new — новый клиент\n/client import — загрузить список из CSV или YAML\n/client ИНН или часть названия — карточка клиента",
        "Clients:\n/client new — a new client\n/client import — import a list from CSV or YAML\n/client TAX-ID or part of the name — a client's card");

    public static readonly Text AskCountry = new("Где зарегистрирован клиент?", "Where is the client registered?");
    public static readonly Text AskLegalName = new("Полное название организации (как в выписке), например: ООО «Ромашка».",
        "The company's full legal name (as in the registry), e.g. ООО «Ромашка».");
    public static readonly Text AskInn = new("ИНН — 10 цифр у организации, 12 у ИП.", "ИНН (INN): 10 digits for a company, 12 for a sole trader.");
    public static readonly Text AskKpp = new("КПП — 9 знаков, например 773001001.", "КПП (KPP): 9 characters, e.g. 773001001.");
    public static readonly Text AskOgrn = new("ОГРН (13 цифр) или ОГРНИП (15). Если не нужен — «Пропустить».",
        "ОГРН (OGRN): 13 digits, or 15 for a sole trader. If not needed, press Skip.");
    public static readonly Text AskUnp = new("УНП — 9 цифр.", "УНП (UNP): 9 digits.");
    public static readonly Text AskLegalAddress = new("Юридический адрес (без индекса).", "The legal address (without the postcode).");
    public static readonly Text AskPostcode = new("Почтовый индекс для писем — 6 цифр.", "The postcode for mail: 6 digits.");
    public static readonly Text AskPostalAddress = new("Почтовый адрес для писем (без индекса) — или нажмите «Совпадает с юридическим».",
        "The postal address for mail (without the postcode), or press \"Same as legal\".");
    public static readonly Text AskBankName = new("Название банка, например: ПАО Сбербанк.", "The bank's name, e.g. ПАО Сбербанк.");
    public static readonly Text AskBik = new("БИК банка — 9 цифр.", "The bank's БИК (BIC): 9 digits.");
    public static readonly Text AskSwift = new("SWIFT-код банка, например NBRBBY2X.", "The bank's SWIFT code, e.g. NBRBBY2X.");
    public static readonly Text AskAccount = new("Расчётный счёт — 20 цифр.", "The settlement account: 20 digits.");
    public static readonly Text AskIban = new("Счёт (IBAN), начинается с BY.", "The account (IBAN), starting with BY.");
    public static readonly Text AskCorrespondent = new("Корреспондентский счёт банка — 20 цифр, начинается с 301.",
        "The bank's correspondent account: 20 digits starting with 301.");
    public static readonly Text AskSignatory = new("Кто подписывает документы? ФИО полностью, например: Петров Пётр Петрович.",
        "Who signs the documents? The full name, e.g. Петров Пётр Петрович.");
    public static readonly Text AskPosition = new("Должность подписанта, например: Генеральный директор.",
        "The signatory's position, e.g. Генеральный директор (CEO).");
    public static readonly Text AskBasis = new("На основании чего он действует? Нажмите «Устава» или напишите, например: доверенности № 5 от 01.02.2026.",
        "What does the signatory act under? Press \"Charter\" or type, e.g. доверенности № 5 от 01.02.2026.");
    public static readonly Text AskEmail = new("Эл. почта для документов — или «Пропустить».", "An email for documents, or press Skip.");
    public static readonly Text AskPhone = new("Телефон — или «Пропустить».", "A phone number, or press Skip.");
    public static readonly Text Check = new("Проверьте реквизиты клиента:", "Please check the client's requisites:");

    public static readonly Text Russia = new("🇷🇺 Россия", "🇷🇺 Russia");
    public static readonly Text Belarus = new("🇧🇾 Беларусь", "🇧🇾 Belarus");
    public static readonly Text SameAsLegal = new("Совпадает с юридическим", "Same as legal");
    public static readonly Text Charter = new("Устава", "Charter (Устава)");
    public static readonly Text SaveButton = new("✅ Сохранить", "✅ Save");
    public static readonly Text Saved = new("✅ Клиент сохранён.", "✅ Client saved.");
    public static readonly Text SavedAnswer = new("Сохранено", "Saved");
    public static readonly Text NotSaved = new("Не сохранено — исправьте и нажмите «Сохранить» снова.", "Not saved: fix it and press Save again.");

    public static readonly Text ImportAsk = new(
        "Пришлите файл со списком клиентов документом: .csv (первая строка — названия колонок, разделитель ; или ,) или .yaml, до 20 МБ. "
        + "Колонки: {0}. Пример — samples/clients.csv. Выйти — /cancel.",
        "Send the list of clients as a document: .csv (the first row names the columns, separated by ; or ,) or .yaml, up to 20 MB. "
        + "Columns: {0}. See samples/clients.csv. To leave: /cancel.");
    public static readonly Text ImportDone = new("✅ Загружено клиентов: {0}.", "✅ Clients imported: {0}.");
    public static readonly Text ImportRefused = new(
        "❌ Ничего не сохранено: в файле есть ошибки. Исправьте строки и пришлите файл снова (или /cancel).",
        "❌ Nothing was saved: the file has errors. Fix the lines and send the file again (or /cancel).");
    public static readonly Text ImportRow = new("Строка {0}: {1}", "Line {0}: {1}");
    public static readonly Text ImportMore = new("…и ещё строк с ошибками: {0}.", "…and {0} more lines with errors.");

    public static readonly Text Cancelled = new("🚫 Отменено — ничего не сохранено.", "🚫 Cancelled: nothing was saved.");
    public static readonly Text PrivateOnly = new(
        "Клиентов и сделки веду только в личном чате с ботом — напишите мне туда.",
        "I handle clients and deals only in a private chat with the bot; please write to me there.");
    public static readonly Text Found = new("Нашлось несколько клиентов — выберите:", "Several clients match; pick one:");
    public static readonly Text DealsLine = new("Сделки: {0}", "Deals: {0}");
    public static readonly Text CountryLine = new("Страна: {0}", "Country: {0}");
}
