using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Documents.Clients;

public static class ClientProblems
{
    public const string InnFormat = "clients.inn_format";
    public const string InnChecksum = "clients.inn_checksum";
    public const string KppFormat = "clients.kpp_format";
    public const string OgrnFormat = "clients.ogrn_format";
    public const string OgrnChecksum = "clients.ogrn_checksum";
    public const string BikFormat = "clients.bik_format";
    public const string AccountFormat = "clients.account_format";
    public const string AccountKey = "clients.account_key";
    public const string CorrespondentFormat = "clients.correspondent_format";
    public const string CorrespondentKey = "clients.correspondent_key";
    public const string UnpFormat = "clients.unp_format";
    public const string UnpChecksum = "clients.unp_checksum";
    public const string SwiftFormat = "clients.swift_format";
    public const string IbanFormat = "clients.iban_format";
    public const string IbanChecksum = "clients.iban_checksum";
    public const string PostcodeFormat = "clients.postcode_format";
    public const string EmailFormat = "clients.email_format";
    public const string CountryUnknown = "clients.country_unknown";
    public const string TextRequired = "clients.text_required";
    public const string TextTooLong = "clients.text_too_long";
    public const string Incomplete = "clients.incomplete";
    public const string KppForSoleTrader = "clients.kpp_sole_trader";
    public const string Duplicate = "clients.duplicate";
    public const string DuplicateInFile = "clients.duplicate_in_file";
    public const string NotFound = "clients.not_found";
    public const string ImportNotAllowed = "clients.import_not_allowed";
    public const string ImportEmpty = "clients.import_empty";
    public const string FileEncoding = "clients.file_encoding";
    public const string FileNoHeader = "clients.file_no_header";
    public const string FileUnknownColumn = "clients.file_unknown_column";
    public const string FileDuplicateColumn = "clients.file_duplicate_column";
    public const string FileFieldCount = "clients.file_field_count";
    public const string FileQuotes = "clients.file_quotes";
    public const string FileYamlSyntax = "clients.file_yaml_syntax";
    public const string FileYamlShape = "clients.file_yaml_shape";
    public const string ImportFileType = "clients.import_file_type";
    public const string ImportTooLarge = "clients.import_too_large";
    public const string ImportNotDownloaded = "clients.import_not_downloaded";
    public const string ImportNoFile = "clients.import_no_file";

