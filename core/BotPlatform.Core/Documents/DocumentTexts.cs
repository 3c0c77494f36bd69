using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Printing;

namespace BotPlatform.Core.Documents;

public static class DocumentTexts
{
    public static readonly Text Generated = new("📄 По сделке {0} ({1}) сформированы документы:", "📄 Documents made for deal {0} ({1}):");
    public static readonly Text GeneratedLine = new("• {0} {1} — {2}", "• {0} {1}: {2}");
    public static readonly Text UnderFramework = new(
        "Договор не нужен: у клиента уже есть рамочный договор {0}, приложения оформлены к нему.",
        "No new contract: the client has framework contract {0}; the appendices belong to it.");
    public static readonly Text UnderDealContract = new("Приложения — к договору сделки {0}.", "The appendices belong to the deal's contract {0}.");
    public static readonly Text ReplacesLine = new(" (взамен {0})", " (replaces {0})");
    public static readonly Text GeneratedFooter = new(
        "Это черновики. Проверьте PDF, при необходимости поправьте текст (/doc НОМЕР edit) и отправьте.",
        "These are drafts. Check the PDFs, edit a text if needed (/doc NUMBER edit) and send them on.");
    public static readonly Text RouteSkip = new("без согласования — текст шаблона, сразу в печать", "no approval: template text, straight to printing");
    public static readonly Text RouteSpec = new("согласование: юрист → техдиректор → директор", "approval: lawyer → CTO → director");
    public static readonly Text RouteEdited = new("согласование: юрист → директор (текст изменён)", "approval: lawyer → director (text edited)");
    public static readonly Text SubmitAllButton = new("📤 Отправить все", "📤 Send them all on");
    public static readonly Text SubmitButton = new("📤 Отправить", "📤 Send on");
    public static readonly Text EditButton = new("✏️ Изменить текст", "✏️ Edit the text");
    public static readonly Text Submitted = new("📤 {0} {1}: {2}", "📤 {0} {1}: {2}");
    public static readonly Text SubmittedOnApproval = new("отправлен на согласование ({0})", "sent for approval ({0})");
    public static readonly Text SubmittedToPrint = new("согласование не требуется, отправлен в печать", "no approval needed, sent to printing");
    public static readonly Text NothingToSubmit = new("Черновиков для отправки нет.", "There are no drafts to send.");

    public static readonly Text ReleasedApproved = new("✅ {0} {1} согласован и отправлен в печать ({2}).", "✅ {0} {1} is approved and sent to printing ({2}).");
    public static readonly Text ReleasedWithoutApproval = new(
        "🖨 {0} {1} отправлен в печать без согласования: текст шаблона ({2}).",
        "🖨 {0} {1} went to printing without approval: template text ({2}).");
    public static readonly Text BackToDraft = new(
        "↩️ {0} {1} отклонён и снова черновик. Причина: {2}\nИсправьте текст (/doc {1} edit) и отправьте снова.",
        "↩️ {0} {1} is rejected and a draft again. Reason: {2}\nFix the text (/doc {1} edit) and send it again.");
    public static readonly Text AnnulledWithContract = new("аннулирован вместе с договором {0}: {1}", "annulled with contract {0}: {1}");
    public static readonly Text Annulled = new(
        "🚫 {0} аннулирован. Причина: {1}\nНовый документ взамен: /generate {2}",
        "🚫 {0} is annulled. Reason: {1}\nA replacement: /generate {2}");
    public static readonly Text AnnulledNoDeal = new("🚫 {0} аннулирован. Причина: {1}", "🚫 {0} is annulled. Reason: {1}");
    public static readonly Text AnnulledAppendices = new("Вместе с ним аннулированы приложения: {0}", "Its appendices are annulled with it: {0}");
    public static readonly Text EditAsk = new(
        "✏️ Текст {0} — в файле. Поправьте его и пришлите файл ответом на это сообщение (.md или .txt). Разметка — как в шаблонах.",
        "✏️ The text of {0} is in the file. Edit it and send the file back in reply to this message (.md or .txt). The markup is the templates' one.");
    public static readonly Text EditDone = new(
        "✅ Текст {0} обновлён, номер прежний. Документ изменён — ему нужно согласование ({1}).",
        "✅ The text of {0} is updated under the same number. It is edited now, so it needs approval ({1}).");
    public static readonly Text EditSame = new(
        "Текст {0} совпадает с шаблоном — документ можно отправить без согласования.",
        "The text of {0} is the template's: it can go on without approval.");
    public static readonly Text EditNeedsFile = new(
        "Пришлите текст файлом (.md или .txt) ответом на сообщение с документом. Выйти: /cancel",
        "Send the text as a file (.md or .txt) in reply to the message with the document. To leave: /cancel");
    public static readonly Text EditFileTooLarge = new("Файл слишком большой: текст документа — до 1 МБ.", "The file is too large: a document's text is up to 1 MB.");
    public static readonly Text EnvelopeReady = new("✉️ Опись вложения {0}: {1} док. для {2}.", "✉️ Envelope inventory {0}: {1} document(s) for {2}.");

