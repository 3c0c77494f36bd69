using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Billing;

public static class BillingProblems
{
    public const string Usage = "billing.usage";
    public const string NotAllowed = "billing.not_allowed";
    public const string Period = "billing.period";
    public const string Target = "billing.target";
    public const string MixedClients = "billing.mixed_clients";
    public const string NoWork = "billing.no_work";
    public const string Stale = "billing.stale";
    public const string NotFound = "billing.not_found";
    public const string BillableUsage = "billing.billable_usage";
    public const string TaskNotFound = "billing.task_not_found";
    public const string NotPm = "billing.not_pm";
    public const string InReport = "billing.in_report";
    public const string LacksRate = "billing.lacks_rate";
    public const string NoGroup = "billing.no_group";
    public const string NotClient = "billing.not_client";
    public const string QuestionRequired = "billing.question_required";
    public const string AlreadyBillable = "billing.already_billable";
    public const string AlreadyNotBillable = "billing.already_not_billable";

    public static readonly IReadOnlyDictionary<string, Text> Texts = new Dictionary<string, Text>
    {
        [Usage] = new("Отчёт по часам: /report new ПРОЕКТЫ ПЕРИОД — например /report new PRJ-0001 11.2026, /report new PRJ-0001,PRJ-0002 01.11.2026-15.11.2026 или /report new ИНН_КЛИЕНТА 11.2026 (все проекты клиента).",
            "Hourly report: /report new PROJECTS PERIOD, e.g. /report new PRJ-0001 11.2026, /report new PRJ-0001,PRJ-0002 01.11.2026-15.11.2026 or /report new CLIENT_TAX_ID 11.2026 (all the client's projects)."),
        [NotAllowed] = new("Отчёты клиентам готовят руководитель проекта, директор, операционный менеджер и администратор.",
            "Client reports are made by the project manager, the director, the operations manager and admins."),
        [Period] = new("Период «{0}» не понят. Пишите месяц (11.2026) или даты через дефис (01.11.2026-30.11.2026); начало не позже конца, не больше года.",
            "Period \"{0}\" is not understood. Write a month (11.2026) or two dates with a hyphen (01.11.2026-30.11.2026); the start not after the end, at most a year."),
        [Target] = new("Не нашёл «{0}»: укажите номер проекта (PRJ-0001) или ИНН клиента.", "\"{0}\" was not found: give a project number (PRJ-0001) or the client's tax id."),
        [MixedClients] = new("Проекты {0} принадлежат разным клиентам: один отчёт — один клиент.", "Projects {0} belong to different clients: one report is for one client."),
        [NoWork] = new("За {0} нет завершённых задач с часами, которые ещё не вошли в другой отчёт.", "For {0} there are no done tasks with hours that are not already in another report."),
        [Stale] = new("Кнопка устарела: отчёт уже изменился.", "This button is out of date: the report has changed."),
        [NotFound] = new("Отчёт {0} не найден.", "Report {0} was not found."),
        [BillableUsage] = new("Оплачиваемость задачи: /billable PRJ-0001#2 нет|да причина — причина обязательна.",
            "Task billability: /billable PRJ-0001#2 no|yes reason (the reason is required)."),
        [TaskNotFound] = new("Задача {0} не найдена. Пишите так: PRJ-0001#2.", "Task {0} was not found. Write it as PRJ-0001#2."),
        [NotPm] = new("Оплачиваемость задачи меняет руководитель проекта.", "A task's billability is changed by the project manager."),
        [InReport] = new("Задача уже в отчёте {0}: измените её в отчёте.", "The task is already in report {0}: change it there."),
        [LacksRate] = new("Для части задач нет ставки — отчёт не отправить. Добавьте ставку в файл организации (billing: rates) или сделайте задачу неоплачиваемой.",
            "Some tasks have no rate: the report cannot be sent. Add the rate to the organisation file (billing: rates) or make the task not billable."),
        [NoGroup] = new("У проекта нет группы клиента: привяжите её командой /link в группе.", "The project has no client group: link one with /link in the group."),
        [NotClient] = new("Эти кнопки — для представителей клиента и руководителя проекта.", "These buttons are for the client's people and the project manager."),
        [QuestionRequired] = new("Напишите, пожалуйста, вопрос ответом на это сообщение.", "Please write your question as a reply to this message."),
        [AlreadyBillable] = new("Задача и так оплачиваемая.", "The task is billable already."),
        [AlreadyNotBillable] = new("Задача и так не оплачивается.", "The task is not billable already."),
    };
}

