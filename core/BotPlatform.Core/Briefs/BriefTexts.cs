using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Briefs;

public static class BriefProblems
{
    public const string NotAllowed = "briefs.not_allowed";
    public const string AlreadySent = "briefs.already_sent";
    public const string NoGroup = "briefs.no_group";
    public const string NoTemplate = "briefs.no_template";
    public const string Stale = "briefs.stale";
    public const string FormsFailed = "briefs.forms_failed";
    public const string FormNoCodeQuestion = "briefs.form_no_code_question";
    public const string AnswerRequired = "briefs.answer_required";
    public const string AnswerTooLong = "briefs.answer_too_long";
    public const string BadPhone = "briefs.bad_phone";
    public const string BadEmail = "briefs.bad_email";
    public const string BadWebsite = "briefs.bad_website";

    public static readonly IReadOnlyDictionary<string, Text> Texts = new Dictionary<string, Text>
    {
        [NotAllowed] = new("Отправить бриф может только руководитель проекта.", "Only a project manager can send the brief."),
        [AlreadySent] = new("Бриф по проекту {0} уже отправлен {1:dd.MM.yyyy} — второй раз он не уходит.",
            "The brief of project {0} was already sent on {1:dd.MM.yyyy}; it is not sent twice."),
        [NoGroup] = new("Сначала привяжите группу клиента к проекту: бриф отправляется туда.",
            "Link the client's group to the project first: the brief is sent there."),
        [NoTemplate] = new("Для шаблона проекта «{0}» в файле организации нет брифа (раздел briefs).",
            "The organisation file has no brief for the project template «{0}» (section briefs)."),
        [Stale] = new("Кнопка устарела: проекта уже нет или он закрыт.", "The button is out of date: the project is gone or closed."),
        [FormsFailed] = new("Не получилось открыть Google Форму брифа — бриф не отправлен. Попробуйте ещё раз через несколько минут.",
            "Could not open the brief's Google Form, so the brief was not sent. Try again in a few minutes."),
        [FormNoCodeQuestion] = new("В Google Форме брифа нет вопроса «{0}» для кода проекта — бриф не отправлен. Добавьте его в форму или поправьте form_code_question в файле организации.",
            "The brief's Google Form has no question «{0}» for the project's code, so the brief was not sent. Add it to the form or fix form_code_question in the organisation file."),
        [AnswerRequired] = new("Напишите, пожалуйста, ответ текстом.", "Please write your answer as text."),
        [AnswerTooLong] = new("Ответ получился слишком длинным: не больше {0} символов, пожалуйста.", "The answer is too long: {0} characters at most, please."),
        [BadPhone] = new("Похоже, это не номер телефона. Напишите его, пожалуйста, цифрами, например +7 900 123-45-67.",
            "That does not look like a phone number. Please write it in digits, e.g. +7 900 123-45-67."),
        [BadEmail] = new("Похоже, это не адрес почты. Напишите его, пожалуйста, в виде name@example.ru.",
            "That does not look like an e-mail address. Please write it as name@example.com."),
        [BadWebsite] = new("Похоже, это не адрес сайта. Напишите его, пожалуйста, в виде example.ru.",
            "That does not look like a website address. Please write it as example.com."),
    };
}

public static class BriefTexts
{
    public static readonly Text SendButton = new("📋 Отправить бриф", "📋 Send the brief");
    public static readonly Text FormButton = new("📋 Заполнить бриф", "📋 Fill in the brief");
    public static readonly Text SentAnswer = new("Бриф отправлен", "Brief sent");

