using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Documents.Review;

public static class ReviewTexts
{
    public static readonly Text ReviewButton = new("🔗 На согласование клиенту", "🔗 To the client for review");
    public static readonly Text OpenButton = new("📝 Открыть документ", "📝 Open the document");
    public static readonly Text AcceptButton = new("✅ Принять формулировку", "✅ Accept the wording");

    public static readonly Text ToGroup = new(
        "📝 {0} {1} — черновик для вашего согласования.\nОткройте ссылку: текст разбит на пункты, к любому можно оставить комментарий или предложить свою формулировку. Регистрация не нужна.\n{2}",
        "📝 {0} {1} is a draft for your review.\nOpen the link: the text is split into clauses; comment on any of them or propose your own wording. No sign-up needed.\n{2}");
    public static readonly Text SentToGroup = new(
        "🔗 Ссылка на согласование {0} отправлена в группу проекта{1}. Комментарии клиента придут сюда.",
        "🔗 The review link for {0} went to the project's group{1}. The client's comments will come here.");
    public static readonly Text ForwardIt = new(
        "🔗 У клиента нет группы проекта — перешлите ему эту ссылку на согласование {0}:\n{1}\nКомментарии клиента придут сюда.",
        "🔗 The client has no project group: forward them this review link for {0}:\n{1}\nThe client's comments will come here.");
    public static readonly Text Revoked = new("🔒 Ссылка на согласование {0} отозвана: страница больше не открывается.", "🔒 The review link for {0} is revoked: the page no longer opens.");

    public static readonly Text CommentNotice = new(
        "💬 {0} {1}, пункт {2}\n«{3}»\n\n{4}: {5}",
        "💬 {0} {1}, clause {2}\n\"{3}\"\n\n{4}: {5}");
    public static readonly Text ProposalNotice = new("✏️ Предлагает формулировку:\n«{0}»", "✏️ Proposes the wording:\n\"{0}\"");
    public static readonly Text ReplyHint = new("Ответьте на это сообщение (reply) — ответ появится на странице.", "Reply to this message: the answer shows on the page.");
    public static readonly Text ReplyShown = new("✅ Ответ на комментарий {0} показан на странице.", "✅ Your answer to comment {0} is on the page.");
    public static readonly Text Accepted = new(
        "✅ Формулировка пункта {0} принята: {1} {2}, версия текста {3}.\n{4}",
        "✅ The wording of clause {0} is accepted: {1} {2}, text version {3}.\n{4}");
    public static readonly Text AcceptedReason = new("пункт {0}: формулировка {1} (комментарий {2})", "clause {0}: wording by {1} (comment {2})");
    public static readonly Text AcceptedRoute = new("Текст изменён — дальше {0}. Отправьте, когда будете готовы.", "The text is edited; next: {0}. Send it on when ready.");

    public static readonly Text CardReview = new(
        "Согласование с клиентом: ссылка от {0}, комментариев {1}, предложений {2}, принято {3}",
        "Client review: link of {0}, {1} comments, {2} proposals, {3} accepted");
    public static readonly Text CardVersions = new("Версий текста: {0}", "Text versions: {0}");
    public static readonly Text CardComment = new("  💬 {0} п. {1} — {2}: {3}{4}", "  💬 {0} cl. {1}, {2}: {3}{4}");
    public static readonly Text CardCommentAccepted = new(" ✅ принято", " ✅ accepted");
    public static readonly Text CardCommentsMore = new("  … все комментарии и версии: /doc {0} comments", "  … every comment and version: /doc {0} comments");
    public static readonly Text CommentsTitle = new("💬 Согласование {0} с клиентом", "💬 Client review of {0}");
    public static readonly Text CommentsNone = new("Комментариев к {0} нет.", "{0} has no comments.");
    public static readonly Text VersionLine = new("  v{0} — {1} ({2}){3}", "  v{0}: {1} ({2}){3}");
    public static readonly Text VersionsTitle = new("Версии текста:", "Text versions:");
    public static readonly Text Generated = new("сформирован", "generated");
    public static readonly Text EditedByManager = new("изменён", "edited");

    public static readonly IReadOnlyDictionary<string, Text> Problems = new Dictionary<string, Text>
    {
        [ReviewProblems.NotFound] = new("Ссылка не найдена или отозвана.", "The link is not found or was revoked."),
        [ReviewProblems.Gone] = new("{0} уже напечатан: согласование закрыто.", "{0} is printed: the review is closed."),
        [ReviewProblems.ReadOnly] = new(
            "{0} уже на согласовании или согласован — текст больше не обсуждается, комментарии не принимаются.",
            "{0} is in approval or approved: its text is settled and comments are closed."),
        [ReviewProblems.NameRequired] = new("Представьтесь: без имени комментарий не принимается.", "Give your name: a comment needs one."),
        [ReviewProblems.TextRequired] = new("Напишите комментарий или предложите формулировку.", "Write a comment or propose a wording."),
        [ReviewProblems.TooLong] = new("Слишком длинно: {0} — не больше {1} символов (сейчас {2}).", "Too long: {0} takes at most {1} characters (this is {2})."),
        [ReviewProblems.UnknownClause] = new("Пункта {0} в тексте нет.", "There is no clause {0} in the text."),
        [ReviewProblems.CommentNotFound] = new("Комментарий {0} не найден.", "Comment {0} is not found."),
        [ReviewProblems.NoProposal] = new("В комментарии {0} нет предложенной формулировки.", "Comment {0} proposes no wording."),
        [ReviewProblems.AlreadyAccepted] = new("Формулировка из комментария {0} уже принята.", "The wording of comment {0} is already accepted."),
        [ReviewProblems.Stale] = new(
            "Пункт {0} изменился после этого предложения (сейчас версия текста {1}) — принять устаревшую формулировку нельзя. Откройте страницу согласования.",
            "Clause {0} changed after this proposal (the text is at version {1} now); an outdated wording cannot be accepted. Open the review page."),
        [ReviewProblems.NotDraft] = new(
            "{0} — {1}: на согласование клиенту отправляют только черновик.",
            "{0} is {1}: only a draft goes to the client for review."),
        [ReviewProblems.TooMany] = new(
            "К этому документу уже {0} комментариев — больше страница не принимает. Напишите вашему менеджеру напрямую.",
            "This document already has {0} comments: the page takes no more. Write to your manager directly."),
        [ReviewProblems.RequestTooLarge] = new(
            "Слишком большой запрос: комментарий и формулировка — не больше {0} символов каждый. Ничего не сохранено.",
            "The request is too large: a comment and a wording take at most {0} characters each. Nothing was saved."),
        [ReviewProblems.Refused] = new("Комментарий не принят — ничего не сохранено. Напишите его ещё раз.", "The comment was not accepted and nothing was saved. Please write it again."),
        [ReviewProblems.NoLink] = new("У {0} нет действующей ссылки на согласование.", "{0} has no live review link."),
    };

    public static Text FieldName(string field) => field switch
    {
        "name" => new("имя", "the name"),
        "proposal" => new("формулировка", "the wording"),
        _ => new("комментарий", "the comment"),
    };
}
