using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Analytics.Digest;

public static class DigestTexts
{
    public static readonly Text Header = new("🗓 Недельная сводка за {0:dd.MM} – {1:dd.MM.yyyy}", "🗓 Weekly digest for {0:dd.MM} – {1:dd.MM.yyyy}");
    public static readonly Text WeekLine = new("Решений: {0} (неделей раньше {1}); медиана {2:0.0} ч ({3:0.0}); p90 {4:0.0} ч ({5:0.0}); отклонено {6:0}% ({7:0}%)",
        "Decisions: {0} (the week before {1}); median {2:0.0} h ({3:0.0}); p90 {4:0.0} h ({5:0.0}); rejected {6:0}% ({7:0}%)");
    public static readonly Text SlowestHeader = new("Самые медленные шаги (медиана):", "Slowest steps (median):");
    public static readonly Text SlowestLine = new("{0}. {1} — {2:0.0} ч (p90 {3:0.0} ч, решений {4})", "{0}. {1}: {2:0.0} h (p90 {3:0.0} h, {4} decided)");
    public static readonly Text WaitingHeader = new("Дольше всех ждут:", "Waiting longest:");
    public static readonly Text WaitingLine = new("• {0} «{1}» — {2:0.0} раб. ч, у: {3}", "• {0} \"{1}\": {2:0.0} working h, with {3}");
    public static readonly Text NothingWaits = new("Сейчас ничего не ждёт решения.", "Nothing waits for a decision now.");
    public static readonly Text ReasonsHeader = new("Причины отклонения:", "Rejection reasons:");
    public static readonly Text ReasonLine = new("• {0} — {1}", "• {0}: {1}");
    public static readonly Text NoRejections = new("Отклонений за неделю не было.", "No rejections this week.");
    public static readonly Text ApproverChart = new("Время решения по согласующим (медиана, раб. ч)", "Decision time by approver (median, working h)");
    public static readonly Text StatusChart = new("Документы по статусам сейчас", "Documents by status now");
    public static readonly Text Hours = new("раб. ч", "working h");
    public static readonly Text Count = new("шт.", "count");
    public static readonly Text FileName = new("Решения {0:yyyy-MM-dd} – {1:yyyy-MM-dd}.xlsx", "Decisions {0:yyyy-MM-dd} – {1:yyyy-MM-dd}.xlsx");
    public static readonly Text FileCaption = new("Все решения недели, строка на решение — для сводных таблиц", "Every decision of the week, a row each, for pivot tables");
    public static readonly Text Sheet = new("Решения", "Decisions");
    public static readonly string[] ColumnsRu =
        ["Номер", "Вид", "Отдел", "Шаг", "Кто решил", "За кого", "Поступило", "Решено", "Рабочих часов", "Решение", "Причина", "Напоминаний", "Эскалация"];
    public static readonly string[] ColumnsEn =
        ["Number", "Kind", "Department", "Step", "Decided by", "On behalf of", "Received", "Decided", "Working hours", "Decision", "Reason", "Reminders", "Escalated"];
}
