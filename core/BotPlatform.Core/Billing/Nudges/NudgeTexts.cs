using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Billing.Nudges;

public static class NudgeProblems
{
    public const string NotAllowed = "nudges.not_allowed";
    public const string Usage = "nudges.usage";
    public const string BadPeriod = "nudges.bad_period";
    public const string BadDate = "nudges.bad_date";
    public const string NotActive = "nudges.not_active";
    public const string Conflict = "nudges.conflict";

    public static readonly IReadOnlyDictionary<string, Text> Texts = new Dictionary<string, Text>
    {
        [NotAllowed] = new("Период оплаты проекта задают его руководитель проекта, директор, операционный менеджер или администратор.",
            "A project's billing period is set by its project manager, the director, the operations manager or an admin."),
        [Usage] = new("Как задать период оплаты: /project {0} billing monthly [с даты, например 01.12.2026]; также quarterly, 2m (каждые 2 месяца), 2w (каждые 2 недели). Отключить: /project {0} billing off.",
            "To set the billing period: /project {0} billing monthly [from a date, e.g. 01.12.2026]; also quarterly, 2m (every 2 months), 2w (every 2 weeks). To switch it off: /project {0} billing off."),
        [BadPeriod] = new("Не понял период «{0}». Можно: monthly (ежемесячно), quarterly (ежеквартально), 1m–12m (каждые N месяцев), 2w–26w (каждые N недель) или off.",
            "I did not get the period «{0}». Use monthly, quarterly, 1m-12m (every N months), 2w-26w (every N weeks) or off."),
        [BadDate] = new("Не понял дату начала периода «{0}». Напишите, например, 01.12.2026.", "I did not get the period's start «{0}». Type e.g. 01.12.2026."),
        [NotActive] = new("Проект {0} завершён или отменён: напоминания об оплате ему не нужны.", "Project {0} is completed or cancelled: it needs no payment reminders."),
        [Conflict] = new("Проект только что изменили — повторите команду.", "The project was just changed: send the command again."),
    };
}

public static class NudgeTexts
{
    public static readonly Text Monthly = new("ежемесячно", "monthly");
    public static readonly Text Quarterly = new("ежеквартально", "quarterly");
    public static readonly Text EveryMonths = new("каждые {0} мес.", "every {0} months");
    public static readonly Text EveryWeeks = new("каждые {0} нед.", "every {0} weeks");

    public static readonly Text Set = new(
        "💳 Проект {0}: период оплаты — {1}, с {2:dd.MM.yyyy}. Текущий период заканчивается {3:dd.MM.yyyy}; напоминание клиенту в группе — {4:dd.MM.yyyy HH:mm}, если оплата за следующий период ещё не поступит.",
        "💳 Project {0}: billing period {1}, from {2:dd.MM.yyyy}. The period ends on {3:dd.MM.yyyy}; the client's group is reminded on {4:dd.MM.yyyy HH:mm} unless the payment for the next period is in by then.");
    public static readonly Text Cleared = new("💳 Проект {0}: период оплаты отключён, напоминаний клиенту не будет.", "💳 Project {0}: billing period switched off, the client will not be reminded.");
    public static readonly Text NoGroupWarning = new("⚠️ У проекта нет группы клиента: напоминание придёт вам, напомните клиенту сами (или привяжите группу: /link {0}).",
        "⚠️ The project has no client group: the reminder will come to you to pass on (or link a group: /link {0}).");

    public static readonly Text ToPm = new("💳 {0} «{1}»: клиенту в группе отправлено напоминание об оплате — период заканчивается {2:dd.MM.yyyy}, оплаты за следующий период пока нет.\n\n«{3}»",
        "💳 {0} «{1}»: the client's group was reminded to pay: the period ends on {2:dd.MM.yyyy} and nothing is paid for the next one yet.\n\n«{3}»");
    public static readonly Text NoGroupToPm = new("💳 {0} «{1}»: период оплаты заканчивается {2:dd.MM.yyyy} (рабочих дней до конца: {3}), а оплаты за следующий период пока нет. У проекта нет группы клиента — напомните клиенту об оплате сами.",
        "💳 {0} «{1}»: the billing period ends on {2:dd.MM.yyyy} ({3} working days left) and nothing is paid for the next one yet. The project has no client group: please remind the client yourself.");
}
