using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Mail;

public static class MailTexts
{
    public static readonly Text ScanUsage = new(
        "Сканирование почты:\n/scan out КОДЫ — конверты уходят клиентам (документы «отправлен», наклейки с адресом в печать)\n/scan in КОДЫ — вернулись подписанные оригиналы\nБез кодов — режим: дальше присылайте коды сообщениями или фото штрихкодов; /cancel — выход.",
        "Mail scanning:\n/scan out CODES — envelopes leave for clients (documents Sent, address labels printed)\n/scan in CODES — signed originals came back\nWithout codes — a mode: then send codes as messages or photos of barcodes; /cancel to leave.");

    public static readonly Text ModeOut = new("📤 Режим: отправка. Присылайте коды или фото штрихкодов; /scan in — возврат, /cancel — выход.",
        "📤 Mode: outgoing. Send codes or photos of barcodes; /scan in for returns, /cancel to leave.");

    public static readonly Text ModeIn = new("📥 Режим: возврат. Присылайте коды или фото штрихкодов; /scan out — отправка, /cancel — выход.",
        "📥 Mode: incoming. Send codes or photos of barcodes; /scan out for outgoing, /cancel to leave.");

    public static readonly Text SentLine = new("✅ {0} {1} — отправлен ({2})", "✅ {0} {1} — sent ({2})");
    public static readonly Text ReturnedLine = new("✅ {0} {1} — вернулся ({2})", "✅ {0} {1} — returned ({2})");
    public static readonly Text RepeatedLine = new("↩️ {0} — уже зарегистрирован этим сканированием", "↩️ {0} — already registered by this scan");
    public static readonly Text RefusedLine = new("❌ {0}: {1}", "❌ {0}: {1}");
    public static readonly Text LabelLine = new("🏷 Наклейка для {0} в печати: {1}", "🏷 Label for {0} queued: {1}");
    public static readonly Text CompleteLine = new("📦 Сделка {0}: все документы вернулись", "📦 Deal {0}: every document is back");

    public static readonly Text ReturnedToManager = new("📥 {0} {1} вернулся подписанным ({2}, сделка {3}).",
        "📥 {0} {1} came back signed ({2}, deal {3}).");

    public static readonly Text DealComplete = new("📦 Сделка {0}: все документы вернулись подписанными ({1}: {2}). Бумажный комплект полон.",
        "📦 Deal {0}: every document came back signed ({1}: {2}). The paper set is complete.");

    public static readonly Text MailUsage = new(
        "Журнал почты: /mail [ДАТА или ДАТА-ДАТА или week/month] [out|in]. Например: /mail 23.11.2026 out, /mail 01.11.2026-30.11.2026",
        "Mail register: /mail [DATE or DATE-DATE or week/month] [out|in]. E.g. /mail 23.11.2026 out, /mail 01.11.2026-30.11.2026");

    public static readonly Text MailTitle = new("📬 Журнал почты {0}{1}: {2}", "📬 Mail register {0}{1}: {2}");
    public static readonly Text MailEmpty = new("📬 Журнал почты {0}{1}: записей нет.", "📬 Mail register {0}{1}: no entries.");
    public static readonly Text OutName = new(" (исходящие)", " (outgoing)");
    public static readonly Text InName = new(" (входящие)", " (incoming)");
    public static readonly Text OutArrow = new("→ отправлен", "→ sent");
    public static readonly Text InArrow = new("← вернулся", "← returned");
    public static readonly Text MailLine = new("{0:dd.MM} {1} {2} {3} — {4}{5}", "{0:dd.MM} {1} {2} {3} — {4}{5}");

    public static readonly Text UnreturnedReminder = new(
        "⏰ Оригинал не вернулся: {0} {1} ({2}) отправлен {3:dd.MM.yyyy}, прошло {4} раб. дн. Напомните клиенту вернуть подписанный экземпляр.",
        "⏰ An original has not come back: {0} {1} ({2}) sent {3:dd.MM.yyyy}, {4} working days ago. Remind the client to return the signed copy.");

    public static readonly Text NothingUnreturned = new("✅ Все отправленные оригиналы вернулись.", "✅ Every original sent has come back.");
    public static readonly Text UnreturnedTitle = new("📮 Не вернулись оригиналы ({0}), по давности:", "📮 Originals not back yet ({0}), oldest first:");
    public static readonly Text UnreturnedLine = new("  • {0} {1} — отправлен {2:dd.MM.yyyy}, {3} раб. дн.", "  • {0} {1} — sent {2:dd.MM.yyyy}, {3} working days");

    public static readonly IReadOnlyDictionary<string, Text> Problems = new Dictionary<string, Text>
    {
        [MailProblems.NotAllowed] = new("Сканирует почту офис-менеджер (или администратор, операционный менеджер).",
            "Mail is scanned by the office manager (or an admin, the ops manager)."),
        [MailProblems.UnknownCode] = new("код {0} не найден в реестре документов", "code {0} is not in the document registry"),
        [MailProblems.NoCodes] = new("Нет кодов. Пример: /scan out BP000001 BP000002", "No codes. E.g. /scan out BP000001 BP000002"),
        [MailProblems.NoBarcode] = new("На фото не нашлось штрихкода. Сфотографируйте его ближе и ровнее или введите код текстом.",
            "No barcode found on the photo. Take it closer and straighter, or type the code."),
        [MailProblems.BadPeriod] = new("Не понял период «{0}». Пример: /mail 23.11.2026, /mail 01.11.2026-30.11.2026, /mail week",
            "Could not read the period “{0}”. E.g. /mail 23.11.2026, /mail 01.11.2026-30.11.2026, /mail week"),
    };
}
