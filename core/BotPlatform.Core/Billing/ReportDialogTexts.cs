using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Billing;

public static class ReportDialogProblems
{
    public const string WorkType = "billing.filter_work_type";
    public const string Status = "billing.filter_status";
    public const string NoProjects = "billing.no_projects";
    public const string ClientNotFound = "billing.client_not_found";
    public const string PickProject = "billing.pick_project";
    public const string SeveralClients = "billing.several_clients";

    public static readonly IReadOnlyDictionary<string, Text> Texts = new Dictionary<string, Text>
    {
        [WorkType] = new("Вида работ «{0}» нет в файле организации.", "Work type \"{0}\" is not in the organisation file."),
        [Status] = new("В отчёт попадают только сданные задачи: завершённые или на согласовании у клиента.",
            "A report takes delivered tasks only: done, or waiting for the client's approval."),
        [NoProjects] = new("У клиента {0} нет проектов — отчитываться не о чем. Выберите другого клиента.",
            "Client {0} has no projects: there is nothing to report. Pick another client."),
        [ClientNotFound] = new("Клиент «{0}» не найден. Напишите часть названия или ИНН.", "Client \"{0}\" was not found. Type part of the name or the tax id."),
        [PickProject] = new("Отметьте хотя бы один проект или нажмите «Все проекты».", "Tick at least one project or press \"All projects\"."),
        [SeveralClients] = new("«{0}» подходит нескольким клиентам: {1}. Уточните название или напишите ИНН.",
            "\"{0}\" matches several clients: {1}. Type more of the name or the tax id."),
    };
}

public static class ReportDialogTexts
{
    public static readonly Text AskClient = new("📊 Новый отчёт клиенту. Выберите клиента или напишите часть названия или ИНН:",
        "📊 New client report. Pick the client or type part of its name or tax id:");
    public static readonly Text AskClientTyped = new("📊 Новый отчёт клиенту. Напишите часть названия клиента или ИНН:", "📊 New client report. Type part of the client's name or its tax id:");
    public static readonly Text PickClient = new("Выберите клиента:", "Pick the client:");
    public static readonly Text PickProjects = new("Клиент: {0}. Какие проекты? Отметьте нужные и нажмите «Далее», или «Все проекты».",
        "Client: {0}. Which projects? Tick them and press \"Next\", or \"All projects\".");
    public static readonly Text AllProjects = new("📁 Все проекты", "📁 All projects");
    public static readonly Text Next = new("Далее ➡️", "Next ➡️");
    public static readonly Text AskPeriod = new("Проекты: {0}. За какой период? Кнопка или даты через дефис (01.11.2026-15.11.2026), или месяц (11.2026).",
        "Projects: {0}. Which period? A button, or two dates with a hyphen (01.11.2026-15.11.2026), or a month (11.2026).");
    public static readonly Text ThisMonth = new("Этот месяц ({0})", "This month ({0})");
    public static readonly Text LastMonth = new("Прошлый месяц ({0})", "Last month ({0})");
    public static readonly Text PickWorkTypes = new("Период: {0:dd.MM.yyyy}–{1:dd.MM.yyyy}. Виды работ: отметьте нужные и нажмите «Далее», или «Все виды работ».",
        "Period: {0:dd.MM.yyyy} to {1:dd.MM.yyyy}. Work types: tick them and press \"Next\", or \"All work types\".");
    public static readonly Text AllWorkTypes = new("все виды работ", "all work types");
    public static readonly Text AllWorkTypesButton = new("🧰 Все виды работ", "🧰 All work types");
    public static readonly Text PickStatus = new("Какие задачи взять?", "Which tasks should it take?");
    public static readonly Text DoneOnly = new("✅ Только завершённые", "✅ Done only");
    public static readonly Text DoneAndReview = new("✅+👀 И на согласовании у клиента", "✅+👀 Also those awaiting the client");
    public static readonly Text DoneState = new("завершённые", "done");
    public static readonly Text ClientReviewState = new("на согласовании у клиента", "awaiting the client");
    public static readonly Text FilterLine = new("Фильтр: {0} · задачи: {1}", "Filter: {0} · tasks: {1}");
    public static readonly Text Building = new("Собираю отчёт: {0}, {1}, {2:dd.MM.yyyy}–{3:dd.MM.yyyy}.", "Building the report: {0}, {1}, {2:dd.MM.yyyy} to {3:dd.MM.yyyy}.");
    public static readonly Text CancelButton = new("✖️ Отмена", "✖️ Cancel");
    public static readonly Text Cancelled = new("Отчёт не создан.", "No report was made.");

    public static readonly Text HistoryTitle = new("📚 Отчёты{0}: {1}. Страница {2} из {3}.", "📚 Reports{0}: {1}. Page {2} of {3}.");
    public static readonly Text HistoryEmpty = new("📚 Отчётов{0} нет.", "📚 No reports{0}.");
    public static readonly Text HistoryLine = new("{0} · {1} · {2:dd.MM.yyyy}–{3:dd.MM.yyyy} · {4} · {5}", "{0} · {1} · {2:dd.MM.yyyy}–{3:dd.MM.yyyy} · {4} · {5}");
    public static readonly Text Previous = new("⬅️ Назад", "⬅️ Back");
    public static readonly Text More = new("Дальше ➡️", "More ➡️");
    public static readonly Text PageLink = new("Ссылка для клиента: {0}", "The client's link: {0}");
}
