using BotPlatform.Testing;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace BotPlatform.Tests.Testing;

public sealed class SendingLimitsTests : FakeTelegramTestBase
{
    [Fact]
    public async Task Text_of_4096_characters_is_delivered()
    {
        var alice = StartedUser();

        await Bot.SendMessage(alice.Id, new string('a', 4096));

        Assert.Equal(4096, Fake.BotMessages(alice.PrivateChat).Single().Text?.Length);
    }

    [Fact]
    public async Task Text_of_4097_characters_is_rejected_and_not_delivered()
    {
        var alice = StartedUser();

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(alice.Id, new string('a', 4097)));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: message is too long", error.Message);
        Assert.Empty(Fake.BotMessages(alice.PrivateChat));
    }

    [Fact]
    public async Task Html_tags_and_entities_do_not_count_toward_the_limit()
    {
        var alice = StartedUser();
        var html = "<b>" + new string('a', 4090) + "</b>&lt;&gt;&amp;";

        var sent = await Bot.SendMessage(alice.Id, html, ParseMode.Html);

        Assert.Equal(new string('a', 4090) + "<>&", sent.Text);
        Assert.Equal(MessageEntityType.Bold, Assert.Single(sent.Entities ?? []).Type);
    }

    [Theory]
    [InlineData("<b>bold</i>", "Unmatched end tag")]
    [InlineData("<br>line", "Unsupported start tag \"br\"")]
    [InlineData("<b>never closed", "Can't find end tag corresponding to start tag \"b\"")]
    public async Task Malformed_html_is_rejected_with_a_parse_error(string html, string reason)
    {
        var alice = StartedUser();

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(alice.Id, html, ParseMode.Html));

        Assert.StartsWith("Bad Request: can't parse entities: ", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public async Task Text_that_is_only_tags_is_empty()
    {
        var alice = StartedUser();

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(alice.Id, "<b></b>", ParseMode.Html));

        Assert.Equal("Bad Request: message text is empty", error.Message);
    }

    [Fact]
    public async Task Caption_over_1024_characters_is_rejected()
    {
        var alice = StartedUser();

        var error = await Assert.ThrowsAsync<ApiRequestException>(() =>
            Bot.SendDocument(alice.Id, InputFile.FromStream(new MemoryStream([1, 2, 3]), "a.pdf"), caption: new string('c', 1025)));

        Assert.Equal("Bad Request: message caption is too long", error.Message);
        Assert.Empty(Fake.BotMessages(alice.PrivateChat));
    }

    [Fact]
    public async Task Caption_of_1024_characters_is_delivered()
    {
        var alice = StartedUser();

        await Bot.SendDocument(alice.Id, InputFile.FromStream(new MemoryStream([1, 2, 3]), "a.pdf"), caption: new string('c', 1024));

        Assert.Equal(1024, Fake.BotMessages(alice.PrivateChat).Single().Caption?.Length);
    }

    [Fact]
    public async Task Callback_data_of_64_bytes_is_accepted()
    {
        var alice = StartedUser();

        await Bot.SendMessage(alice.Id, "Pick", replyMarkup: Button("Ok", new string('d', 64)));

        Assert.Equal(new string('d', 64), Fake.BotMessages(alice.PrivateChat).Single().Button("Ok")?.CallbackData);
    }

    [Theory]
    [InlineData(65, "d")]
    [InlineData(33, "ж")] // 33 Cyrillic letters are 66 UTF-8 bytes
    public async Task Callback_data_over_64_bytes_is_rejected(int count, string letter)
    {
        var alice = StartedUser();
        var data = string.Concat(Enumerable.Repeat(letter, count));

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(alice.Id, "Pick", replyMarkup: Button("Ok", data)));

        Assert.Equal("Bad Request: BUTTON_DATA_INVALID", error.Message);
    }

    [Fact]
    public async Task A_button_without_an_action_is_rejected()
    {
        var alice = StartedUser();

        var error = await Assert.ThrowsAsync<ApiRequestException>(() =>
            Bot.SendMessage(alice.Id, "Pick", replyMarkup: new InlineKeyboardMarkup(new InlineKeyboardButton("Just text"))));

        Assert.Equal("Bad Request: text buttons are unallowed in the inline keyboard", error.Message);
    }

    [Fact]
    public async Task Sending_to_an_unknown_chat_is_rejected()
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(987654321, "Hello"));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: chat not found", error.Message);
    }

    [Fact]
    public async Task Force_reply_and_keyboard_are_what_the_user_sees()
    {
        var alice = StartedUser();

        await Bot.SendMessage(alice.Id, "Why?", replyMarkup: new ForceReplyMarkup());
        await Bot.SendMessage(alice.Id, "Choose", replyMarkup: new InlineKeyboardMarkup(
        [
            [InlineKeyboardButton.WithCallbackData("Approve", "a:1"), InlineKeyboardButton.WithCallbackData("Reject", "r:1")],
            [InlineKeyboardButton.WithUrl("Open", "https://example.org/1")],
        ]));

        var messages = Fake.BotMessages(alice.PrivateChat);
        Assert.True(messages[0].ForceReply);
        Assert.Equal(["Approve", "Reject", "Open"], messages[1].Buttons.Select(b => b.Text));
        Assert.Equal("https://example.org/1", messages[1].Button("Open")?.Url);
    }

    private static InlineKeyboardMarkup Button(string text, string data) => new(InlineKeyboardButton.WithCallbackData(text, data));
}
