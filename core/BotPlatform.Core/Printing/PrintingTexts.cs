using BotPlatform.Core.Localization;
using BotPlatform.Core.Printing.Agents;

namespace BotPlatform.Core.Printing;

public static class PrintingTexts
{
    public static readonly Text FailedForGood = new(
        "🖨❌ Не удалось напечатать {0} после {1} попыток: {2}. Проверьте принтер и агента печати (/agent).",
        "🖨❌ {0} could not be printed after {1} attempts: {2}. Check the printer and the printing agent (/agent).");

    public static string JobName(PrintJob job, Lang lang) => job.Printer == PrintJob.LabelsPrinter
        ? (lang == Lang.En ? "the address label for " : "адресную наклейку для ") + job.DocumentNumber
        : (lang == Lang.En ? "document " : "документ ") + job.DocumentNumber;

    public static readonly Text AgentUsage = new(
        "Агенты печати:\n/agent — список\n/agent new ИМЯ — новый агент и его токен\n/agent ИМЯ revoke — отозвать токен",
        "Printing agents:\n/agent — the list\n/agent new NAME — a new agent and its token\n/agent NAME revoke — revoke its token");

    public static readonly Text AgentCreated = new(
        "🖨 Агент «{0}» зарегистрирован. Его токен (показывается один раз, сохраните его в настройках агента как Agent__Token):\n\n{1}\n\nАдрес сервера для агента: Agent__ServerUrl. Отозвать: /agent {0} revoke",
        "🖨 Agent “{0}” is registered. Its token (shown once; put it in the agent's settings as Agent__Token):\n\n{1}\n\nThe server's address for the agent: Agent__ServerUrl. To revoke: /agent {0} revoke");

    public static readonly Text AgentRevoked = new("🚫 Токен агента «{0}» отозван: агент больше не получает задания.",
        "🚫 Agent “{0}”'s token is revoked: it gets no more jobs.");

    public static readonly Text NoAgents = new("Агентов печати пока нет. Зарегистрировать: /agent new ИМЯ", "No printing agents yet. Register one: /agent new NAME");
    public static readonly Text AgentsTitle = new("🖨 Агенты печати:", "🖨 Printing agents:");
    public static readonly Text AgentLine = new("• {0} — {1}; в очереди: {2}", "• {0} — {1}; waiting: {2}");
    public static readonly Text AgentRevokedMark = new("отозван", "revoked");
    public static readonly Text NeverSeen = new("ещё не выходил на связь", "never seen");
    public static readonly Text LastSeen = new("на связи {0:dd.MM.yyyy HH:mm}", "last seen {0:dd.MM.yyyy HH:mm}");
    public static readonly Text PrinterLine = new("   {0} ({1}): {2}", "   {0} ({1}): {2}");

    public static Text KindName(string kind) => kind == PrinterKinds.Label ? new("наклейки", "labels") : new("документы", "documents");

    public static readonly IReadOnlyDictionary<string, Text> Problems = new Dictionary<string, Text>
    {
        [AgentProblems.NotAllowed] = new("Агентов печати регистрирует и отзывает администратор.", "Printing agents are registered and revoked by an admin."),
        [AgentProblems.BadName] = new("Имя агента «{0}»: до 40 букв, цифр, точек, дефисов и подчёркиваний, без пробелов. Например: /agent new office-1",
            "Agent name “{0}”: up to 40 letters, digits, dots, dashes and underscores, no spaces. E.g. /agent new office-1"),
        [AgentProblems.NameTaken] = new("Агент «{0}» уже есть. Выберите другое имя.", "Agent “{0}” already exists. Pick another name."),
        [AgentProblems.NotFound] = new("Агента «{0}» нет. Список: /agent", "There is no agent “{0}”. The list: /agent"),
        [AgentProblems.AlreadyRevoked] = new("Токен агента «{0}» уже отозван.", "Agent “{0}”'s token is already revoked."),
    };
}
