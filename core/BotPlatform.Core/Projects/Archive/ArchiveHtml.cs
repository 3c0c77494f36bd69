using System.Globalization;
using System.Text;
using BotPlatform.Core.Calendar;
using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Projects.Archive;

/// <summary>What an archive page shows besides the messages.</summary>
public sealed record ArchivePage(
    Project Project,
    string ClientName,
    IReadOnlyList<string> GroupTitles,
    IReadOnlyList<ArchivedMessage> Messages,
    IReadOnlyDictionary<string, string> TasksByMessage,
    bool BotSeesAllMessages,
    DateTimeOffset ExportedAt,
    string ExportedBy,
    Lang Lang);

/// <summary>
/// The archive as one self-contained HTML page that reads like a chat log: days as headings, each message
/// with its time, author (agency or client), the message it answers, its files and, when edited, its
/// earlier versions. Inline CSS only, no scripts, no links out: it opens from a disk, prints, and shows the
/// same in ten years.
/// </summary>
public static class ArchiveHtml
{
    private const string Css = """
        :root{--bg:#eef1f5;--card:#fff;--ink:#1d232b;--muted:#6b7683;--agency:#e3f0ff;--client:#fff;--line:#d8dee6;--accent:#2b6cb0}
        *{box-sizing:border-box}
        body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.45 "DejaVu Sans",system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
        header{background:var(--card);border-bottom:1px solid var(--line);padding:16px 20px}
        header h1{margin:0 0 8px;font-size:20px}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0;font-size:14px}
        dt{color:var(--muted)}dd{margin:0}
        .note{margin:10px 0 0;font-size:13px;color:var(--muted)}
        .warn{margin:10px 0 0;padding:8px 10px;background:#fff4e5;border:1px solid #f0c27b;border-radius:6px;font-size:13px}
        main{max-width:820px;margin:0 auto;padding:8px 12px 32px}
        .day{text-align:center;margin:18px 0 8px}
        .day span{background:#d9e0e8;border-radius:12px;padding:3px 12px;font-size:13px;color:#3c4753}
        .msg{background:var(--client);border:1px solid var(--line);border-radius:10px;padding:8px 12px;margin:6px 56px 6px 0}
        .msg.agency{background:var(--agency);margin:6px 0 6px 56px}
        .msg.bot{background:#f3f6f9;margin:6px 28px}
        .head{display:flex;flex-wrap:wrap;gap:6px;align-items:baseline;font-size:13px}
        .who{font-weight:700;color:var(--ink)}
        .user{color:var(--muted)}
        .badge{font-size:11px;border-radius:8px;padding:0 6px;border:1px solid var(--line);color:var(--muted)}
        .agency .badge{border-color:#9cc3f0;color:#245a94}
        time{color:var(--muted);margin-left:auto}
        .text{white-space:pre-wrap;word-wrap:break-word;margin-top:4px}
        .quote{border-left:3px solid var(--accent);padding:2px 8px;margin:4px 0;font-size:13px;color:#3c4753;background:rgba(43,108,176,.06)}
        .quote a{color:var(--accent);text-decoration:none}
        .files{list-style:none;margin:6px 0 0;padding:0;font-size:13px}
        .files li{padding:2px 0}
        .edited{font-size:12px;color:#9a5b00}
        details{margin-top:4px;font-size:13px;color:#3c4753}
        details ol{margin:4px 0;padding-left:20px}
        .old{white-space:pre-wrap;text-decoration:line-through;text-decoration-color:rgba(0,0,0,.25)}
        .event{text-align:center;font-size:13px;color:var(--muted);margin:6px 0}
        .fwd,.partial{font-size:12px;color:var(--muted)}
        .task{font-size:12px;color:#276749;font-weight:700}
        @media print{body{background:#fff}.msg,.msg.agency,.msg.bot{break-inside:avoid;margin-left:0;margin-right:0}}
        @media (max-width:600px){.msg,.msg.agency{margin-left:0;margin-right:0}}
        """;

