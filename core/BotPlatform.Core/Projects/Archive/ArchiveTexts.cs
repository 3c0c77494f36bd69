using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Projects.Archive;

public static class ArchiveProblems
{
    public const string NotAllowed = "archive.not_allowed";
    public const string NoGroup = "archive.no_group";
    public const string TaskNotStaff = "archive.task_not_staff";
    public const string TaskNotReply = "archive.task_not_reply";
    public const string TaskGroupOnly = "archive.task_group_only";
    public const string TaskNotLinked = "archive.task_not_linked";
    public const string TaskWhichProject = "archive.task_which_project";
    public const string TaskProjectNotHere = "archive.task_project_not_here";
    public const string TaskBotMessage = "archive.task_bot_message";
    public const string TaskNoText = "archive.task_no_text";
    public const string TaskExists = "archive.task_exists";
    public const string TaskNotAllowed = "archive.task_not_allowed";

    public static readonly IReadOnlyDictionary<string, Text> Texts = new Dictionary<string, Text>
    {
        [NotAllowed] = new("Архив переписки проекта {0} доступен его руководителю проекта, исполнителям его задач, директору, операционному менеджеру и администратору.",
            "The chat archive of project {0} is open to its project manager, the people on its tasks, the director, the operations manager and admins."),
        [NoGroup] = new("К проекту {0} не привязана группа клиента — архива пока нет.", "Project {0} has no client group linked yet, so there is no archive."),
        [TaskNotStaff] = new("Задачи из сообщений ставят сотрудники агентства.", "Tasks from messages are made by the agency's staff."),
        [TaskNotReply] = new("Ответьте командой /task на сообщение клиента — задача получит его текст и ссылку на него.",
            "Reply with /task to the client's message: the task gets its text and a link to it."),
        [TaskGroupOnly] = new("/task работает в группе клиента: ответьте ею на сообщение клиента.",
            "/task works in the client's group: reply with it to the client's message."),
        [TaskNotLinked] = new("Эта группа не привязана к проекту. Сначала: /link НОМЕР_ПРОЕКТА.", "This group is not linked to a project. First: /link PROJECT_NUMBER."),
        [TaskWhichProject] = new("В этой группе несколько проектов: {0}. Укажите, в какой поставить задачу: /task НОМЕР_ПРОЕКТА.",
            "This group holds several projects: {0}. Name the one for the task: /task PROJECT_NUMBER."),
        [TaskProjectNotHere] = new("Проект {0} не привязан к этой группе. Здесь: {1}.", "Project {0} is not linked to this group. Here: {1}."),
        [TaskBotMessage] = new("Задачу ставят из сообщения клиента, а не бота.", "A task is made from the client's message, not from the bot's."),
        [TaskNoText] = new("В сообщении нет текста — задаче не из чего взять название.", "The message has no text to take the task's title from."),
        [TaskExists] = new("Из этого сообщения уже поставлена задача {0}#{1} «{2}».", "This message is already task {0}#{1} «{2}»."),
        [TaskNotAllowed] = new("Поставить задачу в проект {0} может его руководитель проекта или исполнитель его задач.",
            "A task in project {0} is made by its project manager or someone working on its tasks."),
    };
}

public static class ArchiveTexts
{
    public static readonly Text Caption = new("🗂 Архив переписки проекта {0} «{1}»: сообщений — {2}. Откройте файл в браузере.",
        "🗂 The chat archive of project {0} «{1}»: {2} messages. Open the file in a browser.");
    public static readonly Text Empty = new("В архиве проекта {0} пока нет сообщений.", "The archive of project {0} holds no messages yet.");

    public static readonly Text Title = new("Архив переписки — {0} «{1}»", "Chat archive: {0} «{1}»");
    public static readonly Text Client = new("Клиент", "Client");
    public static readonly Text Groups = new("Группа", "Group");
    public static readonly Text Period = new("Период", "Period");
    public static readonly Text Count = new("Сообщений", "Messages");
    public static readonly Text Exported = new("Выгружено", "Exported");
    public static readonly Text ExportedBy = new("{0}, {1}", "{0}, {1}");
    public static readonly Text KeptNote = new(
        "Архив хранит всё, что бот видел в группе: удалённые в Telegram сообщения остаются здесь, у изменённых показаны прежние версии.",
        "The archive keeps everything the bot saw in the group: messages deleted in Telegram stay here, edited ones show their earlier versions.");
    public static readonly Text PrivacyNote = new(
        "⚠️ У бота включён режим приватности: он видит в группах только команды и ответы на свои сообщения, поэтому архив неполон. Отключите его в @BotFather (Bot Settings → Group Privacy → Turn off).",
        "⚠️ The bot's privacy mode is on: in groups it sees only commands and replies to its messages, so the archive is incomplete. Turn it off in @BotFather (Bot Settings → Group Privacy → Turn off).");
    public static readonly Text Staff = new("агентство", "agency");
    public static readonly Text ClientSide = new("клиент", "client");
    public static readonly Text Bot = new("бот", "bot");
    public static readonly Text Edited = new("изменено {0}", "edited {0}");
    public static readonly Text EarlierVersions = new("Прежние версии", "Earlier versions");
    public static readonly Text Original = new("исходное, {0}", "original, {0}");
    public static readonly Text Version = new("версия от {0}", "version of {0}");
    public static readonly Text ReplyTo = new("В ответ на {0}", "In reply to {0}");
    public static readonly Text ReplyUnknown = new("сообщение, которого нет в архиве", "a message not in the archive");
    public static readonly Text Forwarded = new("Переслано от {0}", "Forwarded from {0}");
    public static readonly Text FromQuote = new("известно только по цитате в ответе", "known only from a reply's quote");
    public static readonly Text Joined = new("{0} присоединяется к группе", "{0} joined the group");
    public static readonly Text Left = new("{0} покидает группу", "{0} left the group");
    public static readonly Text Renamed = new("{0} переименовывает группу в «{1}»", "{0} renamed the group to «{1}»");
    public static readonly Text NoText = new("(без текста)", "(no text)");
    public static readonly Text TaskMade = new("📌 задача {0}", "📌 task {0}");

    public static Text FileKind(string kind) => kind switch
    {
        "photo" => new("фото", "photo"),
        "video" => new("видео", "video"),
        "voice" => new("голосовое сообщение", "voice message"),
        "audio" => new("аудио", "audio"),
        "sticker" => new("стикер", "sticker"),
        "animation" => new("анимация", "animation"),
        "video_note" => new("видеосообщение", "video message"),
        "contact" => new("контакт", "contact"),
        "location" => new("место на карте", "location"),
        "poll" => new("опрос", "poll"),
        _ => new("файл", "file"),
    };

    public static readonly Text TaskCreatedInGroup = new("📌 Записали: «{0}». {1} возьмёт это в работу и сообщит о результате здесь.",
        "📌 Noted: «{0}». {1} will take it on and report back here.");
    public static readonly Text TaskCreatedToPm = new("📌 {0} поставил(а) задачу из сообщения клиента в группе: {1}#{2} «{3}».",
        "📌 {0} made a task from the client's message in the group: {1}#{2} «{3}».");
    public static readonly Text TaskInstruction = new("Просьба клиента ({0}, {1:dd.MM.yyyy HH:mm}):\n{2}", "The client's request ({0}, {1:dd.MM.yyyy HH:mm}):\n{2}");
    public static readonly Text TaskLink = new("Сообщение в группе: {0}", "The message in the group: {0}");
    public static readonly Text TaskResult = new("Ответ клиенту в группе по его просьбе", "An answer to the client in the group about the request");
}
