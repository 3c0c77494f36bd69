using BotPlatform.Testing;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace BotPlatform.Tests.Testing;

/// <summary>setMyCommands scopes and the menu a client shows, as the Bot API manual orders them.</summary>
public sealed class CommandScopeTests : FakeTelegramTestBase
{
    [Fact]
    public async Task A_private_chat_shows_its_chat_list_then_all_private_chats_then_the_default_each_in_the_users_language_first()
    {
        var alice = StartedUser();
        var bob = StartedUser("Bob", "bob");
        var english = Fake.CreateUser("Eve", "eve", "en");
        Fake.SendText(english, "/start");

        await Bot.SetMyCommands([new BotCommand("start", "Начать")]);
        await Bot.SetMyCommands([new BotCommand("start", "Start")], languageCode: "en");
        await Bot.SetMyCommands([new BotCommand("pay", "Заявка")], new BotCommandScopeChat { ChatId = alice.Id });

        Assert.Equal("pay", Fake.CommandsSeenBy(alice, alice.PrivateChat).Single().Command);
        Assert.Equal("Начать", Fake.CommandsSeenBy(bob, bob.PrivateChat).Single().Description);
        Assert.Equal("Start", Fake.CommandsSeenBy(english, english.PrivateChat).Single().Description);

        await Bot.SetMyCommands([new BotCommand("help", "Помощь")], new BotCommandScopeAllPrivateChats());
        Assert.Equal("help", Fake.CommandsSeenBy(bob, bob.PrivateChat).Single().Command);

        await Bot.DeleteMyCommands(new BotCommandScopeChat { ChatId = alice.Id });
        Assert.Equal("help", Fake.CommandsSeenBy(alice, alice.PrivateChat).Single().Command);
        Assert.Empty(Fake.Rejected);
    }

    [Fact]
    public async Task A_group_shows_its_member_list_then_its_chat_list_then_all_groups()
    {
        var alice = StartedUser();
        var bob = StartedUser("Bob", "bob");
        var group = Fake.CreateGroup("Project", alice, bob);

        await Bot.SetMyCommands([new BotCommand("help", "Помощь")], new BotCommandScopeAllGroupChats());
        await Bot.SetMyCommands([new BotCommand("pay", "Заявка")], new BotCommandScopeAllPrivateChats());
        Assert.Equal("help", Fake.CommandsSeenBy(alice, group).Single().Command);

        await Bot.SetMyCommands([new BotCommand("brief", "Бриф")], new BotCommandScopeChat { ChatId = group.Id });
        await Bot.SetMyCommands([new BotCommand("approve", "Принять")], new BotCommandScopeChatMember { ChatId = group.Id, UserId = bob.Id });

        Assert.Equal("brief", Fake.CommandsSeenBy(alice, group).Single().Command);
        Assert.Equal("approve", Fake.CommandsSeenBy(bob, group).Single().Command);
        Assert.Equal("pay", Fake.CommandsSeenBy(alice, alice.PrivateChat).Single().Command);
    }

    [Fact]
    public async Task A_chat_scope_needs_a_chat_the_bot_knows_and_a_language_needs_two_letters()
    {
        var stranger = Fake.CreateUser("Mallory", "mallory");

        var unknownChat = await Assert.ThrowsAsync<ApiRequestException>(() =>
            Bot.SetMyCommands([new BotCommand("pay", "Заявка")], new BotCommandScopeChat { ChatId = 987654 }));
        var notStarted = await Assert.ThrowsAsync<ApiRequestException>(() =>
            Bot.SetMyCommands([new BotCommand("pay", "Заявка")], new BotCommandScopeChat { ChatId = stranger.Id }));
        var badLanguage = await Assert.ThrowsAsync<ApiRequestException>(() =>
            Bot.SetMyCommands([new BotCommand("pay", "Заявка")], languageCode: "russian"));

        Assert.Equal("Bad Request: chat not found", unknownChat.Message);
        Assert.Equal("Bad Request: chat not found", notStarted.Message);
        Assert.Equal(400, badLanguage.ErrorCode);
        Assert.Empty(Fake.CommandsSeenBy(stranger, stranger.PrivateChat));
    }
}