    public static readonly Text GenerateUsage = new(
        "Напишите номер сделки: /generate СДЛ-2026-0001",
        "Type the deal's number: /generate СДЛ-2026-0001");
    public static readonly Text DocUsage = new(
        "Документ по номеру: /doc Д-2026-0001\nДействия: /doc НОМЕР submit — отправить; /doc НОМЕР edit — изменить текст; /doc НОМЕР annul ПРИЧИНА — аннулировать\nКлиенту: /doc НОМЕР review — ссылка на согласование; /doc НОМЕР review revoke — отозвать; /doc НОМЕР comments — комментарии и версии текста\nБумага: /doc НОМЕР sent — отправлен клиенту; /doc НОМЕР returned — оригинал вернулся подписанным; /doc НОМЕР archive — в архив",
        "A document by number: /doc Д-2026-0001\nActions: /doc NUMBER submit: send on; /doc NUMBER edit: edit the text; /doc NUMBER annul REASON: annul\nClient: /doc NUMBER review: a review link; /doc NUMBER review revoke: revoke it; /doc NUMBER comments: comments and text versions\nPaper: /doc NUMBER sent: sent to the client; /doc NUMBER returned: the signed original is back; /doc NUMBER archive: archived");
    public static readonly Text Moved = new("📬 {0} {1}: {2}.", "📬 {0} {1}: {2}.");
    public static readonly Text DocsUsage = new(
        "Фильтры /docs: status=черновик|согласование|согласован|напечатан|отправлен|возвращён|архив|аннулирован, client=часть названия или ИНН, kind=вид (framework_contract, specification, technical_assignment, invoice, envelope_list...), from=ДД.ММ.ГГГГ, to=ДД.ММ.ГГГГ.\nНапример: /docs status=согласован client=Ромашка kind=invoice from=01.11.2026 to=30.11.2026",
        "/docs filters: status=draft|approval|approved|printed|sent|returned|archived|annulled, client=part of the name or tax id, kind=kind (framework_contract, specification, technical_assignment, invoice, envelope_list...), from=DD.MM.YYYY, to=DD.MM.YYYY.\nFor example: /docs status=approved client=Acme kind=invoice from=01.11.2026 to=30.11.2026");
    public static readonly Text DocsBadFilter = new("Не понимаю фильтр «{0}».", "I can't read the filter \"{0}\".");
    public static readonly Text DocsNothing = new("Документов по этим условиям нет.", "No documents match.");
    public static readonly Text DocsHeader = new("📚 Документы ({0}):", "📚 Documents ({0}):");
    public static readonly Text DocsMore = new("Показаны последние {0}. Уточните фильтр.", "The latest {0} are shown. Narrow the filter.");
    public static readonly Text EnvelopeUsage = new(
        "Перечислите номера документов для конверта: /envelope Д-2026-0001 СЧ-2026-0001",
        "List the documents going in the envelope: /envelope Д-2026-0001 СЧ-2026-0001");

