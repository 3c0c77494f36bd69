using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Projects;

public static class ProjectProblems
{
    public const string NotAllowed = "projects.not_allowed";
    public const string ClientNotFound = "projects.client_not_found";
    public const string DealNotOfClient = "projects.deal_not_of_client";
    public const string ClientIncomplete = "projects.client_incomplete";
    public const string ClientInvalid = "projects.client_invalid";
    public const string UnknownTemplate = "projects.unknown_template";
    public const string NoTemplates = "projects.no_templates";
    public const string TitleRequired = "projects.title_required";
    public const string TitleTooLong = "projects.title_too_long";
    public const string NotFound = "projects.not_found";
    public const string LinkNotAllowed = "projects.link_not_allowed";
    public const string LinkInGroupOnly = "projects.link_group_only";
    public const string OtherClientsGroup = "projects.other_clients_group";
    public const string StaleTask = "projects.stale_task";

    public static readonly IReadOnlyDictionary<string, Text> Texts = new Dictionary<string, Text>
    {
        [NotAllowed] = new("Создавать проекты могут руководитель проектов, директор, операционный менеджер и администратор.",
            "Projects are created by a project manager, the director, the operations manager or an admin."),
        [DealNotOfClient] = new("Эта сделка не принадлежит клиенту {0}: выберите сделку из списка.", "This deal is not {0}'s: pick one from the list."),
        [ClientNotFound] = new("Клиент не найден. Напишите часть названия или ИНН.", "No such client. Type part of the name or the tax id."),
        [ClientIncomplete] = new("Клиента «{0}» пока нельзя передать в производство: сделка без данных клиента не передаётся. Не хватает: {1}. Дополните карточку клиента (/client {2}) и начните снова.",
            "The client «{0}» cannot go to production yet: a deal without the client's data is not passed on. Missing: {1}. Complete the client's record (/client {2}) and start again."),
        [ClientInvalid] = new("У клиента «{0}» есть ошибки в реквизитах — исправьте их (/client {1}) и начните снова.",
            "The client «{0}» has errors in the requisites: fix them (/client {1}) and start again."),
        [UnknownTemplate] = new("Нет такого шаблона проекта: {0}. Есть: {1}.", "No such project template: {0}. Known: {1}."),
        [NoTemplates] = new("В файле организации нет шаблонов проектов (раздел projects: templates).",
            "The organisation file has no project templates (section projects: templates)."),
        [TitleRequired] = new("Название не может быть пустым.", "The title cannot be empty."),
        [TitleTooLong] = new("Название слишком длинное: не больше {0} символов.", "The title is too long: {0} characters at most."),
        [NotFound] = new("Проект {0} не найден.", "Project {0} was not found."),
        [LinkNotAllowed] = new("Привязать группу к проекту может только его руководитель проекта.",
            "Only the project's manager can link a group to it."),
        [LinkInGroupOnly] = new("Команду /link отправьте в группе клиента, куда добавлен бот.",
            "Send /link in the client's group where the bot was added."),
        [StaleTask] = new("Кнопка устарела: задача уже в другом состоянии.", "The button is out of date: the task has moved on."),
        [OtherClientsGroup] = new("Эта группа уже привязана к проекту другого клиента ({0}). В одной группе — проекты одного клиента.",
            "This group is already linked to another client's project ({0}). One group holds projects of one client only."),
    };
}

public static class ProjectTexts
{
    public static readonly Text Usage = new(
        "Проекты:\n/project new — новый проект из шаблона\n/project — мои проекты\n/project НОМЕР — карточка проекта\n/project НОМЕР archive — архив переписки группы клиента\n/project НОМЕР billing monthly|quarterly|off — период оплаты и напоминание клиенту\n/project НОМЕР retainer СУММА|off — абонентская плата\n/project НОМЕР upsell СДЕЛКА [off] — допродажа к проекту",
        "Projects:\n/project new: a new project from a template\n/project: my projects\n/project NUMBER: the project's card\n/project NUMBER archive: the client group's chat archive\n/project NUMBER billing monthly|quarterly|off: the billing period and the client's payment reminder\n/project NUMBER retainer AMOUNT|off: the monthly retainer\n/project NUMBER upsell DEAL [off]: an upsell deal of the project");
    public static readonly Text CardBilling = new("Период оплаты: {0}, с {1:dd.MM.yyyy}", "Billing period: {0}, from {1:dd.MM.yyyy}");
    public static readonly Text AskClient = new("🆕 Новый проект. Для какого клиента? Напишите часть названия или ИНН.",
        "🆕 A new project. For which client? Type part of the name or the tax id.");
    public static readonly Text PickClient = new("Выберите клиента:", "Pick the client:");
    public static readonly Text PickDeal = new("Клиент: {0}\nПо какой сделке проект? Выберите сделку или «Без сделки».",
        "Client: {0}\nWhich deal does the project come from? Pick a deal or «No deal».");
    public static readonly Text NoDealButton = new("Без сделки", "No deal");
    public static readonly Text ConfirmDeal = new("\nСделка: {0}", "\nDeal: {0}");
    public static readonly Text CardDeal = new("Сделка: {0}", "Deal: {0}");
    public static readonly Text PickTemplate = new("Клиент: {0}\nВыберите шаблон проекта:", "Client: {0}\nPick the project template:");
    public static readonly Text AskTitle = new("Шаблон: {0}\nКак назовём проект? Напишите название или нажмите «{1}».",
        "Template: {0}\nWhat is the project called? Type a title or press «{1}».");
    public static readonly Text DefaultTitleButton = new("{0}", "{0}");
    public static readonly Text Confirm = new("Проверьте и создайте проект:\n\nКлиент: {0}\nШаблон: {1}\nНазвание: {2}\nЗадач: {3}, план: {4:dd.MM.yyyy} — {5:dd.MM.yyyy}\nРуководитель проекта: {6}",
        "Check and create the project:\n\nClient: {0}\nTemplate: {1}\nTitle: {2}\nTasks: {3}, plan: {4:dd.MM.yyyy} to {5:dd.MM.yyyy}\nProject manager: {6}");
    public static readonly Text CreateButton = new("✅ Создать проект", "✅ Create the project");
    public static readonly Text CancelButton = new("🚫 Отмена", "🚫 Cancel");
    public static readonly Text Cancelled = new("🚫 Отменено — проект не создан.", "🚫 Cancelled: no project was created.");
    public static readonly Text Created = new("✅ Проект {0} создан.", "✅ Project {0} created.");
    public static readonly Text CreatedAnswer = new("Создан", "Created");
    public static readonly Text NoProjects = new("У вас пока нет проектов. Новый: /project new", "You have no projects yet. A new one: /project new");
    public static readonly Text MyProjects = new("📁 Мои проекты:", "📁 My projects:");
    public static readonly Text PrivateOnly = new("Проекты создаются в личном чате с ботом.", "Projects are created in a private chat with the bot.");

