using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.ReplyMarkups;

namespace BotPlatform.Tests.Testing;

public sealed class EditingTests : FakeTelegramTestBase
{
    private static readonly InlineKeyboardMarkup Decide = new(
        [[InlineKeyboardButton.WithCallbackData("Approve", "approve:7"), InlineKeyboardButton.WithCallbackData("Reject", "reject:7")]]);

    [Fact]
    public async Task Editing_text_shows_the_new_text_and_removes_the_keyboard()
    {
        var alice = StartedUser();
        var card = await Bot.SendMessage(alice.Id, "Payment #7: waiting", replyMarkup: Decide);

        var edited = await Bot.EditMessageText(alice.Id, card.MessageId, "Payment #7: approved");

        var seen = Fake.BotMessages(alice.PrivateChat).Single();
        Assert.Equal("Payment #7: approved", seen.Text);
        Assert.Empty(seen.Buttons);
        Assert.Equal(1, seen.EditCount);
        Assert.NotNull(edited.EditDate);
    }

    [Fact]
    public async Task Editing_only_the_keyboard_keeps_the_text()
    {
        var alice = StartedUser();
        var card = await Bot.SendMessage(alice.Id, "Payment #7", replyMarkup: Decide);

        await Bot.EditMessageReplyMarkup(alice.Id, card.MessageId, new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Undo", "undo:7")));

        var seen = Fake.BotMessages(alice.PrivateChat).Single();
        Assert.Equal("Payment #7", seen.Text);
        Assert.Equal(["Undo"], seen.Buttons.Select(b => b.Text));
    }

    [Fact]
    public async Task Editing_a_missing_message_is_rejected()
    {
        var alice = StartedUser();

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.EditMessageText(alice.Id, 999, "New"));

        Assert.Equal("Bad Request: message to edit not found", error.Message);
    }

    [Fact]
    public async Task Editing_a_deleted_message_is_rejected()
    {
        var alice = StartedUser();
        var card = await Bot.SendMessage(alice.Id, "Old", replyMarkup: Decide);
        await Bot.DeleteMessage(alice.Id, card.MessageId);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.EditMessageReplyMarkup(alice.Id, card.MessageId, replyMarkup: null));

        Assert.Equal("Bad Request: message to edit not found", error.Message);
    }

    [Fact]
    public async Task Editing_with_the_same_text_and_keyboard_is_not_modified()
    {
        var alice = StartedUser();
        var card = await Bot.SendMessage(alice.Id, "Payment #7", replyMarkup: Decide);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.EditMessageText(alice.Id, card.MessageId, "Payment #7", replyMarkup: Decide));

        Assert.StartsWith("Bad Request: message is not modified: specified new message content and reply markup are exactly the same", error.Message);
        Assert.Equal(0, Fake.BotMessages(alice.PrivateChat).Single().EditCount);
    }

    [Fact]
    public async Task Deleting_hides_the_message_and_a_second_delete_is_rejected()
    {
        var alice = StartedUser();
        var card = await Bot.SendMessage(alice.Id, "Temporary");

        await Bot.DeleteMessage(alice.Id, card.MessageId);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.DeleteMessage(alice.Id, card.MessageId));

        Assert.Empty(Fake.BotMessages(alice.PrivateChat));
        Assert.True(Fake.Message(alice.PrivateChat, card.MessageId).IsDeleted);
        Assert.Equal("Bad Request: message to delete not found", error.Message);
    }

    [Fact]
    public async Task The_bot_cannot_edit_what_a_user_wrote()
    {
        var alice = StartedUser();
        var said = Fake.SendText(alice, "my words");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.EditMessageText(alice.Id, said.MessageId, "changed"));

        Assert.Equal("Bad Request: message can't be edited", error.Message);
    }
}
