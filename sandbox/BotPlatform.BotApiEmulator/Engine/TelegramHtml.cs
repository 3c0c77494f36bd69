using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace BotPlatform.Testing;

/// <summary>
/// parse_mode=HTML as Telegram reads it: the supported tags become entities, the four named
/// entities and numeric character references are decoded, anything else is an error
/// "can't parse entities: ..." with Telegram's wording and UTF-8 byte offsets.
/// </summary>
internal static class TelegramHtml
{
    private static readonly Dictionary<string, string> EntityTypes = new(StringComparer.Ordinal)
    {
        ["b"] = "bold",
        ["strong"] = "bold",
        ["i"] = "italic",
        ["em"] = "italic",
        ["u"] = "underline",
        ["ins"] = "underline",
        ["s"] = "strikethrough",
        ["strike"] = "strikethrough",
        ["del"] = "strikethrough",
        ["a"] = "text_link",
        ["code"] = "code",
        ["pre"] = "pre",
        ["tg-spoiler"] = "spoiler",
        ["span"] = "spoiler",
        ["blockquote"] = "blockquote",
    };

    public static (string Text, JsonArray Entities) Parse(string html)
    {
        var text = new StringBuilder(html.Length);
        var open = new Stack<OpenTag>();
        var entities = new List<(int Offset, int Length, JsonObject Json)>();
        var i = 0;
        while (i < html.Length)
        {
            switch (html[i])
            {
                case '<':
                    i = ReadTag(html, i, text, open, entities);
                    break;
                case '&':
                    i = ReadCharacterReference(html, i, text);
                    break;
                default:
                    text.Append(html[i++]);
                    break;
            }
        }

        if (open.Count > 0)
        {
            throw Error($"Can't find end tag corresponding to start tag \"{open.Peek().Name}\"");
        }

        var ordered = entities.OrderBy(e => e.Offset).ThenByDescending(e => e.Length).Select(e => (JsonNode)e.Json);
        return (text.ToString(), new JsonArray(ordered.ToArray()));
    }

    private static int ReadTag(string html, int start, StringBuilder text, Stack<OpenTag> open, List<(int, int, JsonObject)> entities)
    {
        var end = html.IndexOf('>', start);
        if (end < 0)
        {
            throw Error($"Can't find end of the tag starting at byte offset {ByteOffset(html, start)}");
        }

        var body = html[(start + 1)..end];
        if (body.StartsWith('/'))
        {
            var name = body[1..].Trim().ToLowerInvariant();
            if (open.Count == 0)
            {
                throw Error($"Unexpected end tag at byte offset {ByteOffset(html, start)}");
            }

            var tag = open.Pop();
            if (name != tag.Name)
            {
                throw Error($"Unmatched end tag at byte offset {ByteOffset(html, start)}, expected \"</{tag.Name}>\", found \"</{name}>\"");
            }

            var length = text.Length - tag.TextOffset;
            if (length > 0)
            {
                entities.Add((tag.TextOffset, length, tag.ToEntity(length)));
            }

            return end + 1;
        }

        var nameLength = 0;
        while (nameLength < body.Length && (char.IsAsciiLetterOrDigit(body[nameLength]) || body[nameLength] == '-'))
        {
            nameLength++;
        }

        var tagName = body[..nameLength].ToLowerInvariant();
        if (tagName.Length == 0 || !EntityTypes.TryGetValue(tagName, out var type))
        {
            throw Error($"Unsupported start tag \"{tagName}\" at byte offset {ByteOffset(html, start)}");
        }

        var attributes = ReadAttributes(body[nameLength..]);
        if (tagName == "span" && attributes.GetValueOrDefault("class") != "tg-spoiler")
        {
            throw Error($"Tag \"span\" must have class \"tg-spoiler\" at byte offset {ByteOffset(html, start)}");
        }

        if (tagName == "blockquote" && attributes.ContainsKey("expandable"))
        {
            type = "expandable_blockquote";
        }

        var extra = new JsonObject();
        if (tagName == "a")
        {
            var href = attributes.GetValueOrDefault("href") ?? "";
            if (!Uri.TryCreate(href, UriKind.Absolute, out _))
            {
                throw Error($"Can't parse URL \"{href}\" at byte offset {ByteOffset(html, start)}");
            }

            extra["url"] = href;
        }

        if (tagName == "code" && open.TryPeek(out var parent) && parent.Name == "pre"
            && attributes.GetValueOrDefault("class") is { } language && language.StartsWith("language-", StringComparison.Ordinal))
        {
            parent.Extra["language"] = language["language-".Length..];
        }

        open.Push(new OpenTag(tagName, type, text.Length, extra));
        return end + 1;
    }

    private static Dictionary<string, string> ReadAttributes(string source)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        while (i < source.Length)
        {
            while (i < source.Length && char.IsWhiteSpace(source[i]))
            {
                i++;
            }

            var nameStart = i;
            while (i < source.Length && source[i] != '=' && !char.IsWhiteSpace(source[i]))
            {
                i++;
            }

            var name = source[nameStart..i].ToLowerInvariant();
            if (name.Length == 0)
            {
                break;
            }

            var value = "";
            if (i < source.Length && source[i] == '=')
            {
                i++;
                if (i < source.Length && source[i] is '"' or '\'')
                {
                    var quote = source[i++];
                    var close = source.IndexOf(quote, i);
                    close = close < 0 ? source.Length : close;
                    value = source[i..close];
                    i = Math.Min(close + 1, source.Length);
                }
                else
                {
                    var valueStart = i;
                    while (i < source.Length && !char.IsWhiteSpace(source[i]))
                    {
                        i++;
                    }

                    value = source[valueStart..i];
                }
            }

            var decoded = new StringBuilder();
            for (var j = 0; j < value.Length;)
            {
                j = value[j] == '&' ? ReadCharacterReference(value, j, decoded) : AppendChar(value, j, decoded);
            }

            attributes[name] = decoded.ToString();
        }

        return attributes;
    }

    private static int AppendChar(string source, int i, StringBuilder target)
    {
        target.Append(source[i]);
        return i + 1;
    }

    private static int ReadCharacterReference(string html, int start, StringBuilder text)
    {
        var end = html.IndexOf(';', start);
        if (end > start + 1 && end - start <= 10)
        {
            var name = html[(start + 1)..end];
            string? decoded = name switch
            {
                "lt" => "<",
                "gt" => ">",
                "amp" => "&",
                "quot" => "\"",
                _ when name.StartsWith("#x", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(name[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex) => CodePoint(hex),
                _ when name.StartsWith('#')
                    && int.TryParse(name[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var dec) => CodePoint(dec),
                _ => null,
            };
            if (decoded is not null)
            {
                text.Append(decoded);
                return end + 1;
            }
        }

        // Telegram leaves an ampersand that starts no known reference as it is.
        text.Append('&');
        return start + 1;
    }

    private static string? CodePoint(int value) =>
        value is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? char.ConvertFromUtf32(value) : null;

    private static int ByteOffset(string html, int index) => Encoding.UTF8.GetByteCount(html.AsSpan(0, index));

    private static BotApiException Error(string reason) => BotApiException.BadRequest("can't parse entities: " + reason);

    private sealed record OpenTag(string Name, string EntityType, int TextOffset, JsonObject Extra)
    {
        public JsonObject ToEntity(int length)
        {
            var entity = new JsonObject { ["type"] = EntityType, ["offset"] = TextOffset, ["length"] = length };
            foreach (var (key, value) in Extra)
            {
                entity[key] = value?.DeepClone();
            }

            return entity;
        }
    }
}
