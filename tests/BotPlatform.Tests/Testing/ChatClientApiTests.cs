using BotPlatform.Testing;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace BotPlatform.Tests.Testing;

/// <summary>What the sandbox page reads from the engine: people, their chats, formatting, change signals.</summary>
public sealed class ChatClientApiTests : FakeTelegramTestBase
{
    [Fact]
    public void A_person_sees_their_private_chat_first_then_their_groups_only()
    {
        var alice = StartedUser();
        var bob = StartedUser("Bob", "bob");
        var project = Fake.CreateGroup("Project", alice, bob);
        Fake.CreateGroup("Elsewhere", bob);

        var chats = Fake.ChatsOf(alice);

        Assert.Equal([alice.Id, project.Id], chats.Select(c => c.Id));
        Assert.Equal(FakeChatType.Private, chats[0].Type);
    }

    [Fact]
    public void An_upgraded_group_shows_as_its_supergroup()
    {
        var alice = StartedUser();
        var group = Fake.CreateGroup("Project", alice);

        var supergroup = Fake.MigrateToSupergroup(group);

        Assert.Equal([alice.Id, supergroup.Id], Fake.ChatsOf(alice).Select(c => c.Id));
    }

    [Fact]
    public void Users_lists_everyone_in_creation_order()
    {
        var alice = StartedUser();
        var bob = StartedUser("Bob", "bob");

        Assert.Equal([alice, bob], Fake.Users);
        Assert.Equal(bob, Fake.FindUser(bob.Id));
        Assert.Null(Fake.FindUser(42));
    }

    [Fact]
    public async Task Formatting_of_a_bot_message_is_readable_as_entities()
    {
        var alice = StartedUser();

        await Bot.SendMessage(alice.Id, "<b>ЗО-1</b> see <a href=\"https://example.org\">link</a>", ParseMode.Html);

        var message = Fake.BotMessages(alice.PrivateChat).Single();
        Assert.Equal("ЗО-1 see link", message.Text);
        Assert.Equal([new FakeEntity("bold", 0, 4), new FakeEntity("text_link", 9, 4, "https://example.org")], message.Entities);
    }

    [Fact]
    public async Task NextChange_completes_when_the_bot_writes()
    {
        var alice = StartedUser();
        var change = Fake.NextChange;

        Assert.False(change.IsCompleted);
        await Bot.SendMessage(alice.Id, "Hello");

        await change.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_bot_can_carry_its_own_name()
    {
        await using var fake = await FakeTelegram.StartAsync(new BotApiEngine("42:SANDBOX", bot: ("BotPlatform", "botplatform_bot")));
        var bot = new TelegramBotClient(new TelegramBotClientOptions(fake.Token, fake.BaseUrl));

        var me = await bot.GetMe();

        Assert.Equal(("BotPlatform", "botplatform_bot", 42), (me.FirstName, me.Username, me.Id));
    }
}
