namespace BotPlatform.Core.Documents;

/// <summary>
/// A document's text as the markup parser reads it (see docs/templates.md) and the PDF renderer
/// lays it out. Clause numbers are already computed by the parser; the renderer only draws.
/// </summary>
public sealed record DocumentBody(IReadOnlyList<Block> Blocks);

/// <summary>A piece of text with its emphasis.</summary>
public sealed record Run(string Text, bool Bold = false, bool Italic = false);

public enum Align
{
    Left,
    Center,
    Right,
    Justify,
}

public abstract record Block;

/// <summary>"# ..." - the document's title, centred, large.</summary>
public sealed record TitleBlock(IReadOnlyList<Run> Runs) : Block;

/// <summary>"## ..." - a section heading, numbered "1." by the parser (Number empty when unnumbered).</summary>
public sealed record HeadingBlock(string Number, IReadOnlyList<Run> Runs) : Block;

/// <summary>". ..." / ".. ..." - a numbered clause ("1.2." at level 1, "1.2.3." at level 2) with a hanging indent.</summary>
public sealed record ClauseBlock(string Number, int Level, IReadOnlyList<Run> Runs) : Block;

/// <summary>Running text; consecutive lines join, a blank line ends it.</summary>
public sealed record ParagraphBlock(IReadOnlyList<Run> Runs, Align Align = Align.Justify) : Block;

/// <summary>A column of a table: its share of the width (relative weights) and alignment.</summary>
public sealed record TableColumn(double Weight, Align Align);

/// <summary>A table with a header row repeated on every page it spans.</summary>
public sealed record TableBlock(
    IReadOnlyList<TableColumn> Columns,
    IReadOnlyList<IReadOnlyList<Run>> Header,
    IReadOnlyList<IReadOnlyList<IReadOnlyList<Run>>> Rows) : Block;

/// <summary>
/// The parties' requisites side by side, without borders, kept on one page: each side is a list of
/// lines (the first is usually the party's role in bold), ending with a signature line.
/// </summary>
public sealed record SignaturesBlock(
    IReadOnlyList<IReadOnlyList<Run>> Left,
    IReadOnlyList<IReadOnlyList<Run>> Right) : Block;

/// <summary>"\newpage" - the next block starts on a new page.</summary>
public sealed record PageBreakBlock : Block;