    public static readonly Text CardKind = new("Вид: {0}", "Kind: {0}");
    public static readonly Text CardStatus = new("Статус: {0}", "Status: {0}");
    public static readonly Text CardClient = new("Клиент: {0}", "Client: {0}");
    public static readonly Text CardDeal = new("Сделка: {0}", "Deal: {0}");
    public static readonly Text CardContract = new("К договору: {0}", "Under contract: {0}");
    public static readonly Text CardTemplate = new("Шаблон: {0}, версия {1}{2}", "Template: {0}, version {1}{2}");
    public static readonly Text CardEdited = new(" — текст изменён", ": text edited");
    public static readonly Text CardCode = new("Штрихкод: {0} · страниц: {1}", "Barcode: {0} · pages: {1}");
    public static readonly Text CardApproval = new("Согласование: {0} — {1}", "Approval: {0}: {1}");
    public static readonly Text CardApprovalSkipped = new(
        "Согласование: не требуется — текст шаблона, только реквизиты и позиции",
        "Approval: not needed: template text, only requisites and line items filled");
    public static readonly Text CardApprovalNeeded = new("Согласование: {0}", "Approval: {0}");
    public static readonly Text CardAnnulled = new("Аннулирован: {0}", "Annulled: {0}");
    public static readonly Text CardReplaces = new("Взамен: {0}", "Replaces: {0}");
    public static readonly Text CardReplacedBy = new("Заменён на: {0}", "Replaced by: {0}");
    public static readonly Text CardAppendices = new("Приложения:", "Appendices:");
    public static readonly Text CardPrint = new("Печать: {0}", "Printing: {0}");
    public static readonly Text CardHistory = new("История:", "History:");

    public static Text StatusName(DocumentStatus status) => status switch
    {
        DocumentStatus.Draft => new("черновик", "draft"),
        DocumentStatus.OnApproval => new("на согласовании", "in approval"),
        DocumentStatus.Approved => new("согласован", "approved"),
        DocumentStatus.Printed => new("напечатан", "printed"),
        DocumentStatus.Sent => new("отправлен", "sent"),
        DocumentStatus.Returned => new("возвращён подписанным", "returned signed"),
        DocumentStatus.Archived => new("в архиве", "archived"),
        _ => new("аннулирован", "annulled"),
    };

    /// <summary>A status as a problem argument, shown in the reader's language.</summary>
    public static TextList StatusArg(DocumentStatus status) => new([StatusName(status)]);

    public static Text ActionName(string action) => action switch
    {
        DocumentActions.Generated => new("сформирован", "generated"),
        DocumentActions.Edited => new("текст изменён", "text edited"),
        DocumentActions.Submitted => new("отправлен на согласование", "sent for approval"),
        DocumentActions.ApprovalSkipped => new("без согласования — в печать", "no approval needed: to printing"),
        DocumentActions.Approved => new("согласован", "approved"),
        DocumentActions.Rejected => new("отклонён", "rejected"),
        DocumentActions.Withdrawn => new("согласование отозвано", "approval withdrawn"),
        DocumentActions.Printed => new("напечатан", "printed"),
        DocumentActions.Sent => new("отправлен", "sent"),
        DocumentActions.Returned => new("возвращён", "returned"),
        DocumentActions.Archived => new("в архиве", "archived"),
        DocumentActions.Annulled => new("аннулирован", "annulled"),
        DocumentActions.Replaced => new("заменён", "replaced"),
        DocumentActions.ReviewLink => new("ссылка на согласование клиенту", "review link for the client"),
        DocumentActions.ReviewRevoked => new("ссылка клиенту отозвана", "client's review link revoked"),
        _ => new(action, action),
    };

    public static Text JobStateName(PrintJobState state) => state switch
    {
        PrintJobState.Queued => new("в очереди", "queued"),
        PrintJobState.Claimed => new("печатается", "printing"),
        PrintJobState.Printed => new("напечатано", "printed"),
        PrintJobState.Failed => new("ошибка печати", "failed"),
        _ => new("отменено", "cancelled"),
    };

    /// <summary>"2 экз., двусторонняя"</summary>
    public static string PrintSettings(int copies, bool duplex, Lang lang) => lang == Lang.En
        ? $"{copies} cop{(copies == 1 ? "y" : "ies")}, {(duplex ? "duplex" : "single-sided")}"
        : $"{copies} экз., {(duplex ? "двусторонняя" : "односторонняя")}";

