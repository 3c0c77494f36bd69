using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Templates;
using BotPlatform.Core.Documents.Templates.Liquid;

namespace BotPlatform.Tests.Documents.Templates;

public sealed class TemplateFillerTests
{
    private static readonly TemplateModel Model = SampleTemplateModel.Create(DocumentsDefinition.Default, DocumentsDefinition.Invoice, new DateOnly(2026, 11, 25));
    private readonly TemplateFiller _filler = new();

    private FilledTemplate Fill(string template, TemplateModel? model = null)
    {
        var result = _filler.Fill(template, model ?? Model);
        Assert.True(result.IsOk, result.Problem?.ToString());
        return result.Value!;
    }

    private (int Line, string Message) Error(string template, TemplateModel? model = null)
    {
        var result = _filler.Fill(template, model ?? Model);
        Assert.False(result.IsOk, "filled without an error");
        Assert.Equal(TemplateProblems.Invalid, result.Problem!.Code);
        return ((int)result.Problem.Args[0], (string)result.Problem.Args[1]);
    }

    private static string Plain(IReadOnlyList<Run> runs) => string.Concat(runs.Select(r => r.Text));

    [Fact]
    public void Members_are_read_in_snake_case()
    {
        var filled = Fill("{{ client.legal_name }}, ИНН {{ client.inn }}, {{ document.date_long }}, {{ totals.total_in_words }}");

        Assert.Equal("ООО «Ромашка», ИНН 7707083893, «25» ноября 2026 г., Двести восемьдесят две тысячи рублей 00 копеек", filled.Text);
    }

    [Fact]
    public void A_loop_over_lines_fills_table_rows_without_blank_lines_between_them()
    {
        var filled = Fill("| № | Услуга | Сумма |\n|---|---|---|\n{% for line in lines %}\n| {{ line.no }} | {{ line.description }} | {{ line.sum }} |\n{% endfor %}\n| | Итого | {{ totals.total }} |");

        var table = Assert.IsType<TableBlock>(Assert.Single(filled.Body.Blocks));
        Assert.Equal(4, table.Rows.Count);
        Assert.Equal("Дизайн рекламных макетов", Plain(table.Rows[2][1]));
        Assert.Equal("282\u00A0000,00", Plain(table.Rows[3][2]));
    }

    [Fact]
    public void A_null_member_is_empty_and_an_if_on_it_is_false()
    {
        var model = Model with { Contract = null, Client = Model.Client with { Kpp = null } };

        var filled = Fill("КПП: [{{ client.kpp }}]{% if contract %} по договору {{ contract.number }}{% endif %}", model);

        Assert.Equal("КПП: []", filled.Text);
    }

    [Fact]
    public void A_misspelt_member_is_an_error_on_its_line()
    {
        var (line, message) = Error("# Договор\n\nЗаказчик: {{ client.legal_nam }}\nконец");

        Assert.Equal(3, line);
        Assert.Contains("legal_nam", message);
    }

    [Fact]
    public void An_unknown_filter_is_an_error_on_its_line()
    {
        var (line, message) = Error("Один\nДва\nТри {{ client.legal_name | capitalise_all }}");

        Assert.Equal(3, line);
        Assert.Contains("capitalise_all", message);
    }

    [Fact]
    public void A_liquid_syntax_error_comes_back_with_fluids_line_and_message()
    {
        var (line, message) = Error("# Счёт\n\n{% for line in lines %}\n| {{ line.no }} |\n");

        Assert.True(line >= 3, $"line {line}");
        Assert.StartsWith("Liquid: ", message);
        Assert.Contains("endfor", message);
    }

    [Fact]
    public void An_unclosed_output_tag_is_reported_on_its_line()
    {
        var (line, _) = Error("Первая\nВторая {{ client.legal_name \nТретья");

        Assert.Equal(2, line);
    }

    [Fact]
    public void A_render_error_inside_a_loop_points_at_the_loop_body_line()
    {
        var (line, message) = Error("Начало\n{% for line in lines %}\nСтрока {{ line.no }}\nСумма {{ line.sum_value | divided_by: 0 }}\n{% endfor %}");

        Assert.Equal(4, line);
        Assert.StartsWith("Liquid: ", message);
    }