    public static readonly Text CardTitle = new("📁 Проект {0} — {1}", "📁 Project {0}: {1}");
    public static readonly Text CardClient = new("Клиент: {0}", "Client: {0}");
    public static readonly Text CardPm = new("Руководитель проекта: {0}", "Project manager: {0}");
    public static readonly Text CardGroup = new("Группа клиента: {0}", "Client's group: {0}");
    public static readonly Text CardNoGroup = new("Группа клиента: не привязана", "Client's group: not linked");
    public static readonly Text CardPlan = new("План: {0:dd.MM.yyyy} — {1:dd.MM.yyyy}", "Plan: {0:dd.MM.yyyy} to {1:dd.MM.yyyy}");
    public static readonly Text CardHours = new("Часы: план {0}, факт {1}", "Hours: plan {0}, actual {1}");
    public static readonly Text CardTasks = new("Задачи:", "Tasks:");
    public static readonly Text CardTaskLine = new("{0} {1}. {2} — {3}, {4:dd.MM}–{5:dd.MM}, {6} ч", "{0} {1}. {2}: {3}, {4:dd.MM}-{5:dd.MM}, {6} h");
    public static readonly Text CardLate = new(" ⚠️ просрочена", " ⚠️ late");
    public static readonly Text CardLateCount = new("⚠️ Просрочено задач: {0}", "⚠️ Late tasks: {0}");
    public static readonly Text CardMore = new("…и ещё задач: {0}", "…and {0} more tasks");
    public static readonly Text LinkGroupButton = new("🔗 Привязать группу клиента", "🔗 Link the client's group");

    public static readonly Text LinkUsage = new("Напишите в группе клиента: /link НОМЕР_ПРОЕКТА, например /link PRJ-0001.",
        "Write in the client's group: /link PROJECT_NUMBER, e.g. /link PRJ-0001.");
    public static readonly Text GroupWelcome = new(
        "Здравствуйте! Этот чат теперь связан с проектом «{0}». Здесь мы будем сообщать о начале и завершении работ и присылать результаты на согласование.",
        "Hello! This chat is now connected to the project «{0}». Here we will tell you when work starts and ends and send results for your approval.");
    public static readonly Text Linked = new("🔗 Группа «{0}» привязана к проекту {1}.", "🔗 The group «{0}» is linked to project {1}.");
    public static readonly Text AlreadyLinked = new("Группа «{0}» уже привязана к проекту {1}.", "The group «{0}» is already linked to project {1}.");
    public static readonly Text PrivacyOn = new(
        "⚠️ Бот не видит обычные сообщения в группах (включён режим приватности). Команды и ответы боту работают, но архив переписки будет неполным. Отключите режим: @BotFather → /mybots → бот → Bot Settings → Group Privacy → Turn off, затем удалите бота из группы и добавьте снова.",
        "⚠️ The bot cannot see ordinary messages in groups (privacy mode is on). Commands and replies to the bot work, but the chat archive will be incomplete. Turn it off: @BotFather → /mybots → the bot → Bot Settings → Group Privacy → Turn off, then remove the bot from the group and add it again.");

    public static Text State(ProjectTaskState state) => state switch
    {
        ProjectTaskState.Waiting => new("ждёт", "waiting"),
        ProjectTaskState.Ready => new("можно начинать", "ready"),
        ProjectTaskState.InProgress => new("в работе", "in progress"),
        ProjectTaskState.Paused => new("на паузе", "paused"),
        ProjectTaskState.OnReview => new("на проверке", "on review"),
        ProjectTaskState.ClientReview => new("у клиента", "with the client"),
        _ => new("готово", "done"),
    };

    public static string Icon(ProjectTaskState state) => state switch
    {
        ProjectTaskState.Waiting => "⏳",
        ProjectTaskState.Ready => "🟡",
        ProjectTaskState.InProgress => "▶️",
        ProjectTaskState.Paused => "⏸",
        ProjectTaskState.OnReview => "🔍",
        ProjectTaskState.ClientReview => "👀",
        _ => "✅",
    };
}
