using System.Text;
using BotPlatform.Core.Common;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;

namespace BotPlatform.Core.Approvals;

/// <summary>A list ready to send: the text and a button per request.</summary>
public sealed record ListMessage(string Text, InlineButton[][] Buttons);

/// <summary>
/// How /inbox, /my and /find read: one line per request (number, counterparty, amount, then the step
/// and the wait, or the status), a button per request that shows its card, at most
/// <see cref="MaxLines"/> lines and never more text than Telegram takes in one message.
/// </summary>
public static class ApprovalLists
{
    public const int MaxLines = 20;
    /// <summary>Telegram's limit for a message's text, in UTF-16 code units.</summary>
    public const int MaxMessageLength = 4096;
    /// <summary>Free text (a counterparty, a freeze reason) is cut so one line cannot crowd out the rest.</summary>
    public const int MaxFieldLength = 60;
    private const int ButtonsPerRow = 2;
    private const string Separator = " · ";

    public static ListMessage Inbox(IReadOnlyList<InboxItem> items, PeopleDirectory people, Lang lang) =>
        Build(ApprovalListTexts.InboxHeader.In(lang, items.Count), items, i => i.Request, i => InboxLine(i, people, lang), null, lang);

    public static ListMessage Requests(string header, IReadOnlyList<ApprovalRequest> requests, ApprovalCards cards, PeopleDirectory people,
        Lang lang, string? footer = null) =>
        Build(header, requests, r => r, r => RequestLine(r, cards, people, lang), footer, lang);

    /// <summary>"ЗО-2026-0001 · ООО Ромашка · 150 000,00 ₽ · Руководитель отдела · ждёт 5 раб. ч. · замещаете: Игорь Начальников".</summary>
    public static string InboxLine(InboxItem item, PeopleDirectory people, Lang lang)
    {
        var parts = Basics(item.Request, lang);
        parts.Add(Clip(item.Assignment.Title));
        parts.Add(Waited(item.WorkingHoursWaited, lang));
        if (item.ForPersonId is { } absent) parts.Add(ApprovalListTexts.StandingInFor.In(lang, people.Name(absent)));
        return string.Join(Separator, parts);
    }

    /// <summary>"ЗО-2026-0001 · ООО Ромашка · 150 000,00 ₽ · на шаге «Руководитель отдела» — Игорь Начальников".</summary>
    public static string RequestLine(ApprovalRequest r, ApprovalCards cards, PeopleDirectory people, Lang lang)
    {
        var parts = Basics(r, lang);
        parts.Add(Clip(cards.Status(r, people, lang), 2 * MaxFieldLength));
        return string.Join(Separator, parts);
    }

    /// <summary>Whole working hours, rounded half up; under half an hour reads as "under an hour".</summary>
    public static string Waited(double workingHours, Lang lang)
    {
        var hours = (int)Math.Round(workingHours, MidpointRounding.AwayFromZero);
        return hours switch
        {
            < 1 => ApprovalListTexts.WaitingUnderAnHour.In(lang),
            1 => ApprovalListTexts.WaitingOneHour.In(lang),
            _ => ApprovalListTexts.WaitingHours.In(lang, hours),
        };
    }

    /// <summary>Cuts text to <paramref name="max"/> characters with an ellipsis, never inside a surrogate pair.</summary>
    public static string Clip(string text, int max = MaxFieldLength)
    {
        if (text.Length <= max) return text;
        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1])) cut--;
        return text[..cut].TrimEnd() + "…";
    }

    private static List<string> Basics(ApprovalRequest r, Lang lang)
    {
        var parts = new List<string> { r.Number, Clip(r.Counterparty) };
        if (r.Amount is { } amount) parts.Add(new Money(amount, r.Currency ?? "RUB").Format(lang));
        return parts;
    }

    private static ListMessage Build<T>(string header, IReadOnlyList<T> items, Func<T, ApprovalRequest> request, Func<T, string> line,
        string? footer, Lang lang)
    {
        var text = new StringBuilder(header);
        // Room kept for the "and N more" line and the footer, so adding them cannot break the limit.
        var reserve = ApprovalListTexts.AndMore.In(lang, items.Count).Length + 1 + (footer is null ? 0 : footer.Length + 2);
        var shown = new List<ApprovalRequest>();
        foreach (var item in items)
        {
            var next = $"\n{shown.Count + 1}. {line(item)}";
            if (shown.Count == MaxLines || text.Length + next.Length + reserve > MaxMessageLength) break;
            text.Append(next);
            shown.Add(request(item));
        }
        if (shown.Count < items.Count) text.Append('\n').Append(ApprovalListTexts.AndMore.In(lang, items.Count - shown.Count));
        if (footer is not null) text.Append("\n\n").Append(footer);
        var buttons = shown.DistinctBy(r => r.Id).SelectMany(ApprovalButtons.ShowButton).Chunk(ButtonsPerRow).ToArray();
        return new ListMessage(text.ToString(), buttons);
    }
}