public static class BillingTexts
{
    public static readonly Text CardTitle = new("📊 Отчёт {0} · {1}", "📊 Report {0} · {1}");
    public static readonly Text Period = new("{0} · {1:dd.MM.yyyy}–{2:dd.MM.yyyy} · {3}", "{0} · {1:dd.MM.yyyy}–{2:dd.MM.yyyy} · {3}");
    public static readonly Text Counts = new("Задач: {0} · часов: {1}", "Tasks: {0} · hours: {1}");
    public static readonly Text BillableLine = new("К оплате: {0} ч — {1}", "Billable: {0} h, {1}");
    public static readonly Text NonBillableLine = new("Не оплачивается: {0} ч", "Not billable: {0} h");
    public static readonly Text SumLine = new("Сумма: {0}", "Sum: {0}");
    public static readonly Text VatOnTop = new("НДС {0}% сверху: {1}", "VAT {0}% on top: {1}");
    public static readonly Text VatIncluded = new("в т. ч. НДС {0}%: {1}", "incl. VAT {0}%: {1}");
    public static readonly Text NoVat = new("Без НДС", "No VAT");
    public static readonly Text TotalLine = new("Итого: {0}", "Total: {0}");
    public static readonly Text LacksRate = new("⚠️ Нет ставки — отчёт не отправить, пока её нет в файле организации:", "⚠️ No rate: the report cannot be sent until the organisation file has one:");
    public static readonly Text FileCaption = new("Задачи отчёта {0}", "Tasks of report {0}");
    public static readonly Text TasksButton = new("✏️ Задачи", "✏️ Tasks");
    public static readonly Text CancelButton = new("🗑 Отменить отчёт", "🗑 Cancel the report");
    public static readonly Text EditTitle = new("Задачи отчёта {0}: 🗑 — убрать из отчёта, 💰/🚫 — сделать оплачиваемой или нет.",
        "Tasks of report {0}: 🗑 removes one, 💰/🚫 makes it billable or not.");
    public static readonly Text Cancelled = new("🗑 Отчёт {0} отменён, его задачи свободны для другого отчёта.", "🗑 Report {0} is cancelled; its tasks are free for another report.");
    public static readonly Text Billable = new("оплачиваемая", "billable");
    public static readonly Text NotBillable = new("не оплачиваемая", "not billable");
    public static readonly Text TaskBillabilitySet = new("Задача {0} · {1}: теперь {2}. Причина записана.", "Task {0} · {1} is now {2}. The reason is recorded.");

    public static readonly Text SendButton = new("📤 Отправить клиенту", "📤 Send to the client");
    public static readonly Text RevokeButton = new("🔒 Закрыть ссылку", "🔒 Close the link");
    public static readonly Text SentToPm = new("📤 Отчёт {0} отправлен в группу клиента. Ссылка: {1}", "📤 Report {0} is sent to the client's group. Link: {1}");
    public static readonly Text Revoked = new("🔒 Ссылка на отчёт {0} закрыта.", "🔒 The link to report {0} is closed.");
    public static readonly Text ToClient = new("📊 Отчёт о выполненных работах за {0:dd.MM.yyyy}–{1:dd.MM.yyyy}: {2} ч, к оплате {3}. Посмотрите, пожалуйста, подробности по ссылке и согласуйте отчёт или задайте вопрос.",
        "📊 Work report for {0:dd.MM.yyyy} to {1:dd.MM.yyyy}: {2} h, {3} due. Please see the details at the link and approve the report or ask a question.");
    public static readonly Text OpenPage = new("📄 Открыть отчёт", "📄 Open the report");
    public static readonly Text ApproveButton = new("✅ Согласовать отчёт", "✅ Approve the report");
    public static readonly Text QuestionButton = new("✏️ Есть вопросы", "✏️ I have questions");
    public static readonly Text ClientApproved = new("✅ Отчёт согласован: {0}. Спасибо!", "✅ Report approved by {0}. Thank you!");
    public static readonly Text ApprovedToPm = new("✅ {0} согласовал(а) отчёт {1}.", "✅ {0} approved report {1}.");
    public static readonly Text AskQuestion = new("{0}, напишите, пожалуйста, ваш вопрос по отчёту ответом на это сообщение.", "{0}, please write your question about the report as a reply to this message.");
    public static readonly Text QuestionThanks = new("Спасибо! Передали вопрос менеджеру проекта, он ответит здесь.", "Thank you! Your question is with the project manager, who will answer here.");
    public static readonly Text QuestionToPm = new("❓ {0} спрашивает об отчёте {1}:\n{2}", "❓ {0} asks about report {1}:\n{2}");
    public static readonly Text LinkClosed = new("🔒 Ссылка на этот отчёт закрыта.", "🔒 The link to this report is closed.");

    public static readonly Text Draft = new("черновик", "draft");
    public static readonly Text Sent = new("отправлен клиенту", "sent to the client");
    public static readonly Text Approved = new("согласован", "approved");
    public static readonly Text Invoiced = new("выставлен счёт", "invoiced");
    public static readonly Text Paid = new("оплачен", "paid");
    public static readonly Text CancelledStatus = new("отменён", "cancelled");

    public static Text Status(ReportStatus status) => status switch
    {
        ReportStatus.Draft => Draft,
        ReportStatus.Sent => Sent,
        ReportStatus.Approved => Approved,
        ReportStatus.Invoiced => Invoiced,
        ReportStatus.Paid => Paid,
        _ => CancelledStatus,
    };
}
