using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Analytics.Stats;

public static class StatsTexts
{
    public static readonly Text Header = new("📊 Аналитика за {0:dd.MM.yyyy} – {1:dd.MM.yyyy}", "📊 Analytics for {0:dd.MM.yyyy} – {1:dd.MM.yyyy}");
    public static readonly Text DepartmentOnly = new("Отдел: {0}", "Department: {0}");
    public static readonly Text ApprovalsHeader = new("🗂 Согласования", "🗂 Approvals");
    public static readonly Text StepsHeader = new("По шагам (рабочие часы от поступления до решения):", "By step (working hours from arrival to decision):");
    public static readonly Text ApproversHeader = new("По согласующим:", "By approver:");
    public static readonly Text Figure = new("• {0}: решений {1}, медиана {2:0.0} ч, p90 {3:0.0} ч", "• {0}: {1} decided, median {2:0.0} h, p90 {3:0.0} h");
    public static readonly Text Rejections = new(", отклонено {0:0}% ({1} из {2})", ", rejected {0:0}% ({1} of {2})");
    public static readonly Text WaitingNow = new(", ждут {0} (дольше всех {1} — {2:0.0} ч)", ", waiting {0} (longest {1}: {2:0.0} h)");
    public static readonly Text ForOthers = new(", за других {0} ({1})", ", on behalf {0} ({1})");
    public static readonly Text ReasonsHeader = new("Причины отклонения:", "Rejection reasons:");
    public static readonly Text QuickReason = new("• {0} — {1}", "• {0}: {1}");
    public static readonly Text FreeReason = new("• «{0}» — {1} (свой текст)", "• \"{0}\": {1} (free text)");
    public static readonly Text Counters = new("Заморозок: {0} · запросов документов: {1} · эскалаций: {2} · решений за другого: {3}",
        "Freezes: {0} · document requests: {1} · escalations: {2} · decisions on behalf: {3}");
    public static readonly Text NoDecisions = new("За период решений нет.", "No decisions in the period.");
    public static readonly Text DocumentsHeader = new("📑 Документы", "📑 Documents");
    public static readonly Text DurationsHeader = new("Сколько длится статус (медиана / p90, раб. ч):", "Time in status (median / p90, working h):");
    public static readonly Text Duration = new("{0} {1:0.0} / {2:0.0} (n={3})", "{0} {1:0.0} / {2:0.0} (n={3})");
    public static readonly Text StallsHeader = new("Где стоят сейчас:", "Where they stand now:");
    public static readonly Text StallLine = new("• {0}: {1}, дольше всех {2} — {3:0.0} ч, у: {4}", "• {0}: {1}, longest {2}: {3:0.0} h, held by {4}");
    public static readonly Text NoDocuments = new("Документов за период нет.", "No documents in the period.");
    public static readonly Text PrintQueue = new("очередь печати", "the print queue");
    public static readonly Text Usage = new(
        "Аналитика: /stats [неделя|месяц|квартал|год|30д|ДД.ММ.ГГГГ-ДД.ММ.ГГГГ] [согласования|документы]",
        "Analytics: /stats [week|month|quarter|year|30d|DD.MM.YYYY-DD.MM.YYYY] [approvals|documents]");
    public static readonly Text NotAllowed = new(
        "Аналитику видят директор, операционный менеджер, администратор и руководители отделов (по своему отделу).",
        "Analytics is for the director, the ops manager, admins and department heads (their own department).");
    public static readonly Text BadArgument = new("Не понял «{0}». ", "I could not read \"{0}\". ");
}
