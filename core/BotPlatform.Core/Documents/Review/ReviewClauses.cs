using System.Text.RegularExpressions;
using BotPlatform.Core.Documents.Templates.Markup;

namespace BotPlatform.Core.Documents.Review;

/// <summary>A numbered clause of a document's text and the markup lines it stands on.</summary>
public sealed record ReviewClause(string Number, int Level, string Text, int FirstLine, int LastLine);

/// <summary>
/// The clauses of a document's filled markup, and the replacement of one clause's wording: the clause's
/// lines become one line with the new wording, escaped so that nothing in it is read as markup or Liquid.
/// </summary>
public static partial class ReviewClauses
{
    public static IReadOnlyList<SourcedBlock> Blocks(string text) =>
        MarkupParser.ParseWithSources(text) is { IsOk: true, Value: { } blocks } ? blocks : [];

    public static IReadOnlyList<ReviewClause> Of(string text) => Blocks(text)
        .Select(b => b.Block is ClauseBlock c ? new ReviewClause(c.Number, c.Level, Plain(c.Runs), b.FirstLine, b.LastLine) : null)
        .OfType<ReviewClause>()
        .ToList();

    public static ReviewClause? Find(string text, string number) =>
        Of(text).FirstOrDefault(c => string.Equals(c.Number, Normalise(number), StringComparison.Ordinal));

    /// <summary>"2.1" and "2.1." name the same clause.</summary>
    public static string Normalise(string number)
    {
        var n = number.Trim();
        return n.Length == 0 || n.EndsWith('.') ? n : n + ".";
    }

    public static string Plain(IReadOnlyList<Run> runs) => string.Concat(runs.Select(r => r.Text)).Trim();

    /// <summary>Whitespace (new lines included) collapsed to single spaces: a wording is one clause, one line.</summary>
    public static string OneLine(string wording) => Spaces().Replace(wording, " ").Trim();

    public static string Replace(string text, ReviewClause clause, string wording)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').ToList();
        var first = lines[clause.FirstLine - 1];
        var indent = first[..(first.Length - first.TrimStart().Length)];
        var line = indent + (clause.Level == 1 ? ". " : ".. ") + Escape(OneLine(wording));
        lines.RemoveRange(clause.FirstLine - 1, clause.LastLine - clause.FirstLine + 1);
        lines.Insert(clause.FirstLine - 1, line);
        return string.Join('\n', lines);
    }

    /// <summary>Emphasis marks and table bars are literal; "{{" and "{%" are broken so that Liquid leaves them as text.</summary>
    public static string Escape(string wording) => wording
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("*", "\\*", StringComparison.Ordinal)
        .Replace("|", "\\|", StringComparison.Ordinal)
        .Replace("{{", "{ {", StringComparison.Ordinal)
        .Replace("{%", "{ %", StringComparison.Ordinal);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
