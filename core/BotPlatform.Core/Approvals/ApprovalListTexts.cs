using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Approvals;

/// <summary>/inbox, /my, /request and /find: headers, list lines, empty answers and usage.</summary>
public static class ApprovalListTexts
{
    public static readonly Text InboxHeader = new("📥 Ждут вас ({0}), сначала самые давние:", "📥 Waiting for you ({0}), oldest first:");
    public static readonly Text InboxEmpty = new(
        "📭 Сейчас ничего не ждёт вашего решения. Я напишу, когда что-то появится.",
        "📭 Nothing is waiting for you right now. I will write when something comes in.");
    public static readonly Text WaitingHours = new("ждёт {0} раб. ч.", "waiting {0} working hours");
    public static readonly Text WaitingOneHour = new("ждёт 1 раб. ч.", "waiting 1 working hour");
    public static readonly Text WaitingUnderAnHour = new("ждёт меньше часа", "waiting under an hour");
    public static readonly Text StandingInFor = new("замещаете: {0}", "standing in for {0}");
    public static readonly Text AndMore = new("…и ещё {0}", "…and {0} more");

    public static readonly Text MineHeader = new("🗂 Ваши заявки, сначала новые:", "🗂 Your requests, newest first:");
    public static readonly Text MineEmpty = new(
        "У вас пока нет заявок. Новая заявка на оплату — /pay.",
        "You have no requests yet. To file a payment request, send /pay.");
    public static readonly Text MineLatestOnly = new(
        "Здесь последние {0}. Более ранние найдёт /find.",
        "These are the latest {0}; /find finds earlier ones.");

    public static readonly Text RequestUsage = new(
        "Использование: /request НОМЕР — например, /request ЗО-2026-0001",
        "Usage: /request NUMBER, for example /request ЗО-2026-0001");
    /// <summary>Stands for the timeline lines left out of a card too long for one message.</summary>
    public static readonly Text EarlierHistoryOmitted = new("• … (более ранние записи не поместились)", "• … (earlier entries did not fit)");

    public static readonly Text FindUsage = new(
        "Использование: /find ТЕКСТ — номер заявки или часть названия контрагента, например /find Ромашка",
        "Usage: /find TEXT: a request number or part of the counterparty's name, for example /find Acme");
    public static readonly Text FindHeader = new("🔎 Найдено по «{0}», сначала новые:", "🔎 Found for \"{0}\", newest first:");
    public static readonly Text FindNothing = new(
        "По запросу «{0}» ничего не нашлось. Проверьте номер или напишите часть названия контрагента.",
        "Nothing found for \"{0}\". Check the number or type part of the counterparty's name.");
    public static readonly Text FindFirstOnly = new(
        "Здесь {0} самых новых — уточните запрос, чтобы увидеть остальные.",
        "These are the newest {0}; narrow the search to see the rest.");

    public static readonly Text PrivateChatOnly = new(
        "Заявки показываю только в личном чате — напишите мне туда.",
        "I show requests only in a private chat; please write to me there.");
}
