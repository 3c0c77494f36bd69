using BotPlatform.Core.Localization;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.Menus;

/// <summary>A heading of /help and the order of the menu: commands are listed section by section.</summary>
public sealed record CommandSection(int Order, Text Title)
{
    public static readonly CommandSection Requests = new(10, new("Заявки", "Requests"));
    public static readonly CommandSection Documents = new(20, new("Документы", "Documents"));
    public static readonly CommandSection ClientsAndDeals = new(30, new("Клиенты и сделки", "Clients and deals"));
    public static readonly CommandSection Projects = new(40, new("Проекты", "Projects"));
    public static readonly CommandSection Time = new(50, new("Время", "Time"));
    public static readonly CommandSection MailAndPrinting = new(60, new("Почта и печать", "Mail and printing"));
    public static readonly CommandSection Reports = new(70, new("Отчёты", "Reports"));
    public static readonly CommandSection People = new(80, new("Люди", "People"));
    public static readonly CommandSection Administration = new(90, new("Администрирование", "Administration"));
    public static readonly CommandSection General = new(100, new("Общее", "General"));
}

/// <summary>
/// One command of the bot: its section, its description in both languages, and who sees it in their menu.
/// Seeing is not permission: every handler still checks the presser's right to act.
/// </summary>
/// <param name="Name">Without the slash: 1-32 lowercase latin letters, digits, underscores.</param>
/// <param name="Description">The menu's line (at most 256 characters); /help shows it too.</param>
public sealed record CatalogueCommand(string Name, CommandSection Section, Text Description)
{
    /// <summary>Holders of any of these roles see it; empty: every active person.</summary>
    public IReadOnlyList<Role> Roles { get; init; } = [];

    /// <summary>In staff's own menus (false for /start, which only newcomers need).</summary>
    public bool Staff { get; init; } = true;

    /// <summary>In the default menu of people the bot does not know yet (and of pending newcomers).</summary>
    public bool Visitors { get; init; }

    /// <summary>In the short menu of groups (client project chats), described by <see cref="GroupDescription"/>.</summary>
    public bool Groups => GroupDescription is not null;

    /// <summary>The group menu's line, written for the client and the PM; null: not in groups.</summary>
    public Text? GroupDescription { get; init; }

    public bool IsFor(Person person) =>
        Staff && person.IsActive && (Roles.Count == 0 || Roles.Any(person.Has));
}

/// <summary>
/// Every command the bot offers, the one list behind /help, each person's menu (setMyCommands with
/// a chat scope), the client groups' menu and the default menu. Adding a command is one entry here
/// (plus its handler); CommandCatalogueTests checks that every handler has an entry and back.
/// </summary>
public static class CommandCatalogue
{
    /// <summary>Whoever sells (an account manager is an employee) and who bills the deals.</summary>
    private static readonly Role[] Sellers =
    [
        Role.Employee, Role.ProjectManager, Role.Director, Role.OpsManager, Role.Admin,
        Role.FinanceManager, Role.ChiefAccountant, Role.Accountant,
    ];