    public static string Render(ArchivePage page, WorkingCalendar calendar)
    {
        var lang = page.Lang;
        var culture = CultureInfo.GetCultureInfo(lang == Lang.Ru ? "ru-RU" : "en-GB");
        var byKey = page.Messages.ToDictionary(m => m.Id);
        var html = new StringBuilder(256 + page.Messages.Count * 420);
        var title = ArchiveTexts.Title.In(lang, page.Project.Number, page.Project.Title);
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(lang == Lang.Ru ? "ru" : "en").Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>").Append(E(title)).Append("</title><style>")
            .Append(Css).Append("</style></head><body>\n<header><h1>").Append(E(title)).Append("</h1><dl>");
        Row(html, ArchiveTexts.Client.In(lang), page.ClientName);
        Row(html, ArchiveTexts.Groups.In(lang), string.Join(", ", page.GroupTitles));
        if (page.Messages.Count > 0)
            Row(html, ArchiveTexts.Period.In(lang),
                $"{Local(calendar, page.Messages[0].At).ToString("dd.MM.yyyy", culture)} — {Local(calendar, page.Messages[^1].At).ToString("dd.MM.yyyy", culture)}");
        Row(html, ArchiveTexts.Count.In(lang), page.Messages.Count(m => m.Event == ArchivedEvent.None).ToString("N0", culture));
        Row(html, ArchiveTexts.Exported.In(lang), ArchiveTexts.ExportedBy.In(lang, Local(calendar, page.ExportedAt).ToString("dd.MM.yyyy HH:mm", culture), page.ExportedBy));
        html.Append("</dl><p class=\"note\">").Append(E(ArchiveTexts.KeptNote.In(lang))).Append("</p>");
        if (!page.BotSeesAllMessages) html.Append("<p class=\"warn\">").Append(E(ArchiveTexts.PrivacyNote.In(lang))).Append("</p>");
        html.Append("</header>\n<main>\n");
        DateOnly? day = null;
        foreach (var message in page.Messages)
        {
            var local = Local(calendar, message.At);
            var date = DateOnly.FromDateTime(local.DateTime);
            if (date != day)
            {
                day = date;
                html.Append("<div class=\"day\"><span>").Append(E(local.ToString("d MMMM yyyy, dddd", culture))).Append("</span></div>\n");
            }
            if (message.Event != ArchivedEvent.None) AppendEvent(html, message, lang);
            else AppendMessage(html, message, byKey, page.TasksByMessage, calendar, culture, lang);
        }
        html.Append("</main></body></html>\n");
        return html.ToString();
    }

    private static void AppendEvent(StringBuilder html, ArchivedMessage message, Lang lang)
    {
        var text = message.Event switch
        {
            ArchivedEvent.Joined => ArchiveTexts.Joined.In(lang, message.EventArgument ?? message.FromName),
            ArchivedEvent.Left => ArchiveTexts.Left.In(lang, message.EventArgument ?? message.FromName),
            _ => ArchiveTexts.Renamed.In(lang, message.FromName, message.EventArgument),
        };
        html.Append("<div class=\"event\" id=\"").Append(Anchor(message)).Append("\">").Append(E(text)).Append("</div>\n");
    }