    public static readonly Text GreetingTelegram = new(
        "Здравствуйте! Меня зовут {0}, я руководитель вашего проекта «{1}».\n\nЧтобы начать работу, нам важно лучше узнать ваш бизнес и задачи. Пожалуйста, ответьте прямо здесь, в чате, на несколько коротких вопросов ({2}) — я буду задавать их по одному. Ответить может любой из вас.\n\nС уважением, {0}",
        "Hello! My name is {0}, I am the manager of your project «{1}».\n\nTo start the work we would like to know your business and goals better. Please answer a few short questions ({2}) right here in the chat; I will ask them one at a time. Any of you can answer.\n\nKind regards, {0}");
    public static readonly Text GreetingForm = new(
        "Здравствуйте! Меня зовут {0}, я руководитель вашего проекта «{1}».\n\nЧтобы начать работу, нам важно лучше узнать ваш бизнес и задачи. Пожалуйста, заполните короткий бриф — это займёт 5–10 минут:\n{2}\n\nС уважением, {0}",
        "Hello! My name is {0}, I am the manager of your project «{1}».\n\nTo start the work we would like to know your business and goals better. Please fill in a short brief; it takes 5 to 10 minutes:\n{2}\n\nKind regards, {0}");
    public static readonly Text Question = new("Вопрос {0} из {1}: {2}", "Question {0} of {1}: {2}");
    public static readonly Text OptionalHint = new("(если нечего сказать, ответьте «-»)", "(if there is nothing to say, answer «-»)");
    public static readonly Text Completed = new(
        "Мы получили заполненный бриф. Теперь у нас есть вся необходимая информация и мы сможем приступить к работе.",
        "We have received your brief. We now have all the information we need and can start the work.");
    public static readonly Text Reminder = new(
        "К сожалению, вы не заполнили бриф. Какие есть сложности? Как мы можем помочь?",
        "Unfortunately, the brief has not been filled in yet. Is anything in the way? How can we help?");

    public static readonly Text SentToPm = new("📋 Бриф по проекту {0} отправлен в группу «{1}» ({2}). Если клиент не ответит за 2 рабочих дня, бот напомнит ему один раз и скажет вам.",
        "📋 The brief of project {0} was sent to the group «{1}» ({2}). If the client does not answer within 2 working days, the bot reminds them once and tells you.");
    public static readonly Text ModeTelegram = new("вопросы в чате", "questions in the chat");
    public static readonly Text ModeForms = new("Google Форма", "a Google Form");
    public static readonly Text CompletedToPm = new("📋 Клиент {0} — проект {1} заполнил бриф.\n\n{2}", "📋 Client {0}, project {1}: the brief is filled in.\n\n{2}");
    public static readonly Text CopiedToClient = new("В карточку клиента записано: {0}.", "Copied to the client's record: {0}.");
    public static readonly Text NotCopied = new("⚠️ Не записано в карточку (не подходит): {0}.", "⚠️ Not copied to the record (does not fit): {0}.");
    public static readonly Text ReminderToPm = new("⏰ Клиент {0} не заполнил бриф по проекту {1} за 2 рабочих дня. Мы напомнили в группе и спросили, чем помочь.",
        "⏰ Client {0} has not filled in the brief of project {1} within 2 working days. We reminded them in the group and asked how we can help.");

    public static readonly Text CardNotSent = new("Бриф: не отправлен", "Brief: not sent");
    public static readonly Text CardSent = new("Бриф: отправлен {0:dd.MM.yyyy}, ждём ответа ({1})", "Brief: sent {0:dd.MM.yyyy}, waiting for the answer ({1})");
    public static readonly Text CardCompleted = new("Бриф: заполнен {0:dd.MM.yyyy}", "Brief: filled in {0:dd.MM.yyyy}");

    public static Text FieldName(string field) => field switch
    {
        BriefFields.ContactPerson => new("контактное лицо", "contact person"),
        BriefFields.Phone => new("телефон", "phone"),
        BriefFields.Email => new("почта", "e-mail"),
        BriefFields.Website => new("сайт", "website"),
        BriefFields.Accounts => new("доступы к аккаунтам", "account access"),
        BriefFields.Goals => new("цели", "goals"),
        BriefFields.Audience => new("аудитория", "audience"),
        BriefFields.Competitors => new("конкуренты", "competitors"),
        BriefFields.Budget => new("бюджет", "budget"),
        _ => new("заметки", "notes"),
    };
}
