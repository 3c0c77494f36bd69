using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Approvals;

public static class ApprovalTexts
{
    public static readonly Text PaymentTitle = new("Заявка на оплату {0}", "Payment request {0}");
    public static readonly Text ContractTitle = new("Согласование договора {0}", "Contract approval {0}");
    public static readonly Text InitiatorLine = new("Инициатор: {0} ({1})", "Initiator: {0} ({1})");
    public static readonly Text DocumentKindLine = new("Вид документа: {0}", "Document: {0}");
    public static readonly Text CounterpartyLine = new("Контрагент: {0}", "Counterparty: {0}");
    public static readonly Text AmountLine = new("Сумма: {0}", "Amount: {0}");
    public static readonly Text CostItemLine = new("Статья расходов: {0}", "Cost item: {0}");
    public static readonly Text DueLine = new("Оплатить до: {0:dd.MM.yyyy}", "Pay by: {0:dd.MM.yyyy}");
    public static readonly Text CommentLine = new("Комментарий: {0}", "Comment: {0}");
    public static readonly Text FilesLine = new("Файлы: {0}", "Files: {0}");
    public static readonly Text StatusLine = new("Статус: {0}", "Status: {0}");
    public static readonly Text HistoryHeader = new("История:", "History:");
    public static readonly Text StatusOnStep = new("на шаге «{0}» — {1}", "at step \"{0}\": {1}");
    public static readonly Text StatusFrozen = new("заморожена на шаге «{0}»: {1}", "frozen at step \"{0}\": {1}");
    public static readonly Text StatusAwaitingDocuments = new("ждёт документов от инициатора: {0}", "waiting for documents from the initiator: {0}");
    public static readonly Text StatusInProgress = new("на согласовании", "in approval");
    public static readonly Text StatusFrozenShort = new("заморожена", "frozen");
    public static readonly Text StatusAwaitingShort = new("ждёт документов", "waiting for documents");
    public static readonly Text StatusRejected = new("отклонена", "rejected");
    public static readonly Text StatusWithdrawn = new("отозвана", "withdrawn");
    public static readonly Text StatusApproved = new("согласована", "approved");
    public static readonly Text StatusPaid = new("оплачена", "paid");
    public static readonly Text TheBot = new("Бот", "Bot");
    public static readonly Text OnBehalfOf = new(" (за: {0})", " (on behalf of {0})");

    public static readonly Text ActSubmitted = new("подана", "submitted");
    public static readonly Text ActApproved = new("согласовано", "approved");
    public static readonly Text ActRejected = new("отклонено", "rejected");
    public static readonly Text ActFrozen = new("заморожено", "frozen");
    public static readonly Text ActUnfrozen = new("разморожено", "unfrozen");
    public static readonly Text ActDocumentsRequested = new("запрошены документы", "documents requested");
    public static readonly Text ActDocumentsAttached = new("документы приложены", "documents attached");
    public static readonly Text ActWithdrawn = new("отозвано инициатором", "withdrawn by the initiator");
    public static readonly Text ActTaskDone = new("выполнено", "done");
    public static readonly Text ActPaid = new("оплачено", "paid");
    public static readonly Text ActCompleted = new("согласование завершено", "approval complete");
    public static readonly Text ActEscalated = new("передано операционному менеджеру", "escalated to the ops manager");
    public static readonly Text ActOverdue = new("срок оплаты пропущен", "payment overdue");
    public static readonly Text ActStrongReminder = new("настойчивое напоминание", "strong reminder");
    public static readonly Text ActReminder = new("напоминание", "reminder");

    public static readonly Text ApproveButton = new("✅ Согласовать", "✅ Approve");
    public static readonly Text RejectButton = new("❌ Отклонить", "❌ Reject");
    public static readonly Text FreezeButton = new("❄️ Заморозить", "❄️ Freeze");
    public static readonly Text RequestDocumentsButton = new("📎 Запросить документы", "📎 Request documents");
    public static readonly Text AttachFileButton = new("📎 Приложить файл", "📎 Attach the file");
    public static readonly Text TaskDoneButton = new("✅ Готово", "✅ Done");
    public static readonly Text WithdrawButton = new("↩️ Отозвать заявку", "↩️ Withdraw");
    public static readonly Text UnfreezeButton = new("🔥 Разморозить", "🔥 Unfreeze");

