using BotPlatform.Core.Localization;

namespace BotPlatform.Core.People;

public static class PeopleTexts
{
    public static readonly Text WelcomeBack = new(
        "С возвращением, {0}! Команды — /help.",
        "Welcome back, {0}! Commands: /help.");
    public static readonly Text Linked = new(
        "Здравствуйте, {0}! Вы в команде «{1}»: {2}. Команды — /help.",
        "Hello, {0}! You are part of {1}: {2}. Commands: /help.");
    public static readonly Text Joined = new(
        "Здравствуйте, {0}! Приглашение принято, ваша роль: {1}. Команды — /help.",
        "Hello, {0}! Invite accepted, your role: {1}. Commands: /help.");
    public static readonly Text PendingWelcome = new(
        "Здравствуйте, {0}! Вас пока нет в списке сотрудников. Администратор получил запрос — дождитесь приглашения.",
        "Hello, {0}! You are not on the staff list yet. An admin has been asked; please wait for an invite.");
    public static readonly Text StillPending = new(
        "Ваш доступ ещё не подтверждён. Дождитесь приглашения от администратора.",
        "Your access is not confirmed yet. Please wait for an invite from an admin.");
    public static readonly Text NotRegistered = new(
        "Сначала нажмите /start.",
        "Please send /start first.");
    public static readonly Text AdminNewcomer = new(
        "Новый человек ждёт доступа: {0}{1}. Отправьте ему приглашение: /invite РОЛЬ [ОТДЕЛ]",
        "A new person is waiting for access: {0}{1}. Send them an invite: /invite ROLE [DEPARTMENT]");
    public static readonly Text AdminJoined = new(
        "{0} присоединился по приглашению: {1}.",
        "{0} joined by invite: {1}.");
    public static readonly Text InviteCreated = new(
        "Приглашение на роль «{0}»{1}. Ссылка одноразовая, действует до {2:dd.MM.yyyy}:\n{3}",
        "Invite for the role \"{0}\"{1}. One-time link, valid until {2:dd.MM.yyyy}:\n{3}");
    public static readonly Text InviteUsage = new(
        "Использование: /invite РОЛЬ [ОТДЕЛ]\nРоли: {0}\nОтделы: {1}",
        "Usage: /invite ROLE [DEPARTMENT]\nRoles: {0}\nDepartments: {1}");
    public static readonly Text WhoAmI = new(
        "Имя: {0}\nОтдел: {1}\nРоли: {2}\nЯзык: {3}{4}",
        "Name: {0}\nDepartment: {1}\nRoles: {2}\nLanguage: {3}{4}");
    public static readonly Text WhoAmIAway = new(
        "\nОтсутствую до {0:dd.MM.yyyy}, замещает {1}",
        "\nAway until {0:dd.MM.yyyy}, substitute: {1}");
    public static readonly Text LanguageSet = new(
        "Готово: теперь я пишу вам по-русски.",
        "Done: I will write to you in English now.");
    public static readonly Text LanguageChoose = new(
        "Выберите язык: /lang ru или /lang en",
        "Choose a language: /lang ru or /lang en");
    public static readonly Text AwayUsage = new(
        "Использование: /away ДАТА @замещающий — например, /away 25.12 @petrov",
        "Usage: /away DATE @substitute, for example /away 25.12 @petrov");
    public static readonly Text AwayAskDate = new(
        "До какого дня включительно вас не будет? Например, 25.12 или 25.12.2026.",
        "Until which day (inclusive) will you be away? For example 25.12 or 25.12.2026.");
    public static readonly Text AwayAskSubstitute = new(
        "Кто вас замещает? Пришлите @username коллеги.",
        "Who substitutes for you? Send your colleague's @username.");
    public static readonly Text AwaySet = new(
        "Готово: до {0:dd.MM.yyyy} включительно ваши задачи получает {1}. {2:dd.MM.yyyy} всё вернётся к вам.",
        "Done: until {0:dd.MM.yyyy} inclusive your tasks go to {1}. On {2:dd.MM.yyyy} they come back to you.");
    public static readonly Text SubstituteNotified = new(
        "{0} отсутствует до {1:dd.MM.yyyy} включительно. На это время вы замещаете его: новые задачи придут вам.",
        "{0} is away until {1:dd.MM.yyyy} inclusive. You substitute for them meanwhile: their new tasks come to you.");
    public static readonly Text AwayEnded = new(
        "Отсутствие закончилось: ваши задачи снова приходят вам.",
        "Your absence has ended: your tasks come to you again.");
    public static readonly Text SubstitutionEnded = new(
        "{0} вернулся(ась): замещение закончено.",
        "{0} is back: your substitution has ended.");
    public static readonly Text Cancelled = new(
        "Отменено.",
        "Cancelled.");
    public static readonly Text NothingToCancel = new(
        "Отменять нечего.",
        "There is nothing to cancel.");

    public static readonly Text AccessClosed = new(
        "Ваш доступ к боту закрыт: вы больше не числитесь в организации. Если это ошибка, обратитесь к администратору.",
        "Your access to the bot is closed: you are no longer listed in the organisation. If this is a mistake, ask an admin.");