    public static readonly IReadOnlyList<CatalogueCommand> All =
    [
        // Заявки
        new("pay", CommandSection.Requests, new("Заявка на оплату", "Payment request")),
        new("contract", CommandSection.Requests, new("Согласовать договор", "Contract approval")),
        new("inbox", CommandSection.Requests, new("Что ждёт моего решения", "What waits for my decision")),
        new("my", CommandSection.Requests, new("Мои заявки", "My requests")),
        new("request", CommandSection.Requests, new("Заявка по номеру (без номера — мои последние)", "A request by number (without one: my latest)")),
        new("find", CommandSection.Requests, new("Поиск заявок: /find Ромашка", "Find requests: /find Acme")),

        // Документы
        new("docs", CommandSection.Documents, new("Реестр документов: статусы, виды и клиенты кнопками", "Document registry: statuses, kinds and clients as buttons")),
        new("doc", CommandSection.Documents, new("Документ по номеру (без номера — мои последние)", "A document by number (without one: my latest)")),
        new("generate", CommandSection.Documents, new("Документы по сделке: /generate СДЛ-2026-0001", "A deal's documents: /generate СДЛ-2026-0001"))
            { Roles = Sellers },
        new("template", CommandSection.Documents, new("Шаблоны документов; образец: /template КОД preview", "Document templates; a sample: /template CODE preview"))
            { Roles = [Role.Admin, Role.Lawyer, Role.Director] },

        // Клиенты и сделки
        new("client", CommandSection.ClientsAndDeals, new("Клиенты: /client new, /client import, /client ИНН или название",
            "Clients: /client new, /client import, /client TAX-ID or name")),
        new("deal", CommandSection.ClientsAndDeals, new("Сделки: /deal new, /deal СДЛ-2026-0001, история: /deal СДЛ-2026-0001 history",
            "Deals: /deal new, /deal СДЛ-2026-0001, history: /deal СДЛ-2026-0001 history"))
            { Roles = Sellers },

        // Проекты
        new("project", CommandSection.Projects, new("Проекты: /project new, /project, /project PRJ-0001, /project PRJ-0001 archive|billing|retainer|upsell",
            "Projects: /project new, /project, /project PRJ-0001, /project PRJ-0001 archive|billing|retainer|upsell")),
        new("link", CommandSection.Projects, new("В группе клиента: /link PRJ-0001 — привязать группу к проекту",
            "In the client's group: /link PRJ-0001 links the group to the project"))
            { Roles = [Role.ProjectManager, Role.Director, Role.OpsManager, Role.Admin] },
        new("task", CommandSection.Projects, new("В группе клиента: /task ответом на сообщение клиента — задача в проект",
            "In the client's group: /task as a reply to the client's message makes a task of the project")),

        new("time", CommandSection.Time, new("Время: /time — моя неделя; /time PRJ-0001#2 1,5 комментарий; /time edit ЗАПИСЬ 2",
            "Time: /time my week; /time PRJ-0001#2 1.5 comment; /time edit ENTRY 2")),
        new("billable", CommandSection.Time, new("Оплачиваемость задачи: /billable PRJ-0001#2 нет|да причина",
            "Task billability: /billable PRJ-0001#2 no|yes reason"))
            { Roles = [Role.ProjectManager, Role.Director, Role.Admin] },

        // Почта и печать
        new("envelope", CommandSection.MailAndPrinting, new("Опись вложения: /envelope Д-2026-0001 СЧ-2026-0001", "Envelope inventory: /envelope Д-2026-0001 СЧ-2026-0001"))
            { Roles = [Role.Admin, Role.OfficeManager, Role.Lawyer, Role.ChiefAccountant, Role.Accountant, Role.ProjectManager] },
        new("scan", CommandSection.MailAndPrinting, new("Почта по штрихкодам: /scan out КОДЫ (отправка), /scan in КОДЫ (возврат), фото штрихкода после /scan out|in",
            "Mail by barcode: /scan out CODES (outgoing), /scan in CODES (returns), a photo of a barcode after /scan out|in"))
            { Roles = [Role.OfficeManager, Role.Admin, Role.OpsManager] },
        new("mail", CommandSection.MailAndPrinting, new("Журнал почты: /mail [ДАТА|ДАТА-ДАТА|week|month] [out|in] и .xlsx",
            "Mail register: /mail [DATE|DATE-DATE|week|month] [out|in] and .xlsx"))
            { Roles = [Role.OfficeManager, Role.Admin, Role.OpsManager] },
        new("unreturned", CommandSection.MailAndPrinting, new("Не вернувшиеся оригиналы по давности и клиентам", "Originals not back yet, by age and client")),
        new("agent", CommandSection.MailAndPrinting, new("Агенты печати: /agent, /agent new ИМЯ, /agent ИМЯ revoke", "Printing agents: /agent, /agent new NAME, /agent NAME revoke"))
            { Roles = [Role.Admin, Role.OfficeManager] },

        // Отчёты
        new("route", CommandSection.Reports, new("Маршрутный лист (PDF): /route ЗО-2026-0001 или номер документа",
            "Route sheet (PDF): /route ЗО-2026-0001 or a document number")),
        new("register", CommandSection.Reports, new("Реестр платежей: /register [ДД.ММ.ГГГГ]", "Payment register: /register [DD.MM.YYYY]"))
            { Roles = [Role.ChiefAccountant, Role.Accountant, Role.FinanceManager, Role.Director, Role.Admin] },
        new("income", CommandSection.Reports, new("Записать поступление денег", "Record income"))
            { Roles = [Role.Director, Role.OpsManager, Role.FinanceManager, Role.ChiefAccountant, Role.Accountant, Role.Admin] },
        new("expense", CommandSection.Reports, new("Записать расход", "Record an expense"))
            { Roles = [Role.Director, Role.OpsManager, Role.FinanceManager, Role.ChiefAccountant, Role.Accountant, Role.Admin] },
        new("pnl", CommandSection.Reports, new("Прибыли и убытки: /pnl [проект|клиент] [период]", "Profit and loss: /pnl [project|client] [period]"))
            { Roles = [Role.Director, Role.OpsManager, Role.FinanceManager, Role.Admin] },
        // Department heads may use it too (their department); the menu shows it to the roles that see everything.
        new("stats", CommandSection.Reports, new("Аналитика: /stats [неделя|месяц|квартал] [согласования|документы]",
            "Analytics: /stats [week|month|quarter] [approvals|documents]"))
            { Roles = [Role.Director, Role.OpsManager, Role.Admin] },

        new("report", CommandSection.Reports, new("Отчёт клиенту по часам: /report new (пошагово) или /report new PRJ-0001 11.2026",
            "Hourly report to a client: /report new (step by step) or /report new PRJ-0001 11.2026"))
            { Roles = [Role.ProjectManager, Role.Director, Role.OpsManager, Role.Admin] },
        new("reports", CommandSection.Reports, new("Все отчёты клиентам: /reports [клиент] [период] [статус]",
            "Every client report: /reports [client] [period] [status]"))
            { Roles = [Role.ProjectManager, Role.Director, Role.OpsManager, Role.Admin] },
        new("paid", CommandSection.Reports, new("Оплата счёта: /paid СЧ-2026-0001 [ДАТА] [СУММА] — частичные оплаты сохраняются",
            "Invoice payment: /paid СЧ-2026-0001 [DATE] [AMOUNT]; partial payments are kept"))
            { Roles = [Role.ChiefAccountant, Role.Accountant] },

        // Люди
        new("whoami", CommandSection.People, new("Кто я: отдел, роли, язык", "Who am I: department, roles, language")),
        new("away", CommandSection.People, new("Отсутствие и замещающий: /away 25.12 @коллега", "Away with a substitute: /away 25.12 @colleague")),

        // Администрирование
        new("people", CommandSection.Administration, new("Сотрудники: роли, отделы, деактивация", "People: roles, departments, deactivation"))
            { Roles = [Role.Admin] },
        new("department", CommandSection.Administration, new("Отделы: /department new КОД Название, rename", "Departments: /department new CODE Name, rename"))
            { Roles = [Role.Admin] },
        new("invite", CommandSection.Administration, new("Приглашение: /invite РОЛЬ [ОТДЕЛ]", "Invite: /invite ROLE [DEPARTMENT]"))
            { Roles = [Role.Admin] },
        new("admin", CommandSection.Administration, new("Состояние бота: сбои, заблокировавшие бота", "Bot health: failures, people who blocked the bot"))
            { Roles = [Role.Admin] },

        // Общее
        new("start", CommandSection.General, new("Начать работу с ботом", "Start using the bot")) { Staff = false, Visitors = true },
        new("lang", CommandSection.General, new("Язык: русский или английский", "Language: Russian or English")) { Visitors = true },
        new("cancel", CommandSection.General, new("Выйти из текущего диалога", "Leave the current dialog")),
        new("help", CommandSection.General, new("Список команд", "List of commands"))
        {
            Visitors = true,
            GroupDescription = new("Что бот умеет в этом чате", "What the bot does in this chat"),
        },
    ];

    /// <summary>What a registered, active person sees, section by section.</summary>
    public static IReadOnlyList<CatalogueCommand> For(Person person) => Ordered(All.Where(c => c.IsFor(person)));

    /// <summary>The default menu: people the bot does not know yet, or who wait for an admin.</summary>
    public static IReadOnlyList<CatalogueCommand> ForVisitors() => Ordered(All.Where(c => c.Visitors));

    /// <summary>The short menu of groups (client project chats).</summary>
    public static IReadOnlyList<CatalogueCommand> ForGroups() => Ordered(All.Where(c => c.Groups));

    public static CatalogueCommand? Find(string name) => All.FirstOrDefault(c => c.Name == name);

    private static IReadOnlyList<CatalogueCommand> Ordered(IEnumerable<CatalogueCommand> commands) =>
        commands.Select((c, i) => (c, i)).OrderBy(x => x.c.Section.Order).ThenBy(x => x.i).Select(x => x.c).ToArray();
}
