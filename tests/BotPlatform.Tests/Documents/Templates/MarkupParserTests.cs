using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Templates;
using BotPlatform.Core.Documents.Templates.Markup;

namespace BotPlatform.Tests.Documents.Templates;

public sealed class MarkupParserTests
{
    private static IReadOnlyList<Block> Parse(string text)
    {
        var result = MarkupParser.Parse(text);
        Assert.True(result.IsOk, result.Problem?.ToString());
        return result.Value!.Blocks;
    }

    private static (int Line, string Message) Error(string text)
    {
        var result = MarkupParser.Parse(text);
        Assert.False(result.IsOk);
        Assert.Equal(TemplateProblems.Invalid, result.Problem!.Code);
        return ((int)result.Problem.Args[0], (string)result.Problem.Args[1]);
    }

    private static string Plain(IReadOnlyList<Run> runs) => string.Concat(runs.Select(r => r.Text));

    [Fact]
    public void A_single_hash_line_is_the_title()
    {
        var blocks = Parse("# Договор оказания услуг № Д-2026-0001");

        var title = Assert.IsType<TitleBlock>(Assert.Single(blocks));
        Assert.Equal([new Run("Договор оказания услуг № Д-2026-0001")], title.Runs);
    }

    [Fact]
    public void Headings_are_numbered_in_order_and_an_unnumbered_one_keeps_the_count()
    {
        var blocks = Parse("## Предмет договора\n##* Преамбула\n## Стоимость");

        Assert.Equal(
            [("1.", "Предмет договора"), ("", "Преамбула"), ("2.", "Стоимость")],
            blocks.Cast<HeadingBlock>().Select(h => (h.Number, Plain(h.Runs))));
    }

    [Fact]
    public void Clauses_are_numbered_within_their_heading_and_restart_under_the_next()
    {
        var blocks = Parse("## Предмет\n. Первый\n. Второй\n.. Подпункт\n.. Ещё\n. Третий\n## Цена\n. Цена пункт\n.. Его подпункт");

        Assert.Equal(
            ["1.1.", "1.2.", "1.2.1.", "1.2.2.", "1.3.", "2.1.", "2.1.1."],
            blocks.OfType<ClauseBlock>().Select(c => c.Number));
        Assert.Equal([1, 1, 2, 2, 1, 1, 2], blocks.OfType<ClauseBlock>().Select(c => c.Level));
    }

    [Fact]
    public void Clauses_before_any_heading_have_plain_numbers()
    {
        var blocks = Parse(". Один\n.. Один-один\n. Два");

        Assert.Equal(["1.", "1.1.", "2."], blocks.OfType<ClauseBlock>().Select(c => c.Number));
    }

    [Fact]
    public void A_clause_continues_on_the_next_lines_until_a_blank_line()
    {
        var blocks = Parse(". Исполнитель обязуется\nоказать услуги\nв срок.\n\nНовый абзац.");

        Assert.Equal(2, blocks.Count);
        Assert.Equal("Исполнитель обязуется оказать услуги в срок.", Plain(((ClauseBlock)blocks[0]).Runs));
        Assert.Equal("Новый абзац.", Plain(((ParagraphBlock)blocks[1]).Runs));
    }

    [Fact]
    public void A_paragraph_ends_where_another_block_starts()
    {
        var blocks = Parse("Текст абзаца\n. Пункт\n| a |\n|---|");

        Assert.IsType<ParagraphBlock>(blocks[0]);
        Assert.IsType<ClauseBlock>(blocks[1]);
        Assert.IsType<TableBlock>(blocks[2]);
    }

    [Fact]
    public void Paragraph_alignment_comes_from_its_marker()
    {
        var blocks = Parse("Обычный\n\n>> Справа\n^^ По центру");

        Assert.Equal(
            [(Align.Justify, "Обычный"), (Align.Right, "Справа"), (Align.Center, "По центру")],
            blocks.Cast<ParagraphBlock>().Select(p => (p.Align, Plain(p.Runs))));
    }