    [Fact]
    public void A_markup_error_after_a_loop_points_at_the_template_line_not_the_filled_one()
    {
        var (line, message) = Error("| № | Услуга |\n|---|---|\n{% for line in lines %}\n| {{ line.no }} | {{ line.description }} |\n{% endfor %}\n\nТекст с **незакрытым\n");

        Assert.Equal(7, line);
        Assert.Contains("**", message);
    }

    [Fact]
    public void A_markup_error_inside_a_loop_points_at_the_loop_body_line()
    {
        var (line, _) = Error("| № | Услуга | Сумма |\n|---|---|---|\n{% for line in lines %}\n| {{ line.no }} | {{ line.description }} |\n{% endfor %}");

        Assert.Equal(4, line);
    }

    [Fact]
    public void Values_are_printed_as_they_are_even_with_markup_characters()
    {
        var model = Model with { Client = Model.Client with { LegalName = "ООО «Звезда*» | филиал\nвторая строка", Signatory = @"A\B" } };

        var filled = Fill("| Заказчик | Подписант |\n|---|---|\n| {{ client.legal_name }} | {{ client.signatory }} |", model);

        var table = Assert.IsType<TableBlock>(Assert.Single(filled.Body.Blocks));
        Assert.Equal("ООО «Звезда*» | филиал вторая строка", Plain(table.Rows[0][0]));
        Assert.Equal(@"A\B", Plain(table.Rows[0][1]));
    }

    [Fact]
    public void Our_filters_format_money_and_capitalise()
    {
        var filled = Fill("{{ lines[2].price_value | money }}; {{ 1234567.5 | money }}; {{ 'генеральный директор' | upcase_first }}; {{ client.signatory_position | downcase_first }}");

        Assert.Equal("3\u00A0500,00; 1\u00A0234\u00A0567,50; Генеральный директор; генеральный директор", filled.Text);
    }

    [Fact]
    public void Templates_cannot_include_files()
    {
        var (line, message) = Error("Текст\n{% include 'secrets' %}");

        Assert.Equal(2, line);
        Assert.StartsWith("Liquid: ", message);
    }

    [Fact]
    public void A_runaway_loop_stops_with_an_error()
    {
        var (_, message) = Error("{% for i in (1..10000000) %}x{% endfor %}");

        Assert.StartsWith("Liquid: ", message);
    }

    [Fact]
    public void Assigned_variables_and_loop_variables_are_not_unknown()
    {
        var filled = Fill("{% assign total = totals.total %}{% for e in enclosures %}{{ forloop.index }}{% endfor %} {{ total }}");

        Assert.Equal("123 282\u00A0000,00", filled.Text);
    }

    [Fact]
    public void The_text_of_a_filled_template_has_no_line_markers()
    {
        var filled = Fill("# Счёт № {{ document.number }}\n{% if true %}\nстрока\n{% endif %}");

        Assert.Equal("# Счёт № ОБРАЗЕЦ\nстрока\n", filled.Text);
        Assert.DoesNotContain(filled.Text, c => c is '\uE000' or '\uE001');
    }

    [Fact]
    public void Whitespace_control_still_trims_as_in_liquid()
    {
        var filled = Fill("Итого:\n{%- if true -%}\n   {{ totals.total }}\n{%- endif %}");

        Assert.Equal("Итого:282\u00A0000,00", filled.Text);
    }

    [Fact]
    public void A_tag_spanning_lines_keeps_the_line_numbers_after_it()
    {
        var (line, _) = Error("{% assign t =\n   totals.total %}\nСумма {{ t }}\nтекст **без конца");

        Assert.Equal(4, line);
    }

    [Fact]
    public void A_false_if_on_its_own_lines_leaves_no_empty_paragraph_behind()
    {
        var filled = Fill("Первый абзац\n{% if contract == nil %}\nнет договора\n{% endif %}\nтот же абзац");

        Assert.Equal("Первый абзац тот же абзац", string.Concat(((ParagraphBlock)Assert.Single(filled.Body.Blocks)).Runs.Select(r => r.Text)));
    }
}
