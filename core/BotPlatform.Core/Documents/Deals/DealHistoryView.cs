using System.Text;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Calendar;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Mail;

namespace BotPlatform.Core.Documents.Deals;

/// <summary>A page of the history (1-based) as the chat shows it, with the page count for the buttons.</summary>
public sealed record DealHistoryPage(string Text, int Page, int Pages);

/// <summary>
/// How a deal's history reads: one line per event, "23.11.2026 10:05 📄 Договор Д-2026-0001 — сформирован, версия 1 (Ольга)",
/// in the organisation's time zone; the latest few on the deal's card, the whole list in pages.
/// </summary>
public static class DealHistoryView
{
    public const int CardLatest = 5;
    public const int PageSize = 10;

    public static readonly Text CardTitle = new("📜 История:", "📜 History:");
    public static readonly Text CardTitleLatest = new("📜 История (последние {0} из {1}):", "📜 History (latest {0} of {1}):");
    public static readonly Text PageTitle = new("📜 История сделки {0} — стр. {1} из {2}", "📜 Deal {0} history — page {1} of {2}");
    public static readonly Text AllButton = new("📜 Вся история ({0})", "📜 Full history ({0})");
    public static readonly Text Back = new("◀️ Раньше", "◀️ Earlier");
    public static readonly Text Next = new("Позже ▶️", "Later ▶️");
    public static readonly Text Created = new("Сделка создана", "Deal created");
    public static readonly Text CreatedFrom = new("Сделка создана по отчёту {0}", "Deal created from report {0}");
    public static readonly Text VersionNo = new(", версия {0}", ", version {0}");
    public static readonly Text Copies = new(", {0} экз.", ", {0} copies");
    public static readonly Text SentByMail = new("отправлен почтой", "sent by mail");
    public static readonly Text OutEntry = new(", исходящая почта: запись № {0} от {1:dd.MM.yyyy}", ", outgoing mail: entry no. {0} of {1:dd.MM.yyyy}");
    public static readonly Text ReturnedByMail = new("вернулся подписанным", "returned signed");
    public static readonly Text InEntry = new(", входящая почта: запись № {0} от {1:dd.MM.yyyy}", ", incoming mail: entry no. {0} of {1:dd.MM.yyyy}");
    public static readonly Text ReplacedBy = new("заменён на {0}", "replaced by {0}");
    public static readonly Text Comment = new("комментарий клиента к п. {0}", "the client's comment on clause {0}");
    public static readonly Text Payment = new("оплата {0} от {1:dd.MM.yyyy}", "payment of {0} on {1:dd.MM.yyyy}");
    public static readonly Text PaidPart = new(", частично: оплачено {0} из {1}", ", partial: {0} of {1} paid");
    public static readonly Text PaidInFull = new(", счёт оплачен полностью", ", the invoice is paid in full");
    public static readonly Text PaperComplete = new("Все документы сделки вернулись ({0}): бумаги собраны",
        "Every document of the deal is back ({0}): the paper is complete");
    public static readonly Text Reason = new(". Причина: {0}", ". Reason: {0}");
    public static readonly Text Agent = new("агент {0}", "agent {0}");
    public static readonly Text Client = new("{0}, клиент", "{0}, client");

    /// <summary>The card's tail: the latest events, or all of them when there are few.</summary>
    public static string CardTail(IReadOnlyList<DealEvent> events, PeopleDirectory people, WorkingCalendar calendar, Lang lang)
    {
        var text = new StringBuilder(events.Count > CardLatest ? CardTitleLatest.In(lang, CardLatest, events.Count) : CardTitle.In(lang));
        foreach (var e in events.TakeLast(CardLatest)) text.Append('\n').Append(Line(e, people, calendar, lang));
        return text.ToString();
    }

    public static int Pages(int count) => Math.Max(1, (count + PageSize - 1) / PageSize);

    /// <summary>The page asked for, held within the pages there are (a stale button after more events still lands somewhere).</summary>
    public static DealHistoryPage Page(DealTimeline timeline, int page, PeopleDirectory people, WorkingCalendar calendar, Lang lang)
    {
        var pages = Pages(timeline.Events.Count);
        page = Math.Clamp(page, 1, pages);
        var text = new StringBuilder(PageTitle.In(lang, timeline.Deal.Number, page, pages));
        foreach (var e in timeline.Events.Skip((page - 1) * PageSize).Take(PageSize)) text.Append('\n').Append(Line(e, people, calendar, lang));
        return new DealHistoryPage(text.ToString(), page, pages);
    }

