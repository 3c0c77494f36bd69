using System.Text;
using BotPlatform.Testing;

namespace BotPlatform.Bot.Sandbox;

/// <summary>A message's text with its entities as safe HTML, the way a Telegram client draws it.</summary>
public static class MessageHtml
{
    public static string Render(string? text, IReadOnlyList<FakeEntity> entities)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var pending = entities
            .Where(e => e.Length > 0 && e.Offset >= 0 && e.Offset + e.Length <= text.Length && Tag(e) is not null)
            .OrderBy(e => e.Offset).ThenByDescending(e => e.Length)
            .ToList();
        // Tags go only where an entity starts or ends; the text between is encoded in one piece, so a
        // surrogate pair (an emoji) is never split.
        var boundaries = pending.SelectMany(e => new[] { e.Offset, e.Offset + e.Length }).Append(0).Append(text.Length).Distinct().Order().ToArray();
        var open = new List<FakeEntity>();
        var html = new StringBuilder(text.Length + 32);
        var next = 0;
        for (var b = 0; b < boundaries.Length; b++)
        {
            var at = boundaries[b];
            CloseEndingAt(at, text, open, html);
            if (at == text.Length) break;
            for (; next < pending.Count && pending[next].Offset == at; next++)
            {
                html.Append(Open(pending[next], text));
                open.Add(pending[next]);
            }

            html.Append(Escape(text[at..boundaries[b + 1]]));
        }

        return html.ToString();
    }

    /// <summary>Closes what ends here; entities that overlap without nesting are closed and opened again so the HTML stays well formed.</summary>
    private static void CloseEndingAt(int position, string text, List<FakeEntity> open, StringBuilder html)
    {
        var first = open.FindIndex(e => e.Offset + e.Length <= position);
        if (first < 0) return;
        var reopen = new List<FakeEntity>();
        for (var k = open.Count - 1; k >= first; k--)
        {
            html.Append("</").Append(Tag(open[k])).Append('>');
            if (open[k].Offset + open[k].Length > position) reopen.Insert(0, open[k]);
        }

        open.RemoveRange(first, open.Count - first);
        foreach (var entity in reopen)
        {
            html.Append(Open(entity, text));
            open.Add(entity);
        }
    }

    /// <summary>Only the five characters HTML gives a meaning; letters and emoji stay as they are.</summary>
    public static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);

    private static string? Tag(FakeEntity entity) => entity.Type switch
    {
        "bold" => "b",
        "italic" => "i",
        "underline" => "u",
        "strikethrough" => "s",
        "code" => "code",
        "pre" => "pre",
        "blockquote" or "expandable_blockquote" => "blockquote",
        "spoiler" or "mention" or "hashtag" or "bot_command" or "cashtag" => "span",
        "text_link" or "url" or "email" => "a",
        _ => null,
    };

    private static string Open(FakeEntity entity, string text) => Tag(entity) switch
    {
        "span" => $"<span class=\"{entity.Type.Replace('_', '-')}\">",
        "a" => $"<a href=\"{Escape(SafeUrl(entity, text))}\" target=\"_blank\" rel=\"noopener noreferrer\">",
        var tag => $"<{tag}>",
    };

    private static string SafeUrl(FakeEntity entity, string text)
    {
        var url = entity.Type switch
        {
            "text_link" => entity.Url ?? "",
            "email" => "mailto:" + text.Substring(entity.Offset, entity.Length),
            _ => text.Substring(entity.Offset, entity.Length),
        };
        if (entity.Type == "url" && !url.Contains("://", StringComparison.Ordinal)) url = "http://" + url;
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto" or "tg" ? uri.ToString() : "#";
    }
}
