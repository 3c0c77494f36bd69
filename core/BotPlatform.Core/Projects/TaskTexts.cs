using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Projects;

public static class TaskProblems
{
    public const string NotYours = "tasks.not_yours";
    public const string NotAuditor = "tasks.not_auditor";
    public const string NotClient = "tasks.not_client";
    public const string ResultRequired = "tasks.result_required";
    public const string CommentRequired = "tasks.comment_required";
    public const string RevisionRequired = "tasks.revision_required";

    public static readonly IReadOnlyDictionary<string, Text> Texts = new Dictionary<string, Text>
    {
        [NotYours] = new("Это не ваша задача: её выполняет {0}.", "This is not your task: {0} does it."),
        [NotAuditor] = new("Результат проверяет {0}, не вы.", "{0} checks the result, not you."),
        [NotClient] = new("Эти кнопки — для клиента: решение принимает клиент или руководитель проекта.",
            "These buttons are for the client: the client or the project manager decides."),
        [ResultRequired] = new("Пришлите результат: текст, ссылку или файл.", "Send the result: text, a link or a file."),
        [CommentRequired] = new("Напишите, что не так: без комментария задачу не вернуть.", "Write what is wrong: a task cannot be returned without a comment."),
        [RevisionRequired] = new("Напишите, пожалуйста, что нужно изменить.", "Please write what should be changed."),
    };
}

public static class TaskTexts
{
    public static readonly Text CardTitle = new("📌 Задача {0} · {1}. {2}", "📌 Task {0} · {1}. {2}");
    public static readonly Text CardProject = new("Проект: {0}", "Project: {0}");
    public static readonly Text CardDue = new("Срок: {0:dd.MM.yyyy}, оценка {1} ч", "Due: {0:dd.MM.yyyy}, estimate {1} h");
    public static readonly Text CardActual = new("Факт: {0} ч из {1} ч", "Actual: {0} h of {1} h");
    public static readonly Text CardState = new("Статус: {0}", "Status: {0}");
    public static readonly Text CardInstruction = new("Инструкция: {0}", "Instruction: {0}");
    public static readonly Text CardResult = new("Нужный результат: {0}", "Expected result: {0}");
    public static readonly Text CardComment = new("💬 Комментарий: {0}", "💬 Comment: {0}");
    public static readonly Text CardChecklist = new("Чек-лист:", "Checklist:");
    public static readonly Text StartButton = new("▶️ Начать", "▶️ Start");
    public static readonly Text ResumeButton = new("▶️ Продолжить", "▶️ Resume");
    public static readonly Text PauseButton = new("⏸ Пауза", "⏸ Pause");
    public static readonly Text DoneButton = new("✅ Готово", "✅ Done");
    public static readonly Text AskResult = new("Пришлите результат задачи «{0}»: текст, ссылку или файл.", "Send the result of «{0}»: text, a link or a file.");
    public static readonly Text Submitted = new("📤 Результат отправлен на проверку: {0}.", "📤 The result went for review to {0}.");
    public static readonly Text ReviewCard = new("🔍 На проверку: {0} · {1}. {2}\nИсполнитель: {3}\nРезультат: {4}",
        "🔍 For review: {0} · {1}. {2}\nExecutor: {3}\nResult: {4}");
    public static readonly Text AcceptButton = new("✅ Принять", "✅ Accept");
    public static readonly Text ReturnButton = new("↩️ Вернуть", "↩️ Return");
    public static readonly Text Accepted = new("✅ Принято: {0}", "✅ Accepted: {0}");
    public static readonly Text ReturnedCard = new("↩️ Возвращено: {0}", "↩️ Returned: {0}");
    public static readonly Text AskReturn = new("Что исправить в задаче «{0}»? Комментарий обязателен.", "What should be fixed in «{0}»? A comment is required.");
    public static readonly Text ReturnedToExecutor = new("↩️ Задачу «{0}» вернули на доработку: {1}", "↩️ «{0}» was returned for rework: {1}");
    public static readonly Text ClientRevisionToExecutor = new("✏️ Клиент просит правки по задаче «{0}»: «{1}»", "✏️ The client asks for revisions of «{0}»: «{1}»");
    public static readonly Text ClientRevisionToPm = new("✏️ Клиент ({0}) попросил правки по задаче {1} «{2}»: «{3}»", "✏️ The client ({0}) asked for revisions of {1} «{2}»: «{3}»");
    public static readonly Text ClientApprovedToPm = new("✅ Клиент ({0}) утвердил задачу {1} «{2}».", "✅ The client ({0}) approved {1} «{2}».");
    public static readonly Text NoGroupApproval = new("У проекта {0} нет группы клиента: утвердите результат задачи «{1}» за клиента или привяжите группу (/link).",
        "Project {0} has no client group: approve «{1}» for the client or link the group (/link).");
    public static readonly Text Overdue = new("⏰ Задача «{0}» ({1}) просрочена: срок был {2:dd.MM.yyyy}.", "⏰ «{0}» ({1}) is overdue: it was due {2:dd.MM.yyyy}.");
    public static readonly Text OverdueToPm = new("⏰ Просрочена задача {0} · {1}. {2} — исполнитель {3}, срок {4:dd.MM.yyyy}.",
        "⏰ Overdue: {0} · {1}. {2}, executor {3}, due {4:dd.MM.yyyy}.");
    public static readonly Text StaleAnswer = new("Задача уже в другом состоянии.", "The task has moved on.");

    // Written for the client: the agency's tone, no internal names.
    public static readonly Text ClientStarted = new("🚀 Начали работу: {0} (этап {1} из {2})", "🚀 We have started: {0} (stage {1} of {2})");
    public static readonly Text ClientFinished = new("✅ Закончили работу: {0}", "✅ We have finished: {0}");
    public static readonly Text ClientResult = new("Результат: {0}", "Result: {0}");
    public static readonly Text ClientPleaseDecide = new("Пожалуйста, посмотрите и утвердите результат или напишите, что поправить.",
        "Please have a look and approve the result or tell us what to change.");
    public static readonly Text ApproveButton = new("✅ Утвердить", "✅ Approve");
    public static readonly Text ReviseButton = new("✏️ Внести правки", "✏️ Request changes");
    public static readonly Text ClientApproved = new("✅ Утверждено — {0}. Спасибо!", "✅ Approved by {0}. Thank you!");
    public static readonly Text ClientRevisionAsked = new("✏️ Правки — {0}: «{1}»", "✏️ Changes requested by {0}: «{1}»");
    public static readonly Text AskRevision = new("{0}, что нужно изменить в работе «{1}»? Ответьте на это сообщение.",
        "{0}, what should we change in «{1}»? Reply to this message.");
    public static readonly Text RevisionThanks = new("Спасибо! Передали правки в работу — вернёмся с обновлённым результатом.",
        "Thank you! Your changes are with the team; we will come back with the updated result.");
}