    private static void AppendMessage(StringBuilder html, ArchivedMessage message, Dictionary<string, ArchivedMessage> byKey,
        IReadOnlyDictionary<string, string> tasks, WorkingCalendar calendar, CultureInfo culture, Lang lang)
    {
        var side = message.FromBot ? "bot" : message.PersonId is not null ? "agency" : "client";
        var badge = message.FromBot ? ArchiveTexts.Bot : message.PersonId is not null ? ArchiveTexts.Staff : ArchiveTexts.ClientSide;
        var local = Local(calendar, message.At);
        html.Append("<article class=\"msg ").Append(side).Append("\" id=\"").Append(Anchor(message)).Append("\"><div class=\"head\"><span class=\"who\">")
            .Append(E(message.FromName.Length > 0 ? message.FromName : "—")).Append("</span>");
        if (message.FromUsername is { } username) html.Append("<span class=\"user\">@").Append(E(username)).Append("</span>");
        html.Append("<span class=\"badge\">").Append(E(badge.In(lang))).Append("</span>");
        if (tasks.TryGetValue(message.Id, out var task)) html.Append("<span class=\"task\">").Append(E(ArchiveTexts.TaskMade.In(lang, task))).Append("</span>");
        html.Append("<time datetime=\"").Append(message.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append("\">")
            .Append(local.ToString("HH:mm", culture)).Append("</time></div>");
        if (message.ForwardedFrom is { } forwarded) html.Append("<div class=\"fwd\">").Append(E(ArchiveTexts.Forwarded.In(lang, forwarded))).Append("</div>");
        if (message.ReplyToMessageId is { } replyTo)
        {
            html.Append("<div class=\"quote\">");
            if (byKey.TryGetValue(ArchivedMessage.Key(message.ChatId, replyTo), out var original))
                html.Append("<a href=\"#").Append(Anchor(original)).Append("\">").Append(E(ArchiveTexts.ReplyTo.In(lang, original.FromName))).Append("</a>: ")
                    .Append(E(Snippet(original.Current, lang)));
            else html.Append(E(ArchiveTexts.ReplyTo.In(lang, ArchiveTexts.ReplyUnknown.In(lang))));
            html.Append("</div>");
        }
        var current = message.Current;
        if (!string.IsNullOrEmpty(current.Text)) html.Append("<div class=\"text\">").Append(E(current.Text)).Append("</div>");
        AppendFiles(html, current.Files, lang);
        if (message.IsEdited)
        {
            var last = message.Versions.LastOrDefault(v => v.Edited) ?? current;
            html.Append("<div class=\"edited\">✏️ ").Append(E(ArchiveTexts.Edited.In(lang, Local(calendar, last.At).ToString("dd.MM.yyyy HH:mm", culture)))).Append("</div>");
            if (message.Versions.Count > 1)
            {
                html.Append("<details><summary>").Append(E(ArchiveTexts.EarlierVersions.In(lang))).Append(" (").Append(message.Versions.Count - 1).Append(")</summary><ol>");
                foreach (var version in message.Versions.Take(message.Versions.Count - 1))
                {
                    var when = Local(calendar, version.At).ToString("dd.MM.yyyy HH:mm", culture);
                    html.Append("<li><span class=\"fwd\">").Append(E((version.Edited ? ArchiveTexts.Version : ArchiveTexts.Original).In(lang, when))).Append("</span> ")
                        .Append("<span class=\"old\">").Append(E(string.IsNullOrEmpty(version.Text) ? ArchiveTexts.NoText.In(lang) : version.Text)).Append("</span>");
                    AppendFiles(html, version.Files, lang);
                    html.Append("</li>");
                }
                html.Append("</ol></details>");
            }
        }
        if (message.FromQuote) html.Append("<div class=\"partial\">").Append(E(ArchiveTexts.FromQuote.In(lang))).Append("</div>");
        html.Append("</article>\n");
    }

    private static void AppendFiles(StringBuilder html, List<ArchivedFile> files, Lang lang)
    {
        if (files.Count == 0) return;
        html.Append("<ul class=\"files\">");
        foreach (var file in files)
        {
            html.Append("<li>📎 ").Append(E(ArchiveTexts.FileKind(file.Kind).In(lang)));
            if (file.FileName is { } name) html.Append(": <b>").Append(E(name)).Append("</b>");
            if (file.Size is { } size) html.Append(" · ").Append(E(Size(size, lang)));
            if (file.FileId is { } id) html.Append(" <span class=\"fwd\">id ").Append(E(id)).Append("</span>");
            html.Append("</li>");
        }
        html.Append("</ul>");
    }

    public static string Snippet(MessageVersion version, Lang lang)
    {
        var text = version.Text ?? version.Files.FirstOrDefault()?.FileName ?? (version.Files.Count > 0 ? ArchiveTexts.FileKind(version.Files[0].Kind).In(lang) : "");
        text = text.ReplaceLineEndings(" ");
        return text.Length > 90 ? text[..90] + "…" : text;
    }

    private static string Size(long bytes, Lang lang) => bytes switch
    {
        < 1024 => bytes.ToString(CultureInfo.InvariantCulture) + (lang == Lang.Ru ? " Б" : " B"),
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + (lang == Lang.Ru ? " КБ" : " KB"),
        _ => (bytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + (lang == Lang.Ru ? " МБ" : " MB"),
    };

    private static void Row(StringBuilder html, string term, string value) =>
        html.Append("<dt>").Append(E(term)).Append("</dt><dd>").Append(E(value)).Append("</dd>");

    private static string Anchor(ArchivedMessage message) =>
        string.Create(CultureInfo.InvariantCulture, $"m{Math.Abs(message.ChatId)}-{message.MessageId}");

    private static DateTimeOffset Local(WorkingCalendar calendar, DateTimeOffset instant) => calendar.ToLocal(instant);

    /// <summary>Escapes markup only: the page is UTF-8, so Cyrillic and emoji stay as they are (readable in the file, half the size).</summary>
    private static string E(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text.AsSpan().IndexOfAny("<>&\"'") < 0) return text;
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '&': escaped.Append("&amp;"); break;
                case '"': escaped.Append("&quot;"); break;
                case '\'': escaped.Append("&#39;"); break;
                default: escaped.Append(c); break;
            }
        }
        return escaped.ToString();
    }
}
