using BotPlatform.Core.Localization;

namespace BotPlatform.Bot.Documents.Review;

/// <summary>The review page's words, Russian first.</summary>
public static class ReviewPageTexts
{
    public static readonly Text Title = new("{0} {1} — согласование", "{0} {1}: review");
    public static readonly Text Intro = new(
        "Черновик для согласования. Оставьте комментарий к любому пункту или предложите свою формулировку — менеджер получит их в Telegram и ответит здесь.",
        "A draft for your review. Comment on any clause or propose your own wording: the manager gets it in Telegram and answers here.");
    public static readonly Text Meta = new("Статус: {0} · версия текста {1} · {2}", "Status: {0} · text version {1} · {2}");
    public static readonly Text ReadOnly = new(
        "🔒 Документ отправлен на согласование внутри компании — текст больше не обсуждается, новые комментарии не принимаются.",
        "🔒 The document is in approval inside the company: its text is settled and new comments are closed.");
    public static readonly Text Comment = new("💬 Комментировать", "💬 Comment");
    public static readonly Text YourName = new("Ваше имя", "Your name");
    public static readonly Text YourComment = new("Комментарий", "Comment");
    public static readonly Text YourProposal = new("Новая формулировка пункта (необязательно)", "A new wording of the clause (optional)");
    public static readonly Text Limit = new("до {0} символов", "up to {0} characters");
    public static readonly Text Send = new("Отправить", "Send");
    public static readonly Text Proposed = new("Предложена формулировка:", "Proposed wording:");
    public static readonly Text AcceptedAt = new("✅ Принято менеджером — версия текста {0}", "✅ Accepted by the manager: text version {0}");
    public static readonly Text ManagerReply = new("Ответ менеджера ({0}):", "The manager's answer ({0}):");
    public static readonly Text Sent = new("✅ Комментарий отправлен менеджеру.", "✅ Your comment went to the manager.");
    public static readonly Text Versions = new("Версии текста", "Text versions");
    public static readonly Text VersionGenerated = new("версия {0} — {1}: сформирован", "version {0}, {1}: generated");
    public static readonly Text VersionEdited = new("версия {0} — {1}: {2}", "version {0}, {1}: {2}");
    public static readonly Text VersionEditedPlain = new("текст изменён менеджером", "text edited by the manager");
    public static readonly Text Clause = new("Пункт {0}", "Clause {0}");
    public static readonly Text NotFoundTitle = new("Ссылка не найдена", "Link not found");
    public static readonly Text NotFound = new(
        "Такой ссылки нет или её отозвали. Попросите у вашего менеджера новую ссылку.",
        "There is no such link, or it was revoked. Ask your manager for a new one.");
    public static readonly Text GoneTitle = new("Согласование закрыто", "The review is closed");
    public static readonly Text Gone = new(
        "Документ {0} уже согласован и напечатан — его текст больше не меняется, страница закрыта. Если нужна правка, напишите вашему менеджеру.",
        "Document {0} is approved and printed: its text no longer changes and this page is closed. If something needs changing, write to your manager.");
    public static readonly Text Refused = new("Комментарий не принят", "The comment was not accepted");
    public static readonly Text Forbidden = new("Форма отправлена с другого сайта — откройте ссылку и отправьте комментарий со страницы.",
        "The form came from another site: open the link and comment from the page itself.");
    public static readonly Text TooManyTitle = new("Слишком много запросов", "Too many requests");
    public static readonly Text TooMany = new(
        "С этой ссылкой или с вашего адреса только что было слишком много запросов. Попробуйте снова через {0}.",
        "There were too many requests to this link or from your address just now. Please try again in {0}.");
    public static readonly Text Seconds = new("{0} с", "{0} s");
    public static readonly Text Minutes = new("{0} мин", "{0} min");
}
