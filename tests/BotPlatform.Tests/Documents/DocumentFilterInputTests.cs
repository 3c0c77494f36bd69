using BotPlatform.Core.Documents.Registry;

namespace BotPlatform.Tests.Documents;

public sealed class DocumentFilterInputTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void Every_part_of_the_filter_is_read()
    {
        var ok = DocumentFilterInput.TryParse("status=согласован client=Ромашка kind=Invoice from=01.11.2026 to=30.11.2026", Today, out var f, out _);

        Assert.True(ok);
        Assert.Equal(new DocumentFilterInput.Parsed(DocumentStatus.Approved, "Ромашка", "invoice", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), f);
    }

    [Theory]
    [InlineData("status=draft", DocumentStatus.Draft)]
    [InlineData("статус=аннулирован", DocumentStatus.Annulled)]
    [InlineData("status=\"на согласовании\"", DocumentStatus.OnApproval)]
    [InlineData("status=возвращен", DocumentStatus.Returned)]
    public void Statuses_are_read_in_russian_and_english(string text, DocumentStatus status)
    {
        Assert.True(DocumentFilterInput.TryParse(text, Today, out var f, out _));
        Assert.Equal(status, f.Status);
    }

    [Fact]
    public void A_client_name_with_spaces_goes_in_quotes()
    {
        Assert.True(DocumentFilterInput.TryParse("client=«Ромашка плюс» kind=invoice", Today, out var f, out _));
        Assert.Equal("Ромашка плюс", f.Client);
    }

    [Theory]
    [InlineData("colour=red")]
    [InlineData("status=потерян")]
    [InlineData("from=вчера-ish")]
    [InlineData("Ромашка")]
    public void An_unreadable_part_is_named(string text)
    {
        Assert.False(DocumentFilterInput.TryParse("kind=invoice " + text, Today, out _, out var bad));
        Assert.Equal(text, bad);
    }

    [Fact]
    public void No_filter_is_everything() =>
        Assert.True(DocumentFilterInput.TryParse("", Today, out var f, out _) && f == new DocumentFilterInput.Parsed(null, null, null, null, null));
}
