using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Approvals;

/// <summary>The /pay and /contract dialogs: questions, buttons, the confirmation card.</summary>
public static class FilingTexts
{
    public static readonly Text PayIntro = new(
        "📝 Новая заявка на оплату. Выйти в любой момент — /cancel.",
        "📝 New payment request. You can leave at any time with /cancel.");
    public static readonly Text AskPayee = new(
        "Кому платим? Напишите название контрагента.",
        "Who is the payment for? Type the counterparty's name.");
    public static readonly Text AskAmount = new(
        "Какая сумма к оплате? Например: 150 000,50 или $1,200.",
        "What amount is to be paid? For example: 150,000.50 or $1,200.");
    public static readonly Text AskCostItem = new("Выберите статью расходов:", "Pick the cost item:");
    public static readonly Text AskDueDate = new(
        "До какого числа нужно оплатить? Например: 30.11 или 30.11.2026. Если срока нет — нажмите «Пропустить».",
        "By which date must it be paid? For example: 30.11 or 30.11.2026. If there is no deadline, press Skip.");
    public static readonly Text AskInvoice = new(
        "Пришлите счёт — документом или фото, до 20 МБ.",
        "Send the invoice as a document or a photo, up to 20 MB.");
    public static readonly Text AskComment = new(
        "Добавьте комментарий для согласующих или нажмите «Пропустить».",
        "Add a comment for the approvers, or press Skip.");
    public static readonly Text CheckPayment = new("Проверьте заявку на оплату:", "Please check the payment request:");

    public static readonly Text ContractIntro = new(
        "📝 Новый договор на согласование. Выйти в любой момент — /cancel.",
        "📝 New contract for approval. You can leave at any time with /cancel.");
    public static readonly Text AskDocumentKind = new("Какой это документ?", "What kind of document is it?");
    public static readonly Text AskContractParty = new(
        "С кем договор? Напишите название контрагента.",
        "Who is the contract with? Type the counterparty's name.");
    public static readonly Text AskContractFile = new(
        "Пришлите файл договора — PDF или DOCX, до 20 МБ.",
        "Send the contract file: PDF or DOCX, up to 20 MB.");
    public static readonly Text CheckContract = new("Проверьте договор перед отправкой:", "Please check the contract before sending it:");

    public static readonly Text PayeePlaceholder = new("ООО «Ромашка»", "Acme Ltd");
    public static readonly Text AmountPlaceholder = new("150 000,50", "150,000.50");

    public static readonly Text InvoiceLine = new("Счёт: {0}", "Invoice: {0}");
    public static readonly Text ContractFileLine = new("Файл договора: {0}", "Contract file: {0}");
    public static readonly Text NoDueDateLine = new("Оплатить до: без срока", "Pay by: no deadline");
    public static readonly Text NoCommentLine = new("Комментарий: —", "Comment: —");

    public static readonly Text FieldCounterparty = new("Контрагент", "Counterparty");
    public static readonly Text FieldAmount = new("Сумма", "Amount");
    public static readonly Text FieldCostItem = new("Статья расходов", "Cost item");
    public static readonly Text FieldDueDate = new("Срок оплаты", "Due date");
    public static readonly Text FieldInvoice = new("Счёт", "Invoice");
    public static readonly Text FieldComment = new("Комментарий", "Comment");
    public static readonly Text FieldDocumentKind = new("Вид документа", "Document kind");
    public static readonly Text FieldContractFile = new("Файл договора", "Contract file");

    public static readonly Text SkipButton = new("Пропустить", "Skip");
    public static readonly Text SubmitButton = new("✅ Отправить", "✅ Submit");
    public static readonly Text EditButton = new("✏️ Изменить поле", "✏️ Edit a field");
    public static readonly Text CancelButton = new("✖️ Отменить", "✖️ Cancel");
    public static readonly Text BackButton = new("↩️ Назад", "↩️ Back");

    public static readonly Text WhichField = new("Что изменить?", "What would you like to change?");
    public static readonly Text Cancelled = new("🚫 Отменено — заявка не отправлена.", "🚫 Cancelled: nothing was sent.");
    public static readonly Text SubmittedAnswer = new("Отправлено: {0}", "Submitted: {0}");
    public static readonly Text PrivateOnly = new(
        "Заявки подаются в личном чате с ботом — напишите мне туда.",
        "Requests are filed in a private chat with the bot; please write to me there.");

    public static readonly IReadOnlyDictionary<string, Text> Problems = new Dictionary<string, Text>
    {
        [FilingProblems.CounterpartyTooLong] = new(
            "Слишком длинное название: {0} символов, можно не больше {1}. Сократите его.",
            "The name is too long: {0} characters, at most {1} are allowed. Please shorten it."),
        [FilingProblems.DueDateEmpty] = new(
            "Напишите дату текстом, например 30.11, или нажмите «Пропустить».",
            "Type the date, for example 30.11, or press Skip."),
        [FilingProblems.CommentNotText] = new(
            "Напишите комментарий текстом или нажмите «Пропустить».",
            "Type the comment as text, or press Skip."),
        [FilingProblems.CommentTooLong] = new(
            "Слишком длинный комментарий: {0} символов, можно не больше {1}.",
            "The comment is too long: {0} characters, at most {1} are allowed."),
        [FilingProblems.PressAButton] = new("Выберите кнопкой под сообщением.", "Please choose with a button under the message."),
    };
}
