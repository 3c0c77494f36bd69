using System.Net;
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
        var open = new List<FakeEntity>();
        var html = new StringBuilder(text.Length + 32);
        var next = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            CloseEndingAt(i, text, open, html);
            if (i == text.Length) break;
            for (; next < pending.Count && pending[next].Offset == i; next++)
            {
                html.Append(Open(pending[next], text));
                open.Add(pending[next]);
            }

            html.Append(WebUtility.HtmlEncode(text[i].ToString()));
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
        "a" => $"<a href=\"{WebUtility.HtmlEncode(SafeUrl(entity, text))}\" target=\"_blank\" rel=\"noopener noreferrer\">",
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
