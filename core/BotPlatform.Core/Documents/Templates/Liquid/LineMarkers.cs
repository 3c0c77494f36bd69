using System.Globalization;
using System.Text;
using BotPlatform.Core.Documents.Templates.Markup;

namespace BotPlatform.Core.Documents.Templates.Liquid;

/// <summary>
/// Keeps template line numbers through Liquid. Before Liquid runs, each line that starts outside a
/// Liquid tag gets an invisible marker with its number; Liquid copies markers like any text (a loop body
/// copies them once per pass), so each filled line knows the template line it came from, and the last
/// marker written before a render error tells where the error is.
/// A line holding only {% %} tags does not leave an empty line behind (its line break is dropped), so
/// "{% for %}" on its own line does not split a table.
/// </summary>
internal static class LineMarkers
{
    private const char Open = '\uE000';
    private const char Close = '\uE001';

    public static string Insert(string template)
    {
        var lines = template.Replace("\r\n", "\n").Split('\n');
        var result = new StringBuilder(template.Length + lines.Length * 6);
        var scanner = new TagScanner();
        var previousTrimsRight = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var startsInside = scanner.Inside;
            var trimmed = line.TrimStart();
            var trimsLeft = trimmed.StartsWith("{%-", StringComparison.Ordinal) || trimmed.StartsWith("{{-", StringComparison.Ordinal);
            // A marker next to whitespace control would stop the trimming: Liquid trims whitespace only.
            if (!startsInside && !trimsLeft && !previousTrimsRight)
                result.Append(Open).Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(Close);
            var tagOnly = !startsInside && scanner.IsTagOnly(line);
            scanner.Feed(line);
            result.Append(line);
            var end = line.TrimEnd();
            previousTrimsRight = end.EndsWith("-%}", StringComparison.Ordinal) || end.EndsWith("-}}", StringComparison.Ordinal);
            if (i < lines.Length - 1 && !(tagOnly && !scanner.Inside)) result.Append('\n');
        }
        return result.ToString();
    }

    /// <summary>The filled text without markers, each line numbered by the template line it came from.</summary>
    public static (string Text, List<SourceLine> Lines) Strip(string filled, int templateLines)
    {
        var lines = new List<SourceLine>();
        var previous = 0;
        foreach (var raw in filled.Split('\n'))
        {
            var number = LastMarker(raw) ?? Math.Min(previous + 1, Math.Max(templateLines, 1));
            lines.Add(new SourceLine(number, Remove(raw)));
            previous = number;
        }
        return (string.Join('\n', lines.Select(l => l.Text)), lines);
    }

    /// <summary>The template line a render error happened on: the last line whose start was written.</summary>
    public static int LineOfFailure(string partialOutput) => LastMarker(partialOutput) ?? 1;

    private static int? LastMarker(string text)
    {
        var close = text.LastIndexOf(Close);
        if (close < 0) return null;
        var open = text.LastIndexOf(Open, close);
        return open >= 0 && int.TryParse(text.AsSpan(open + 1, close - open - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : null;
    }

    private static string Remove(string text)
    {
        if (text.IndexOf(Open) < 0) return text;
        var result = new StringBuilder(text.Length);
        var inMarker = false;
        foreach (var c in text)
        {
            if (c == Open) inMarker = true;
            else if (c == Close) inMarker = false;
            else if (!inMarker) result.Append(c);
        }
        return result.ToString();
    }

    /// <summary>Follows {{ }} and {% %} (and quoted strings inside them) across lines.</summary>
    private sealed class TagScanner
    {
        private char _closing; // '}' inside {{ }}, '%' inside {% %}, '\0' outside
        private char _quote;

        public bool Inside => _closing != '\0';

        public void Feed(string line)
        {
            for (var i = 0; i < line.Length; i++) i = Step(line, i);
        }

        /// <summary>Only {% %} tags and spaces, at least one tag, ending outside a tag.</summary>
        public bool IsTagOnly(string line)
        {
            var probe = new TagScanner();
            var sawTag = false;
            for (var i = 0; i < line.Length; i++)
            {
                if (!probe.Inside)
                {
                    if (char.IsWhiteSpace(line[i])) continue;
                    if (i + 1 >= line.Length || line[i] != '{' || line[i + 1] != '%') return false;
                    sawTag = true;
                }
                i = probe.Step(line, i);
            }
            return sawTag && !probe.Inside;
        }

        private int Step(string line, int i)
        {
            var c = line[i];
            if (_closing == '\0')
            {
                if (c == '{' && i + 1 < line.Length && line[i + 1] is '{' or '%')
                {
                    _closing = line[i + 1] == '{' ? '}' : '%';
                    return i + 1;
                }
                return i;
            }
            if (_quote != '\0')
            {
                if (c == _quote) _quote = '\0';
                return i;
            }
            if (c is '"' or '\'') _quote = c;
            else if (c == _closing && i + 1 < line.Length && line[i + 1] == '}')
            {
                _closing = '\0';
                return i + 1;
            }
            return i;
        }
    }
}
