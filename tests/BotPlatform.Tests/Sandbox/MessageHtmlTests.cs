using BotPlatform.Bot.Sandbox;
using BotPlatform.Testing;

namespace BotPlatform.Tests.Sandbox;

/// <summary>Bot messages on the sandbox page: Telegram's entities as HTML, and nothing a message says runs as markup.</summary>
public sealed class MessageHtmlTests
{
    [Fact]
    public void Text_is_escaped()
    {
        Assert.Equal("a &lt;b&gt; &amp; &quot;c&quot;", MessageHtml.Render("a <b> & \"c\"", []));
    }

    [Fact]
    public void Entities_become_tags_nested_as_sent()
    {
        var html = MessageHtml.Render("ЗО-1 ждёт", [new FakeEntity("bold", 0, 9), new FakeEntity("italic", 5, 4)]);

        Assert.Equal("<b>ЗО-1 <i>ждёт</i></b>", html);
    }

    [Fact]
    public void Overlapping_entities_still_give_well_formed_html()
    {
        var html = MessageHtml.Render("abcdef", [new FakeEntity("bold", 0, 4), new FakeEntity("italic", 2, 4)]);

        Assert.Equal("<b>ab<i>cd</i></b><i>ef</i>", html);
    }

    [Fact]
    public void Links_open_in_a_new_tab_and_only_safe_schemes_are_kept()
    {
        var safe = MessageHtml.Render("отчёт", [new FakeEntity("text_link", 0, 5, "https://example.org/r?a=1&b=2")]);
        var unsafeLink = MessageHtml.Render("click", [new FakeEntity("text_link", 0, 5, "javascript:alert(1)")]);

        Assert.Equal("<a href=\"https://example.org/r?a=1&amp;b=2\" target=\"_blank\" rel=\"noopener noreferrer\">отчёт</a>", safe);
        Assert.StartsWith("<a href=\"#\"", unsafeLink);
    }

    [Fact]
    public void Entities_outside_the_text_are_ignored()
    {
        Assert.Equal("hi", MessageHtml.Render("hi", [new FakeEntity("bold", 1, 5), new FakeEntity("unknown_kind", 0, 1)]));
    }

    [Fact]
    public void Emoji_stay_whole_inside_and_outside_entities()
    {
        var html = MessageHtml.Render("👍 ЗО-1 📝", [new FakeEntity("bold", 3, 4)]);

        Assert.Equal("👍 <b>ЗО-1</b> 📝", html);
    }
}