    public static readonly IReadOnlyDictionary<string, Text> Problems = new Dictionary<string, Text>
    {
        [PeopleProblems.NotRegistered] = NotRegistered,
        [PeopleProblems.Pending] = StillPending,
        [PeopleProblems.NotAllowed] = new("Эта команда доступна только администраторам.", "Only admins can use this command."),
        [PeopleProblems.UnknownRole] = new("Неизвестная роль «{0}». Роли: {1}", "Unknown role \"{0}\". Roles: {1}"),
        [PeopleProblems.UnknownDepartment] = new("Неизвестный отдел «{0}». Отделы: {1}", "Unknown department \"{0}\". Departments: {1}"),
        [PeopleProblems.InviteUnknown] = new("Приглашение не найдено. Попросите администратора прислать новое.", "This invite does not exist. Ask an admin for a new one."),
        [PeopleProblems.InviteUsed] = new("Это приглашение уже использовано. Попросите администратора прислать новое.", "This invite has already been used. Ask an admin for a new one."),
        [PeopleProblems.InviteExpired] = new("Срок приглашения истёк. Попросите администратора прислать новое.", "This invite has expired. Ask an admin for a new one."),
        [PeopleProblems.UnknownLanguage] = LanguageChoose,
        [PeopleProblems.AwayDateInPast] = new("Эта дата уже прошла. Укажите сегодняшнюю или будущую дату.", "That date has passed. Give today's date or a later one."),
        [PeopleProblems.AwayBadDate] = new("Не понимаю дату «{0}». Напишите, например, 25.12 или 25.12.2026.", "I can't read the date \"{0}\". Write, for example, 25.12 or 25.12.2026."),
        [PeopleProblems.SubstituteUnknown] = new("Не нашёл коллегу «{0}». Пришлите @username сотрудника, который уже пользуется ботом.", "I can't find \"{0}\". Send the @username of a colleague who already uses the bot."),
        [PeopleProblems.SubstituteIsSelf] = new("Нельзя замещать самого себя. Укажите коллегу.", "You can't substitute for yourself. Name a colleague."),
        [PeopleProblems.SubstituteNotActive] = new("{0} ещё не подключился к боту и не может замещать.", "{0} has not joined the bot yet and can't substitute."),
        [PeopleProblems.SubstituteAwayForYou] = new("{0} сам отсутствует и передал задачи вам. Выберите другого коллегу.", "{0} is away and substituted by you. Pick another colleague."),
        [PeopleProblems.NotAway] = new("Вы не отмечены как отсутствующий.", "You are not marked as away."),
        [PeopleProblems.Deactivated] = AccessClosed,
        [PeopleProblems.PersonUnknown] = new("Такого сотрудника нет.", "There is no such person."),
        [PeopleProblems.LastRole] = new("Это единственная роль {0}: сначала дайте другую.", "This is {0}'s only role: give another one first."),
        [PeopleProblems.DepartmentExists] = new("Отдел «{0}» уже есть.", "The department \"{0}\" exists already."),
        [PeopleProblems.DepartmentCode] = new("Код отдела — латинские буквы, цифры, «-» или «_», до 32 знаков: «{0}» не подходит.",
            "A department code is latin letters, digits, '-' or '_', up to 32 characters: \"{0}\" is not one."),
        [PeopleProblems.AlreadyDeactivated] = new("{0} уже деактивирован(а).", "{0} is deactivated already."),
        [PeopleProblems.NoSubstitute] = new("Некому передать дела {0}: выберите замещающего (активного, подключённого к боту).",
            "Nobody to take over {0}'s work: pick a substitute (active and using the bot)."),
    };

    private static readonly IReadOnlyDictionary<Role, Text> RoleTexts = new Dictionary<Role, Text>
    {
        [Role.Admin] = new("администратор", "admin"),
        [Role.OpsManager] = new("операционный менеджер", "operations manager"),
        [Role.FinanceManager] = new("финансовый менеджер", "finance manager"),
        [Role.ChiefAccountant] = new("главный бухгалтер", "chief accountant"),
        [Role.Accountant] = new("бухгалтер", "accountant"),
        [Role.Lawyer] = new("юрист", "lawyer"),
        [Role.Cto] = new("технический директор", "CTO"),
        [Role.Director] = new("директор", "director"),
        [Role.ProjectManager] = new("менеджер проектов", "project manager"),
        [Role.Employee] = new("сотрудник", "employee"),
        [Role.OfficeManager] = new("офис-менеджер", "office manager"),
    };

    public static string RoleName(Role role, Lang lang) => RoleTexts[role].In(lang);

    public static string RoleList(IEnumerable<Role> roles, Lang lang) =>
        string.Join(", ", roles.Select(r => RoleName(r, lang))) is { Length: > 0 } s ? s : "—";

    public static string LanguageName(Lang lang, Lang reader) => lang switch
    {
        Lang.En => reader == Lang.En ? "English" : "английский",
        _ => reader == Lang.En ? "Russian" : "русский",
    };
}
