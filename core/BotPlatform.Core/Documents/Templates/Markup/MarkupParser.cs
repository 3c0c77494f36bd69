using System.Globalization;
using BotPlatform.Core.Common;

namespace BotPlatform.Core.Documents.Templates.Markup;

/// <summary>
/// Reads the template markup (docs/templates.md) into a <see cref="DocumentBody"/>: titles, numbered
/// headings and clauses, paragraphs, tables, the signatures block and page breaks. A mistake comes back
/// as Problem(TemplateProblems.Invalid, line, message) with the line in the template.
/// </summary>
public static class MarkupParser
{
    private const string SignaturesBlock = "signatures";

    public static Result<DocumentBody> Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').Select((line, i) => new SourceLine(i + 1, line)).ToList();
        return Parse(lines);
    }

    /// <summary>The blocks with the first and last line (1-based) each came from: what a review needs to replace one clause.</summary>
    public static Result<IReadOnlyList<SourcedBlock>> ParseWithSources(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').Select((line, i) => new SourceLine(i + 1, line)).ToList();
        try
        {
            var reader = new Reader(lines);
            reader.Read();
            return Result<IReadOnlyList<SourcedBlock>>.Ok(reader.Sources);
        }
        catch (MarkupException ex)
        {
            return Result<IReadOnlyList<SourcedBlock>>.Fail(TemplateProblems.Invalid, ex.Line, ex.Message);
        }
    }

    internal static Result<DocumentBody> Parse(IReadOnlyList<SourceLine> lines)
    {
        try
        {
            return Result<DocumentBody>.Ok(new Reader(lines).Read());
        }
        catch (MarkupException ex)
        {
            return Result<DocumentBody>.Fail(TemplateProblems.Invalid, ex.Line, ex.Message);
        }
    }

    private sealed class Reader(IReadOnlyList<SourceLine> lines)
    {
        private readonly List<Block> _blocks = [];
        private readonly List<SourcedBlock> _sources = [];
        private int _index;
        private int _heading;
        private int _clause;
        private int _subclause;

        public IReadOnlyList<SourcedBlock> Sources => _sources;

        public DocumentBody Read()
        {
            while (Next() is { } line)
            {
                var text = line.Text.Trim();
                if (text.Length == 0 || IsComment(text))
                {
                    _index++;
                    continue;
                }
                var before = _blocks.Count;
                ReadBlock(line, text);
                var last = lines[Math.Max(_index - 1, 0)].Number;
                for (var i = before; i < _blocks.Count; i++) _sources.Add(new SourcedBlock(_blocks[i], line.Number, last));
            }
            return new DocumentBody(_blocks);
        }

        private SourceLine? Next() => _index < lines.Count ? lines[_index] : null;

        private static bool IsComment(string text) => text.StartsWith("//", StringComparison.Ordinal);

        private void ReadBlock(SourceLine line, string text)
        {
            if (text == "\\newpage")
            {
                _index++;
                _blocks.Add(new PageBreakBlock());
            }
            else if (IsHeading(text)) ReadHeading(line, text);
            else if (text.StartsWith(":::", StringComparison.Ordinal)) ReadFenced(line, text);
            else if (text.StartsWith('|')) ReadTable();
            else if (text.StartsWith(".. ", StringComparison.Ordinal) || text == "..") ReadClause(line, 2, text[2..]);
            else if (text.StartsWith(". ", StringComparison.Ordinal) || text == ".") ReadClause(line, 1, text[1..]);
            else if (text.StartsWith(">>", StringComparison.Ordinal)) ReadParagraph(line, text[2..], Align.Right);
            else if (text.StartsWith("^^", StringComparison.Ordinal)) ReadParagraph(line, text[2..], Align.Center);
            else ReadParagraph(line, text, Align.Justify);
        }

        private void ReadHeading(SourceLine line, string text)
        {
            _index++;
            var marks = text.TakeWhile(c => c == '#').Count();
            var unnumbered = marks == 2 && text.Length > 2 && text[2] == '*';
            var rest = text[(marks + (unnumbered ? 1 : 0))..];
            if (marks > 2 || (rest.Length > 0 && !char.IsWhiteSpace(rest[0])))
                throw new MarkupException(line.Number, MarkupTexts.UnknownHeading, text.Split(' ')[0]);
            var runs = InlineParser.Parse(line with { Text = rest });
            if (marks == 1)
            {
                _blocks.Add(new TitleBlock(runs));
                return;
            }
            if (unnumbered)
            {
                _blocks.Add(new HeadingBlock("", runs));
                return;
            }
            _heading++;
            _clause = 0;
            _subclause = 0;
            _blocks.Add(new HeadingBlock(_heading.ToString(CultureInfo.InvariantCulture) + ".", runs));
        }

        private void ReadClause(SourceLine line, int level, string rest)
        {
            string number;
            if (level == 1)
            {
                _clause++;
                _subclause = 0;
                number = Prefix() + _clause.ToString(CultureInfo.InvariantCulture) + ".";
            }
            else
            {
                if (_clause == 0) throw new MarkupException(line.Number, MarkupTexts.SubclauseWithoutClause);
                _subclause++;
                number = Prefix() + _clause.ToString(CultureInfo.InvariantCulture) + "." + _subclause.ToString(CultureInfo.InvariantCulture) + ".";
            }
            _blocks.Add(new ClauseBlock(number, level, InlineParser.Parse(Continued(line with { Text = rest }))));
        }

        private string Prefix() => _heading == 0 ? "" : _heading.ToString(CultureInfo.InvariantCulture) + ".";

        private void ReadParagraph(SourceLine line, string rest, Align align) =>
            _blocks.Add(new ParagraphBlock(InlineParser.Parse(Continued(line with { Text = rest })), align));

        /// <summary>The block's first line and the lines that continue it: up to a blank line or another block's start.</summary>
        private List<SourceLine> Continued(SourceLine first)
        {
            var result = new List<SourceLine> { first };
            _index++;
            while (Next() is { } line)
            {
                var text = line.Text.Trim();
                if (IsComment(text))
                {
                    _index++;
                    continue;
                }
                if (text.Length == 0 || StartsBlock(text)) break;
                result.Add(line with { Text = text });
                _index++;
            }
            return result;
        }

        /// <summary>"# ", "## ", "##* ", "### "...: hashes (and the star) then a space; "#5" is text.</summary>
        private static bool IsHeading(string text)
        {
            var marks = text.TakeWhile(c => c == '#').Count();
            if (marks == 0) return false;
            var rest = text[marks..];
            if (rest.StartsWith('*')) rest = rest[1..];
            return rest.Length == 0 || char.IsWhiteSpace(rest[0]);
        }

        private static bool StartsBlock(string text) =>
            IsHeading(text) || text.StartsWith('|') || text.StartsWith(":::", StringComparison.Ordinal)
            || text == "\\newpage" || text == "." || text == ".."
            || text.StartsWith(". ", StringComparison.Ordinal) || text.StartsWith(".. ", StringComparison.Ordinal)
            || text.StartsWith(">>", StringComparison.Ordinal) || text.StartsWith("^^", StringComparison.Ordinal);

        private void ReadFenced(SourceLine open, string text)
        {
            var name = text[3..].Trim();
            if (name.Length == 0) throw new MarkupException(open.Number, MarkupTexts.StrayBlockEnd);
            if (!string.Equals(name, SignaturesBlock, StringComparison.OrdinalIgnoreCase))
                throw new MarkupException(open.Number, MarkupTexts.UnknownBlock, name);
            _index++;
            // An unclosed block is named as such, not as whatever line after it fails to look like a signature.
            var close = lines.Skip(_index).Select(l => l.Text.Trim()).FirstOrDefault(t => t.StartsWith(":::", StringComparison.Ordinal));
            if (close != ":::") throw new MarkupException(open.Number, MarkupTexts.UnclosedBlock, name);
            var left = new List<IReadOnlyList<Run>>();
            var right = new List<IReadOnlyList<Run>>();
            while (true)
            {
                var line = lines[_index++];
                var content = line.Text.Trim();
                if (content == ":::") break;
                if (IsComment(content)) continue;
                if (content.Length == 0)
                {
                    // A blank line is vertical space on both sides, except at the block's edges.
                    if (left.Count > 0)
                    {
                        left.Add([]);
                        right.Add([]);
                    }
                    continue;
                }
                var separator = content.IndexOf("||", StringComparison.Ordinal);
                if (separator < 0) throw new MarkupException(line.Number, MarkupTexts.SignatureWithoutSeparator);
                left.Add(InlineParser.Parse(line with { Text = content[..separator] }));
                right.Add(InlineParser.Parse(line with { Text = content[(separator + 2)..] }));
            }
            while (left.Count > 0 && left[^1].Count == 0 && right[^1].Count == 0)
            {
                left.RemoveAt(left.Count - 1);
                right.RemoveAt(right.Count - 1);
            }
            _blocks.Add(new SignaturesBlock(left, right));
        }

        private void ReadTable()
        {
            var rows = new List<(SourceLine Line, List<string> Cells)>();
            while (Next() is { } line && line.Text.Trim() is var text && (text.StartsWith('|') || IsComment(text)))
            {
                _index++;
                if (!IsComment(text)) rows.Add((line, Cells(text)));
            }
            var header = rows[0];
            if (header.Cells.Count == 0) throw new MarkupException(header.Line.Number, MarkupTexts.EmptyTable);
            var columns = Enumerable.Repeat(new TableColumn(1, Align.Left), header.Cells.Count).ToList();
            var body = rows.Skip(1).ToList();
            if (body.Count > 0 && IsAlignmentRow(body[0].Cells))
            {
                var alignment = body[0];
                if (alignment.Cells.Count != header.Cells.Count)
                    throw new MarkupException(alignment.Line.Number, MarkupTexts.WrongAlignmentCount, alignment.Cells.Count, header.Cells.Count);
                columns = alignment.Cells.Select(Column).ToList();
                body.RemoveAt(0);
            }
            foreach (var (line, cells) in body)
            {
                if (cells.Count != header.Cells.Count)
                    throw new MarkupException(line.Number, MarkupTexts.WrongCellCount, cells.Count, header.Cells.Count);
            }
            _blocks.Add(new TableBlock(
                columns,
                header.Cells.Select(c => InlineParser.Parse(header.Line with { Text = c })).ToList(),
                body.Select(r => (IReadOnlyList<IReadOnlyList<Run>>)r.Cells.Select(c => InlineParser.Parse(r.Line with { Text = c })).ToList()).ToList()));
        }

        /// <summary>"| a | b |" -> ["a", "b"]: split on bars that are not escaped; the outer bars are optional at the end.</summary>
        private static List<string> Cells(string text)
        {
            var cells = new List<string>();
            var start = 1;
            for (var i = 1; i < text.Length; i++)
            {
                if (text[i] == '\\' && i + 1 < text.Length)
                {
                    i++;
                    continue;
                }
                if (text[i] != '|') continue;
                cells.Add(text[start..i].Trim());
                start = i + 1;
            }
            var tail = text[start..].Trim();
            if (tail.Length > 0) cells.Add(tail);
            return cells;
        }

        private static bool IsAlignmentRow(List<string> cells) =>
            cells.Count > 0 && cells.All(c => c.Trim(':').Length > 0 && c.Trim(':').All(ch => ch == '-') && c.Length - c.Trim(':').Length <= 2
                && (c.Length < 2 || c[1..^1].All(ch => ch == '-')));

        private static TableColumn Column(string cell)
        {
            var left = cell.StartsWith(':');
            var right = cell.EndsWith(':') && cell.Length > 1;
            var align = (left, right) switch
            {
                (true, true) => Align.Center,
                (false, true) => Align.Right,
                _ => Align.Left,
            };
            return new TableColumn(cell.Count(c => c == '-'), align);
        }
    }
}

/// <summary>A parsed block and the lines of the markup it came from (1-based, inclusive).</summary>
public sealed record SourcedBlock(Block Block, int FirstLine, int LastLine);
