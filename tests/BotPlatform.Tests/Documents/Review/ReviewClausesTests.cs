using BotPlatform.Core.Documents.Review;

namespace BotPlatform.Tests.Documents.Review;

public sealed class ReviewClausesTests
{
    private const string Text = "# Договор\n\nПреамбула.\n\n## Предмет\n. Первый пункт\nпродолжается здесь.\n.. Подпункт\n. Второй пункт\n\n## Цена\n  . Цена *твёрдая*.";

    [Fact]
    public void Clauses_are_numbered_as_the_pdf_numbers_them_with_their_lines()
    {
        var clauses = ReviewClauses.Of(Text);

        Assert.Equal(["1.1.", "1.1.1.", "1.2.", "2.1."], clauses.Select(c => c.Number));
        Assert.Equal(("Первый пункт продолжается здесь.", 6, 7), (clauses[0].Text, clauses[0].FirstLine, clauses[0].LastLine));
        Assert.Equal("Цена твёрдая.", clauses[3].Text);
    }

    [Fact]
    public void Replacing_a_clause_keeps_every_other_line_and_the_numbering()
    {
        var clause = ReviewClauses.Find(Text, "1.1")!;

        var edited = ReviewClauses.Replace(Text, clause, "Новая\nформулировка   пункта");

        Assert.Equal(Text.Replace(". Первый пункт\nпродолжается здесь.", ". Новая формулировка пункта"), edited);
        Assert.Equal(["1.1.", "1.1.1.", "1.2.", "2.1."], ReviewClauses.Of(edited).Select(c => c.Number));
    }

    [Fact]
    public void A_wording_with_markup_or_liquid_stays_literal_text()
    {
        var clause = ReviewClauses.Find(Text, "2.1.")!;

        var edited = ReviewClauses.Replace(Text, clause, "Цена **{{ deal.total }}** | {% if %}");

        Assert.EndsWith("  . Цена \\*\\*{ { deal.total }}\\*\\* \\| { % if %}", edited);
        Assert.Equal("Цена **{ { deal.total }}** | { % if %}", ReviewClauses.Find(edited, "2.1.")!.Text);
    }
}
