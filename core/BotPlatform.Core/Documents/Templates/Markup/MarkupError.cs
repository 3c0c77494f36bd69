using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Documents.Templates.Markup;

/// <summary>
/// Where and why the markup cannot be read; line is 1-based in the template. The message is in Russian,
/// the language of the templates and of the lawyers who edit them (the English text stays beside it).
/// </summary>
internal sealed class MarkupException(int line, Text text, params object[] args) : Exception(text.In(Lang.Ru, args))
{
    public int Line { get; } = line;
}

public static class MarkupTexts
{
    public static readonly Text UnclosedBold = new(
        "не закрыт жирный шрифт «**» (добавьте закрывающие «**» или напишите звёздочку как «\\*»)",
        "bold \"**\" is not closed (add the closing \"**\" or write an asterisk as \"\\*\")");
    public static readonly Text UnclosedItalic = new(
        "не закрыт курсив «*» (добавьте закрывающую «*» или напишите звёздочку как «\\*»)",
        "italic \"*\" is not closed (add the closing \"*\" or write an asterisk as \"\\*\")");
    public static readonly Text UnclosedBlock = new(
        "блок «::: {0}» не закрыт строкой «:::»",
        "block \"::: {0}\" is not closed with a \":::\" line");
    public static readonly Text StrayBlockEnd = new(
        "«:::» закрывает блок, но открытого блока нет",
        "\":::\" closes a block, but no block is open");
    public static readonly Text UnknownBlock = new(
        "неизвестный блок «::: {0}»; есть только «::: signatures»",
        "unknown block \"::: {0}\"; only \"::: signatures\" exists");
    public static readonly Text SignatureWithoutSeparator = new(
        "в строке подписей нет «||» между левой и правой частью",
        "a signatures line has no \"||\" between its left and right parts");
    public static readonly Text WrongCellCount = new(
        "в строке таблицы {0} ячеек, а в заголовке {1}",
        "the table row has {0} cells, the header has {1}");
    public static readonly Text WrongAlignmentCount = new(
        "в строке выравнивания {0} ячеек, а в заголовке {1}",
        "the alignment row has {0} cells, the header has {1}");
    public static readonly Text UnknownHeading = new(
        "заголовков «{0}» нет: есть «#» (название документа), «##» (раздел) и «##*» (раздел без номера)",
        "there are no \"{0}\" headings: use \"#\" (title), \"##\" (section) or \"##*\" (unnumbered section)");
    public static readonly Text SubclauseWithoutClause = new(
        "пункт второго уровня «..» без пункта первого уровня «.» перед ним",
        "a second-level clause \"..\" has no first-level clause \".\" before it");
    public static readonly Text EmptyTable = new(
        "в таблице нет ни одной ячейки",
        "the table has no cells");
}
