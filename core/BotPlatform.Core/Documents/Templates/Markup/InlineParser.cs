using System.Text;

namespace BotPlatform.Core.Documents.Templates.Markup;

/// <summary>
/// Emphasis inside a block: "**bold**", "*italic*", "***both***"; "\*", "\|" and "\\" are a literal
/// asterisk, bar and backslash. A block's lines are joined with single spaces; emphasis may run across
/// them but must be closed within the block.
/// </summary>
internal static class InlineParser
{
    public static IReadOnlyList<Run> Parse(IReadOnlyList<SourceLine> lines)
    {
        var runs = new List<Run>();
        var text = new StringBuilder();
        bool bold = false, italic = false;
        int boldLine = 0, italicLine = 0;

        void Flush()
        {
            if (text.Length == 0) return;
            var value = text.ToString();
            text.Clear();
            if (runs.Count > 0 && runs[^1] is var last && last.Bold == bold && last.Italic == italic)
                runs[^1] = last with { Text = last.Text + value };
            else
                runs.Add(new Run(value, bold, italic));
        }

        for (var l = 0; l < lines.Count; l++)
        {
            if (l > 0) text.Append(' ');
            var (number, line) = lines[l];
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (c == '\\' && i + 1 < line.Length && line[i + 1] is '*' or '|' or '\\')
                {
                    text.Append(line[++i]);
                    continue;
                }
                if (c != '*')
                {
                    text.Append(c);
                    continue;
                }
                var stars = 1;
                while (i + stars < line.Length && line[i + stars] == '*' && stars < 3) stars++;
                i += stars - 1;
                Flush();
                if (stars >= 2)
                {
                    bold = !bold;
                    boldLine = number;
                }
                if (stars != 2)
                {
                    italic = !italic;
                    italicLine = number;
                }
            }
        }
        Flush();
        if (bold) throw new MarkupException(boldLine, MarkupTexts.UnclosedBold);
        if (italic) throw new MarkupException(italicLine, MarkupTexts.UnclosedItalic);
        return Trim(runs);
    }

    public static IReadOnlyList<Run> Parse(SourceLine line) => Parse([line]);

    /// <summary>No leading or trailing spaces in a block, and no empty runs.</summary>
    private static List<Run> Trim(List<Run> runs)
    {
        if (runs.Count > 0) runs[0] = runs[0] with { Text = runs[0].Text.TrimStart() };
        if (runs.Count > 0) runs[^1] = runs[^1] with { Text = runs[^1].Text.TrimEnd() };
        runs.RemoveAll(r => r.Text.Length == 0);
        return runs;
    }
}

/// <summary>A line of the filled text with its line number in the template.</summary>
internal readonly record struct SourceLine(int Number, string Text);