    public static readonly IReadOnlyDictionary<string, Text> Texts = new Dictionary<string, Text>
    {
        [InnFormat] = new("ИНН — это 10 цифр у организации или 12 у ИП, а «{0}» не подходит.",
            "An ИНН (INN) is 10 digits for a company or 12 for a sole trader; \"{0}\" is not."),
        [InnChecksum] = new("ИНН {0} не проходит проверку контрольного числа — в нём опечатка. Сверьте с выпиской ЕГРЮЛ.",
            "ИНН (INN) {0} fails its check digit: there is a typo. Compare it with the registry extract."),
        [KppFormat] = new("КПП — 9 знаков: 4 цифры, 2 цифры или латинские буквы, 3 цифры (например, 773601001); «{0}» не подходит.",
            "A КПП (KPP) has 9 characters: 4 digits, 2 digits or latin letters, 3 digits (e.g. 773601001); \"{0}\" is not."),
        [OgrnFormat] = new("ОГРН — 13 цифр (ОГРНИП — 15), а «{0}» не подходит.",
            "An ОГРН (OGRN) is 13 digits (15 for a sole trader); \"{0}\" is not."),
        [OgrnChecksum] = new("ОГРН {0} не проходит проверку контрольной цифры — в нём опечатка.",
            "ОГРН (OGRN) {0} fails its check digit: there is a typo."),
        [BikFormat] = new("БИК — 9 цифр (например, 044525225), а «{0}» не подходит.",
            "A БИК (bank BIC) is 9 digits (e.g. 044525225); \"{0}\" is not."),
        [AccountFormat] = new("Расчётный счёт — 20 цифр, а «{0}» не подходит.",
            "A settlement account is 20 digits; \"{0}\" is not."),
        [AccountKey] = new("Расчётный счёт {0} не сходится с БИК {1} по контрольному ключу — проверьте счёт и БИК.",
            "Settlement account {0} does not match БИК {1} by its control key: check the account and the БИК."),
        [CorrespondentFormat] = new("Корреспондентский счёт — 20 цифр, а «{0}» не подходит.",
            "A correspondent account is 20 digits; \"{0}\" is not."),
        [CorrespondentKey] = new("Корреспондентский счёт {0} не сходится с БИК {1} — он начинается с 301 и проверяется по БИК.",
            "Correspondent account {0} does not match БИК {1}: it starts with 301 and is keyed to the БИК."),
        [UnpFormat] = new("УНП — 9 цифр (например, 190000001), а «{0}» не подходит.",
            "A УНП (UNP) is 9 digits (e.g. 190000001); \"{0}\" is not."),
        [UnpChecksum] = new("УНП {0} не проходит проверку контрольной цифры — в нём опечатка.",
            "УНП (UNP) {0} fails its check digit: there is a typo."),
        [SwiftFormat] = new("Для Беларуси укажите SWIFT-код банка: 8 или 11 латинских букв и цифр; «{0}» не подходит.",
            "For Belarus give the bank's SWIFT code: 8 or 11 latin letters and digits; \"{0}\" is not."),
        [IbanFormat] = new("Счёт в Беларуси — IBAN из 28 знаков, начинается с BY; «{0}» не подходит.",
            "A Belarusian account is a 28-character IBAN starting with BY; \"{0}\" is not."),
        [IbanChecksum] = new("IBAN {0} не проходит проверку контрольных цифр — в нём опечатка.",
            "IBAN {0} fails its check digits: there is a typo."),
        [PostcodeFormat] = new("Индекс — 6 цифр, а «{0}» не подходит.", "A postcode is 6 digits; \"{0}\" is not."),
        [EmailFormat] = new("«{0}» не похоже на адрес почты.", "\"{0}\" does not look like an email address."),
        [CountryUnknown] = new("Страна «{0}» не поддерживается: RU (Россия) или BY (Беларусь).",
            "Country \"{0}\" is not supported: RU (Russia) or BY (Belarus)."),
        [TextRequired] = new("Здесь нужен текст. Напишите его сообщением.", "This needs some text. Type it in a message."),
        [TextTooLong] = new("Слишком длинно: не больше {0} знаков.", "Too long: at most {0} characters."),
        [Incomplete] = new("Реквизиты неполные, не хватает: {0}.", "The requisites are incomplete; missing: {0}."),
        [KppForSoleTrader] = new("У ИП (ИНН из 12 цифр) нет КПП — уберите его.", "A sole trader (12-digit ИНН) has no КПП: leave it out."),
        [Duplicate] = new("Клиент с ИНН/УНП {0} уже есть: {1}.", "A client with tax id {0} already exists: {1}."),
        [DuplicateInFile] = new("ИНН/УНП {0} уже встречается в файле в строке {1}.", "Tax id {0} already appears in the file on line {1}."),
        [NotFound] = new("Клиент «{0}» не найден. Новый клиент — /client new.", "No client \"{0}\". A new client: /client new."),
        [ImportNotAllowed] = new("Загружать клиентов списком могут администратор, директор, операционный менеджер и руководитель проектов.",
            "Only an admin, the director, an operations manager or a project manager can import clients."),
        [ImportEmpty] = new("В файле нет ни одного клиента.", "The file has no clients."),
        [FileEncoding] = new("Файл не в кодировке UTF-8. Сохраните его как «CSV UTF-8» и пришлите снова.",
            "The file is not UTF-8. Save it as \"CSV UTF-8\" and send it again."),
        [FileNoHeader] = new("В файле нет строки заголовков с названиями колонок.", "The file has no header row naming the columns."),
        [FileUnknownColumn] = new("Строка {0}: неизвестная колонка «{1}». Известные: {2}.", "Line {0}: unknown column \"{1}\". Known: {2}."),
        [FileDuplicateColumn] = new("Строка {0}: колонка «{1}» указана дважды.", "Line {0}: column \"{1}\" appears twice."),
        [FileFieldCount] = new("Строка {0}: полей {1}, а в заголовке {2}. Значения с разделителем возьмите в кавычки.",
            "Line {0}: {1} fields, but the header has {2}. Put values containing the separator in quotes."),
        [FileQuotes] = new("Строка {0}: не закрыты кавычки.", "Line {0}: a quoted field is not closed."),
        [FileYamlSyntax] = new("Строка {0}: ошибка YAML — {1}", "Line {0}: YAML error: {1}"),
        [FileYamlShape] = new("Строка {0}: ожидается список клиентов, каждый — набор «ключ: значение».",
            "Line {0}: expected a list of clients, each a set of \"key: value\" pairs."),
        [ImportFileType] = new("Пришлите файл .csv, .yaml или .yml, а «{0}» — другой.", "Send a .csv, .yaml or .yml file; \"{0}\" is not one."),
        [ImportTooLarge] = new("Файл больше 20 МБ ({0:0.00} МБ) — такой бот скачать не может. Разделите список на части.",
            "The file is over 20 MB ({0:0.00} MB), more than a bot can download. Split the list into parts."),
        [ImportNotDownloaded] = new("Telegram не отдал файл: бот может скачивать файлы не больше 20 МБ.",
            "Telegram would not hand over the file: a bot can download files of at most 20 MB."),
        [ImportNoFile] = new("Пришлите файл документом: .csv, .yaml или .yml. Выйти — /cancel.",
            "Send the file as a document: .csv, .yaml or .yml. To leave: /cancel."),
    };
}