    public static readonly IReadOnlyDictionary<string, Text> Problems = new Dictionary<string, Text>
    {
        [DocumentProblems.NotFound] = new("Документ {0} не найден. Список документов: /docs", "Document {0} is not found. The list: /docs"),
        [DocumentProblems.NotEditable] = new(
            "{0} — {1}, его текст больше не меняется. Исправление — это аннулирование (/doc {0} annul ПРИЧИНА) и новый документ с новым номером (/generate СДЕЛКА).",
            "{0} is {1}; its text never changes now. A correction is an annulment (/doc {0} annul REASON) and a new document with a new number (/generate DEAL)."),
        [DocumentProblems.NotDraft] = new("{0} уже не черновик ({1}).", "{0} is not a draft any more ({1})."),
        [DocumentProblems.NotOnApproval] = new("{0} не на согласовании ({1}).", "{0} is not in approval ({1})."),
        [DocumentProblems.AnnulReasonRequired] = new(
            "Напишите причину: /doc {0} annul ПРИЧИНА",
            "Give a reason: /doc {0} annul REASON"),
        [DocumentProblems.AlreadyAnnulled] = new("{0} уже аннулирован.", "{0} is already annulled."),
        [DocumentProblems.Archived] = new("{0} в архиве — архивный документ не аннулируют.", "{0} is archived; an archived document is not annulled."),
        [DocumentProblems.AlreadyInStatus] = new("{0} уже {1}.", "{0} is already {1}."),
        [DocumentProblems.IllegalMove] = new("{0}: из статуса «{1}» нельзя перейти в «{2}».", "{0}: it cannot go from \"{1}\" to \"{2}\"."),
        [DocumentProblems.DealNotFound] = new("Сделка {0} не найдена. Проверьте номер: /deal", "Deal {0} is not found. Check the number: /deal"),
        [DocumentProblems.ClientNotFound] = new("У сделки {0} нет клиента в справочнике.", "Deal {0} has no client on file."),
        [DocumentProblems.UnknownService] = new(
            "В сделке {0} услуга, которой нет в каталоге: {1}. Есть: {2}. Исправьте сделку — документы не сформированы.",
            "Deal {0} has a service that is not in the catalogue: {1}. The catalogue has: {2}. Fix the deal; no documents were made."),
        [DocumentProblems.DealEmpty] = new("В сделке {0} нет позиций — документы делать не из чего.", "Deal {0} has no line items to make documents from."),
        [DocumentProblems.IncompleteRequisites] = new(
            "У клиента «{0}» не хватает реквизитов: {1}. Дополните карточку клиента (/client) — документы не сформированы.",
            "Client \"{0}\" lacks requisites: {1}. Complete the client's card (/client); no documents were made."),
        [DocumentProblems.TemplateMissing] = new("Нет шаблона «{0}». Загрузите его: /template {0}", "There is no template \"{0}\". Upload it: /template {0}"),
        [DocumentProblems.TemplateFailed] = new(
            "Шаблон «{0}» (версия {1}) не заполнился: строка {2}: {3}. Документы не сформированы; администратор получил то же сообщение.",
            "Template \"{0}\" (version {1}) failed: line {2}: {3}. No documents were made; the admins got the same message."),
        [DocumentProblems.NothingToGenerate] = new(
            "По сделке {0} всё уже сформировано: {1}. Чтобы заменить документ, аннулируйте его и повторите /generate.",
            "Everything for deal {0} is already made: {1}. To replace a document, annul it and run /generate again."),
        [DocumentProblems.NotAllowed] = new(
            "{0} — не ваш документ: действовать могут менеджер сделки, автор, администратор.",
            "{0} is not yours: the deal's manager, its author or an admin may act on it."),
        [DocumentProblems.EnvelopeEmpty] = new("Перечислите номера документов: /envelope Д-2026-0001 СЧ-2026-0001", "List the documents: /envelope Д-2026-0001 СЧ-2026-0001"),
        [DocumentProblems.EnvelopeClients] = new("В одном конверте — документы одного клиента.", "One envelope holds the documents of one client."),
        [DocumentProblems.EnvelopeAnnulled] = new("{0} аннулирован — его не отправляют.", "{0} is annulled; it is not sent."),
        [DocumentProblems.EditInvalid] = new(
            "Текст {0} не принят: строка {1}: {2}. Исправьте и пришлите файл снова.",
            "The text of {0} is not accepted: line {1}: {2}. Fix it and send the file again."),
        [PrintProblems.NotFound] = new("Задание печати {0} не найдено.", "Print job {0} is not found."),
        [PrintProblems.NotClaimable] = new("Задание печати {0} уже занято ({1}).", "Print job {0} is taken ({1})."),
        [PrintProblems.AlreadyPrinted] = new("Задание печати {0} уже напечатано.", "Print job {0} is already printed."),
        [PrintProblems.NotClaimedByAgent] = new("Задание печати {0} не у агента {1}.", "Print job {0} is not held by agent {1}."),
    };
}