    [Fact]
    public void Emphasis_becomes_runs()
    {
        var blocks = Parse("Обычный **жирный** и *курсив* и ***оба*** конец");

        Assert.Equal(
            [
                new Run("Обычный "), new Run("жирный", Bold: true), new Run(" и "), new Run("курсив", Italic: true), new Run(" и "),
                new Run("оба", Bold: true, Italic: true), new Run(" конец"),
            ],
            ((ParagraphBlock)Assert.Single(blocks)).Runs);
    }

    [Fact]
    public void Italic_inside_bold_is_both()
    {
        var runs = ((ParagraphBlock)Assert.Single(Parse("**жирный *и курсив* снова**"))).Runs;

        Assert.Equal([new Run("жирный ", true), new Run("и курсив", true, true), new Run(" снова", true)], runs);
    }

    [Fact]
    public void Escaped_asterisks_bars_and_backslashes_are_literal()
    {
        var runs = ((ParagraphBlock)Assert.Single(Parse(@"5 \* 3 \| C:\\dir \n"))).Runs;

        Assert.Equal([new Run(@"5 * 3 | C:\dir \n")], runs);
    }

    [Fact]
    public void Emphasis_may_span_the_lines_of_one_paragraph()
    {
        var runs = ((ParagraphBlock)Assert.Single(Parse("начало **жирного\nпродолжение** конец"))).Runs;

        Assert.Equal([new Run("начало "), new Run("жирного продолжение", true), new Run(" конец")], runs);
    }

    [Fact]
    public void Unclosed_bold_is_reported_at_the_line_where_it_opens()
    {
        var (line, message) = Error("# Договор\n\nПервая строка\nвторая **жирная\nтретья");

        Assert.Equal(4, line);
        Assert.Contains("**", message);
    }

    [Fact]
    public void Unclosed_italic_is_reported_with_its_line()
    {
        var (line, message) = Error("## Раздел\n. Пункт с *курсивом");

        Assert.Equal(2, line);
        Assert.Contains("курсив", message);
    }

    [Fact]
    public void A_table_has_a_header_rows_and_relative_widths_with_alignment()
    {
        var blocks = Parse("| № | Наименование | Сумма | Ед. |\n|:-|:----------|--:|:--:|\n| 1 | **SMM** | 120 000,00 | мес. |\n| 2 | Дизайн | 35 000,00 | час |");

        var table = Assert.IsType<TableBlock>(Assert.Single(blocks));
        Assert.Equal([new TableColumn(1, Align.Left), new TableColumn(10, Align.Left), new TableColumn(2, Align.Right), new TableColumn(2, Align.Center)],
            table.Columns);
        Assert.Equal(["№", "Наименование", "Сумма", "Ед."], table.Header.Select(Plain));
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal([new Run("SMM", Bold: true)], table.Rows[0][1]);
        Assert.Equal("35 000,00", Plain(table.Rows[1][2]));
    }

    [Fact]
    public void A_table_without_an_alignment_row_has_equal_left_columns_and_the_trailing_bar_is_optional()
    {
        var table = Assert.IsType<TableBlock>(Assert.Single(Parse("| a | b\n| 1 | 2")));

        Assert.Equal([new TableColumn(1, Align.Left), new TableColumn(1, Align.Left)], table.Columns);
        Assert.Equal(["1", "2"], table.Rows[0].Select(Plain));
    }