    public static string Line(DealEvent e, PeopleDirectory people, WorkingCalendar calendar, Lang lang)
    {
        var text = new StringBuilder($"{calendar.ToLocal(e.At):dd.MM.yyyy HH:mm} {Emoji(e.Kind)} ");
        if (e.Document is { } doc) text.Append(doc.Title).Append(' ').Append(doc.Number).Append(" — ");
        text.Append(What(e, lang));
        if (e.Kind != DealEventKind.PaperComplete) text.Append(" (").Append(Who(e, people, lang)).Append(')');
        if (e.Reason is { Length: > 0 } reason)
        {
            if (e.Kind is DealEventKind.Rejected or DealEventKind.Annulled) text.Append(Reason.In(lang, reason));
            else if (e.Kind == DealEventKind.Edited) text.Append(": ").Append(reason);
        }
        return text.ToString();
    }

    private static string What(DealEvent e, Lang lang) => e.Kind switch
    {
        DealEventKind.Created => e.Reason is { } report ? CreatedFrom.In(lang, report) : Created.In(lang),
        DealEventKind.Generated => DocumentTexts.ActionName(Registry.DocumentActions.Generated).In(lang) + VersionNo.In(lang, e.Version ?? 1),
        DealEventKind.Edited => DocumentTexts.ActionName(Registry.DocumentActions.Edited).In(lang) + VersionNo.In(lang, e.Version ?? 2),
        DealEventKind.Submitted => Action(Registry.DocumentActions.Submitted, lang),
        DealEventKind.ApprovalSkipped => Action(Registry.DocumentActions.ApprovalSkipped, lang),
        DealEventKind.Approved => Action(Registry.DocumentActions.Approved, lang),
        DealEventKind.Rejected => Action(Registry.DocumentActions.Rejected, lang),
        DealEventKind.Withdrawn => Action(Registry.DocumentActions.Withdrawn, lang),
        DealEventKind.Printed => Action(Registry.DocumentActions.Printed, lang) + (e.Count is { } copies ? Copies.In(lang, copies) : ""),
        DealEventKind.Sent => e.Mail is { } sent
            ? SentByMail.In(lang) + OutEntry.In(lang, sent.Id, sent.Date.ToDateTime(TimeOnly.MinValue))
            : Action(Registry.DocumentActions.Sent, lang),
        DealEventKind.Returned => e.Mail is { } back
            ? ReturnedByMail.In(lang) + InEntry.In(lang, back.Id, back.Date.ToDateTime(TimeOnly.MinValue))
            : Action(Registry.DocumentActions.Returned, lang),
        DealEventKind.Archived => Action(Registry.DocumentActions.Archived, lang),
        DealEventKind.Annulled => Action(Registry.DocumentActions.Annulled, lang),
        DealEventKind.Replaced => ReplacedBy.In(lang, e.Reason ?? "—"),
        DealEventKind.ReviewLink => Action(Registry.DocumentActions.ReviewLink, lang),
        DealEventKind.ReviewRevoked => Action(Registry.DocumentActions.ReviewRevoked, lang),
        DealEventKind.ReviewComment => Comment.In(lang, (e.Reason ?? "").TrimEnd('.')),
        DealEventKind.Payment when e.Payment is { } p => Payment.In(lang, DealCard.Money(p.Amount, p.Currency, lang), p.PaidOn.ToDateTime(TimeOnly.MinValue))
            + (p.PaidSoFar >= p.Total
                ? PaidInFull.In(lang)
                : PaidPart.In(lang, DealCard.Money(p.PaidSoFar, p.Currency, lang), DealCard.Money(p.Total, p.Currency, lang))),
        DealEventKind.PaperComplete => PaperComplete.In(lang, e.Count ?? 0),
        _ => e.Kind.ToString(),
    };

    private static string Action(string action, Lang lang) => DocumentTexts.ActionName(action).In(lang);

    private static string Who(DealEvent e, PeopleDirectory people, Lang lang) => e switch
    {
        { ActorId: { } id and not 0 } => people.Name(id),
        { Kind: DealEventKind.ReviewComment, By: { } author } => Client.In(lang, author),
        { By: { } agent } => Agent.In(lang, agent),
        _ => ApprovalTexts.TheBot.In(lang),
    };

    private static string Emoji(DealEventKind kind) => kind switch
    {
        DealEventKind.Created => "🤝",
        DealEventKind.Generated => "📄",
        DealEventKind.Edited => "✏️",
        DealEventKind.Submitted => "📤",
        DealEventKind.ApprovalSkipped => "⏩",
        DealEventKind.Approved => "✅",
        DealEventKind.Rejected => "❌",
        DealEventKind.Withdrawn => "↩️",
        DealEventKind.Printed => "🖨",
        DealEventKind.Sent => "📮",
        DealEventKind.Returned => "📬",
        DealEventKind.Archived => "🗄",
        DealEventKind.Annulled => "🚫",
        DealEventKind.Replaced => "🔁",
        DealEventKind.ReviewLink or DealEventKind.ReviewRevoked => "🔗",
        DealEventKind.ReviewComment => "💬",
        DealEventKind.Payment => "💰",
        _ => "📦",
    };
}