    public static readonly Text YouApproveFirst = new(
        "Вы руководитель отдела — согласуйте заявку прямо здесь.",
        "You head the department: decide on the request right here.");
    public static readonly Text DecisionNeeded = new("🔔 Нужно ваше решение — шаг «{0}».", "🔔 Your decision is needed: step \"{0}\".");
    public static readonly Text TaskNeeded = new("🔔 Задача: {0}. Срок: {1}.", "🔔 Task: {0}. Due: {1}.");
    public static readonly Text ForAbsent = new("Вы замещаете: {0}.", "You are standing in for {0}.");
    public static readonly Text Submitted = new("✅ Заявка {0} отправлена на согласование.", "✅ Request {0} is submitted for approval.");
    public static readonly Text NextStep = new("\nДалее: «{0}» — {1}.", "\nNext: \"{0}\": {1}.");
    public static readonly Text InitiatorStepApproved = new("👍 {0}: {1}{2}", "👍 {0}: {1}{2}");
    public static readonly Text InitiatorApprovedFinal = new("🎉 {0} согласована полностью.\n{1}", "🎉 {0} is fully approved.\n{1}");
    public static readonly Text InitiatorPaid = new("💸 {0} оплачена.\n{1}", "💸 {0} is paid.\n{1}");
    public static readonly Text InitiatorRejected = new("❌ {0} отклонена.\n{1}", "❌ {0} is rejected.\n{1}");
    public static readonly Text InitiatorFrozen = new("❄️ {0} заморожена.\n{1}", "❄️ {0} is frozen.\n{1}");
    public static readonly Text InitiatorUnfrozen = new("🔥 {0} снова в работе.\n{1}{2}", "🔥 {0} is moving again.\n{1}{2}");
    public static readonly Text InitiatorDocumentsRequested = new("📎 По {0} просят документы.\n{1}", "📎 Documents are requested for {0}.\n{1}");
    public static readonly Text AttachAsk = new(
        "Пришлите файл для {0} ответом на это сообщение (документ или фото). Что нужно: {1}",
        "Send the file for {0} in reply to this message (a document or a photo). What is needed: {1}");
    public static readonly Text DocumentsSentBack = new(
        "Спасибо! Документы приложены, {0} вернулась на шаг «{1}».",
        "Thank you! The documents are attached; {0} is back at step \"{1}\".");
    public static readonly Text ReturnedTo = new("↩️ {0} вернулся(ась) — решение снова за ним (ней).", "↩️ {0} is back and decides again.");
    public static readonly Text FrozenNotice = new("❄️ {0} заморозил(а) заявку: {1}", "❄️ {0} froze the request: {1}");

    public static readonly Text ReminderOne = new(
        "⏰ Напоминание: {0} ждёт вашего решения {1} раб. ч.",
        "⏰ Reminder: {0} has waited for you for {1} working hours.");
    public static readonly Text StrongReminderOne = new(
        "❗ Настойчивое напоминание: {0} ждёт вашего решения уже {1} раб. ч. Скоро заявку получит операционный менеджер.",
        "❗ Strong reminder: {0} has waited for you for {1} working hours. Soon it goes to the ops manager.");
    public static readonly Text DueMorningOne = new("📅 Сегодня срок оплаты по {0}.", "📅 {0} is due for payment today.");
    public static readonly Text OverdueOne = new(
        "⚠️ Просрочена оплата по {0} (срок {1:dd.MM.yyyy}); задача у: {2}.",
        "⚠️ Payment of {0} is overdue (due {1:dd.MM.yyyy}); the task is with {2}.");
    public static readonly Text Escalation = new(
        "🚨 Эскалация: {0} ждёт решения {1} раб. ч. (шаг «{2}», {3}). Вы можете решить за исполнителя.",
        "🚨 Escalation: {0} has waited {1} working hours (step \"{2}\", {3}). You may decide on the assignee's behalf.");
    public static readonly Text DigestHeader = new("⏰ Вас ждут заявки ({0}):", "⏰ Requests waiting for you ({0}):");