    [Fact]
    public void An_escaped_bar_stays_inside_its_cell_and_an_empty_cell_has_no_runs()
    {
        var table = Assert.IsType<TableBlock>(Assert.Single(Parse("| a | b |\n| x \\| y |  |")));

        Assert.Equal("x | y", Plain(table.Rows[0][0]));
        Assert.Empty(table.Rows[0][1]);
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_cells_is_reported_with_its_line()
    {
        var (line, message) = Error("Счёт\n\n| № | Услуга | Сумма |\n|---|---|---|\n| 1 | SMM | 100 |\n| 2 | Дизайн |");

        Assert.Equal(6, line);
        Assert.Contains("2", message);
        Assert.Contains("3", message);
    }

    [Fact]
    public void An_alignment_row_with_the_wrong_number_of_cells_is_reported()
    {
        Assert.Equal(2, Error("| a | b |\n|---|").Line);
    }

    [Fact]
    public void Signatures_pair_left_and_right_lines()
    {
        var blocks = Parse("::: signatures\n**Исполнитель** || **Заказчик**\nООО «Пример» || ООО «Ромашка»\n\n || только справа\n_____ / Смирнов А. В. || _____ / Иванов И. И.\n:::");

        var signatures = Assert.IsType<SignaturesBlock>(Assert.Single(blocks));
        Assert.Equal(["Исполнитель", "ООО «Пример»", "", "", "_____ / Смирнов А. В."], signatures.Left.Select(Plain));
        Assert.Equal(["Заказчик", "ООО «Ромашка»", "", "только справа", "_____ / Иванов И. И."], signatures.Right.Select(Plain));
        Assert.True(signatures.Left[0][0].Bold);
    }

    [Fact]
    public void An_unclosed_signatures_block_is_reported_at_its_opening_line()
    {
        var (line, message) = Error("# Акт\n\n::: signatures\nИсполнитель || Заказчик\n\nТекст после");

        Assert.Equal(3, line);
        Assert.Contains(":::", message);
    }

    [Fact]
    public void A_signatures_line_without_a_separator_is_reported()
    {
        Assert.Equal(3, Error("::: signatures\nИсполнитель || Заказчик\nбез разделителя\n:::").Line);
    }

    [Fact]
    public void An_unknown_fenced_block_and_a_stray_end_are_reported()
    {
        Assert.Equal(2, Error("Текст\n::: stamps\n:::").Line);
        Assert.Equal(3, Error("Текст\n\n:::").Line);
    }

    [Fact]
    public void Newpage_breaks_the_page_and_comments_are_not_printed()
    {
        var blocks = Parse("Первая\n// заметка юриста: проверить срок\n\\newpage\nВторая");

        Assert.Collection(blocks,
            b => Assert.Equal("Первая", Plain(((ParagraphBlock)b).Runs)),
            b => Assert.IsType<PageBreakBlock>(b),
            b => Assert.Equal("Вторая", Plain(((ParagraphBlock)b).Runs)));
    }

    [Fact]
    public void A_comment_inside_a_paragraph_does_not_end_it()
    {
        var blocks = Parse("начало\n// комментарий\nконец");

        Assert.Equal("начало конец", Plain(((ParagraphBlock)Assert.Single(blocks)).Runs));
    }

    [Fact]
    public void A_second_level_clause_needs_a_first_level_one_before_it()
    {
        Assert.Equal(2, Error("## Раздел\n.. Подпункт").Line);
    }

    [Fact]
    public void Deeper_headings_are_refused_with_a_hint()
    {
        var (line, message) = Error("Текст\n### Подраздел");

        Assert.Equal(2, line);
        Assert.Contains("##", message);
    }

    [Fact]
    public void An_ellipsis_and_a_hash_inside_text_are_plain_text()
    {
        var blocks = Parse("...и так далее, счёт #5");

        Assert.Equal("...и так далее, счёт #5", Plain(((ParagraphBlock)Assert.Single(blocks)).Runs));
    }

    [Fact]
    public void A_hash_without_a_space_starts_plain_text()
    {
        var blocks = Parse("#5 в очереди\nпродолжение");

        Assert.Equal("#5 в очереди продолжение", Plain(((ParagraphBlock)Assert.Single(blocks)).Runs));
    }

    [Fact]
    public void Windows_line_breaks_and_indentation_are_accepted()
    {
        var blocks = Parse("## Раздел\r\n   . Пункт\r\n\r\n  Абзац");

        Assert.Equal(["1.1."], blocks.OfType<ClauseBlock>().Select(c => c.Number));
        Assert.Equal("Абзац", Plain(blocks.OfType<ParagraphBlock>().Single().Runs));
    }
}
