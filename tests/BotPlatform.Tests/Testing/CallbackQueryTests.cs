using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.ReplyMarkups;

namespace BotPlatform.Tests.Testing;

public sealed class CallbackQueryTests : FakeTelegramTestBase
{
    [Fact]
    public async Task Pressing_a_button_delivers_a_callback_query_with_the_message()
    {
        var alice = StartedUser();
        var card = await Bot.SendMessage(alice.Id, "Approve payment #7?", replyMarkup: new InlineKeyboardMarkup(
            InlineKeyboardButton.WithCallbackData("Approve", "approve:7")));
        var seenCard = Fake.BotMessages(alice.PrivateChat).Single();

        var queryId = Fake.PressButton(alice, seenCard, "Approve");

        var update = (await Bot.GetUpdates()).Last();
        Assert.Equal(queryId, update.CallbackQuery?.Id);
        Assert.Equal("approve:7", update.CallbackQuery?.Data);
        Assert.Equal(alice.Id, update.CallbackQuery?.From.Id);
        Assert.Equal(card.MessageId, update.CallbackQuery?.Message?.MessageId);
        Assert.Equal("Approve payment #7?", update.CallbackQuery?.Message is Telegram.Bot.Types.Message m ? m.Text : null);
    }

    [Fact]
    public async Task The_answer_is_recorded_with_its_latency()
    {
        var alice = StartedUser();
        await Bot.SendMessage(alice.Id, "Approve?", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Approve", "approve:7")));
        var queryId = Fake.PressButton(alice, Fake.BotMessages(alice.PrivateChat).Single(), "Approve");

        await Bot.AnswerCallbackQuery(queryId, "Approved", showAlert: true);
        var answer = await Fake.WaitForCallbackAnswerAsync(queryId);

        Assert.Equal(("Approved", true), (answer.Text, answer.ShowAlert));
        Assert.True(answer.Latency > TimeSpan.Zero);
    }

    [Fact]
    public async Task Pressing_a_button_the_message_no_longer_has_throws()
    {
        var alice = StartedUser();
        var card = await Bot.SendMessage(alice.Id, "Approve?", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Approve", "a")));
        var before = Fake.BotMessages(alice.PrivateChat).Single();
        await Bot.EditMessageText(alice.Id, card.MessageId, "Approved");

        Assert.Throws<InvalidOperationException>(() => Fake.PressButton(alice, before, "Approve"));
    }

    [Fact]
    public async Task An_answer_over_200_characters_is_rejected_and_the_query_stays_open()
    {
        var alice = StartedUser();
        await Bot.SendMessage(alice.Id, "Approve?", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Approve", "a")));
        var queryId = Fake.PressButton(alice, Fake.BotMessages(alice.PrivateChat).Single(), "Approve");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.AnswerCallbackQuery(queryId, new string('x', 201)));

        Assert.Equal(400, error.ErrorCode);
        Assert.Null(Fake.CallbackAnswer(queryId));
    }

    [Fact]
    public async Task An_unknown_query_id_is_rejected()
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.AnswerCallbackQuery("12345"));

        Assert.Equal("Bad Request: query is too old and response timeout expired or query ID is invalid", error.Message);
    }

    [Fact]
    public async Task A_query_can_be_answered_only_once()
    {
        var alice = StartedUser();
        var message = Fake.SendText(alice, "hi");
        var queryId = Fake.PressCallbackData(alice, message, "forged:1");
        await Bot.AnswerCallbackQuery(queryId);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.AnswerCallbackQuery(queryId, "again"));

        Assert.Equal("Bad Request: query is too old and response timeout expired or query ID is invalid", error.Message);
    }
}