    public static readonly Text AskRejectReason = new(
        "Почему отклоняете {0}? Напишите причину ответом или выберите готовую.",
        "Why are you rejecting {0}? Reply with the reason or pick one.");
    public static readonly Text AskFreezeReason = new("Почему замораживаете {0}? Напишите причину ответом.", "Why are you freezing {0}? Reply with the reason.");
    public static readonly Text AskWhatIsMissing = new(
        "Каких документов не хватает по {0}? Напишите ответом — инициатор получит запрос.",
        "Which documents are missing for {0}? Reply, and the initiator will be asked.");
    public static readonly Text AskPaymentOrder = new(
        "Пришлите платёжное поручение с отметкой банка для {0} ответом на это сообщение (документ или фото).",
        "Send the payment order with the bank's mark for {0} in reply to this message (a document or a photo).");
    public static readonly Text Decided = new("Готово: {0}", "Done: {0}");
    public static readonly Text Withdrawn = new("↩️ Заявка {0} отозвана.", "↩️ Request {0} is withdrawn.");

    public static readonly IReadOnlyDictionary<string, Text> Problems = new Dictionary<string, Text>
    {
        [ApprovalProblems.NotFound] = new("Такой заявки нет.", "There is no such request."),
        [ApprovalProblems.NotAllowedToSee] = new("{0} вам не видна: она не проходила через вас.", "You cannot see {0}: it has not passed through you."),
        [ApprovalProblems.Closed] = new("Заявка {0} уже закрыта.", "Request {0} is already closed."),
        [ApprovalProblems.StepPassed] = new("Эта кнопка устарела: {0} уже на другом шаге.", "This button is out of date: {0} has moved on."),
        [ApprovalProblems.DecidedBy] = new("Уже решено: {1} ({0}).", "Already decided by {1} ({0})."),
        [ApprovalProblems.NotYours] = new("Это решение не ваше: {0} ждёт другого человека.", "This is not yours to decide: {0} waits for someone else."),
        [ApprovalProblems.ReasonRequired] = new("Причина не может быть пустой. Напишите её текстом.", "The reason cannot be empty. Please type it."),
        [ApprovalProblems.NotFrozen] = new("{0} не заморожена.", "{0} is not frozen."),
        [ApprovalProblems.NotAwaitingDocuments] = new("{0} не ждёт документов.", "{0} is not waiting for documents."),
        [ApprovalProblems.CannotUnfreeze] = new(
            "Разморозить заявку может операционный или финансовый менеджер.", "Only the ops manager or the finance manager can unfreeze a request."),
        [ApprovalProblems.CannotWithdraw] = new(
            "{0} уже согласована и передана на оплату — отозвать её нельзя.", "{0} is approved and with accounting; it can no longer be withdrawn."),
        [ApprovalProblems.NotInitiator] = new("Это может сделать только инициатор {0}.", "Only the initiator of {0} can do this."),
        [ApprovalProblems.TaskNeedsFile] = new("«{0}»: пришлите файл — без него задача не закрывается.", "\"{0}\": send the file; the task is done only with it."),
        [ApprovalProblems.TaskDone] = new("«{0}» уже выполнено: {1}.", "\"{0}\" is already done by {1}."),
        [ApprovalProblems.NoAssignee] = new("Некому отправить заявку: {0}. Сообщите администратору.", "There is no one to send the request to: {0}. Please tell an admin."),
        [ApprovalProblems.NoDepartment] = new("У вас не указан отдел — сообщите администратору.", "You have no department; please tell an admin."),
        [ApprovalProblems.CounterpartyEmpty] = new("Напишите название контрагента.", "Please type the counterparty's name."),
        [ApprovalProblems.FileTooLarge] = new(
            "Файл слишком большой ({0:0.#} МБ). Максимум — 20 МБ; сожмите его или пришлите PDF.",
            "The file is too large ({0:0.#} MB). The limit is 20 MB; compress it or send a PDF."),
        [ApprovalProblems.FileRequired] = new("Нужен файл: пришлите документ или фото.", "A file is needed: send a document or a photo."),
        [ApprovalProblems.FileWrongType] = new("Нужен файл PDF или DOCX.", "A PDF or DOCX file is needed."),
        [ApprovalProblems.DueDateInvalid] = new(
            "Не понял дату «{0}». Напишите, например, 25.11, 25.11.2026 или «завтра».",
            "I could not read the date \"{0}\". Type e.g. 25.11, 25.11.2026 or \"tomorrow\"."),
        [ApprovalProblems.DueDatePast] = new("Дата оплаты уже прошла. Укажите сегодняшнюю или будущую.", "That date has passed. Give today or a later date."),
        [ApprovalProblems.UnknownCostItem] = new("Выберите статью кнопкой.", "Please pick a cost item with a button."),
        [ApprovalProblems.UnknownDocumentKind] = new("Выберите вид документа кнопкой.", "Please pick the document kind with a button."),
    };
}
