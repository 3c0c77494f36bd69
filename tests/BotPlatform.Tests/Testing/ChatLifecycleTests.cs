using BotPlatform.Testing;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace BotPlatform.Tests.Testing;

public sealed class ChatLifecycleTests : FakeTelegramTestBase
{
    [Fact]
    public async Task The_bot_cannot_write_first_to_a_user()
    {
        var alice = Fake.CreateUser("Alice");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(alice.Id, "Hello"));

        Assert.Equal((403, "Forbidden: bot can't initiate conversation with a user"), (error.ErrorCode, error.Message));
    }

    [Fact]
    public async Task After_the_user_wrote_the_bot_can_answer()
    {
        var alice = Fake.CreateUser("Alice");
        Fake.SendText(alice, "/start");

        await Bot.SendMessage(alice.Id, "Welcome");

        Assert.Equal(["/start", "Welcome"], Fake.Messages(alice.PrivateChat).Select(m => m.Text));
    }

    [Fact]
    public async Task A_user_who_blocked_the_bot_refuses_every_send()
    {
        var alice = StartedUser();

        Fake.BlockBot(alice);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(alice.Id, "Hello"));

        Assert.Equal((403, "Forbidden: bot was blocked by the user"), (error.ErrorCode, error.Message));
        var update = (await Bot.GetUpdates()).Last();
        Assert.Equal((ChatMemberStatus.Member, ChatMemberStatus.Kicked), (update.MyChatMember?.OldChatMember.Status, update.MyChatMember?.NewChatMember.Status));
    }

    [Fact]
    public async Task Adding_and_removing_the_bot_produce_my_chat_member_updates()
    {
        var alice = Fake.CreateUser("Alice");
        var group = Fake.CreateGroupWithoutBot("Project X", alice);

        Fake.AddBotToGroup(group, alice);
        await Bot.SendMessage(group.Id, "Hi all");
        Fake.RemoveBotFromGroup(group, alice);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(group.Id, "Still here?"));

        var changes = (await Bot.GetUpdates()).Select(u => u.MyChatMember).OfType<Telegram.Bot.Types.ChatMemberUpdated>().ToArray();
        Assert.Equal(
            [(ChatMemberStatus.Left, ChatMemberStatus.Member), (ChatMemberStatus.Member, ChatMemberStatus.Left)],
            changes.Select(c => (c.OldChatMember.Status, c.NewChatMember.Status)));
        Assert.All(changes, c => Assert.Equal((group.Id, ChatType.Group, alice.Id), (c.Chat.Id, c.Chat.Type, c.From.Id)));
        Assert.Equal((403, "Forbidden: bot was kicked from the group chat"), (error.ErrorCode, error.Message));
    }

    [Fact]
    public async Task A_migrated_group_redirects_sends_to_the_supergroup()
    {
        var alice = Fake.CreateUser("Alice");
        var group = Fake.CreateGroup("Project X", alice);

        var supergroup = Fake.MigrateToSupergroup(group);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(group.Id, "Hi"));
        await Bot.SendMessage(error.Parameters?.MigrateToChatId ?? 0, "Hi");

        Assert.Equal("Bad Request: group chat was upgraded to a supergroup chat", error.Message);
        Assert.Equal(supergroup.Id, error.Parameters?.MigrateToChatId);
        Assert.StartsWith("-100", supergroup.Id.ToString());
        Assert.Equal("Hi", Fake.BotMessages(supergroup).Single().Text);
    }

    [Fact]
    public async Task Migration_shows_up_as_service_messages_in_both_chats()
    {
        var alice = Fake.CreateUser("Alice");
        var group = Fake.CreateGroup("Project X", alice);

        var supergroup = Fake.MigrateToSupergroup(group, alice);

        var messages = (await Bot.GetUpdates()).Select(u => u.Message).OfType<Telegram.Bot.Types.Message>().ToArray();
        Assert.Equal((group.Id, supergroup.Id), (messages[0].Chat.Id, messages[0].MigrateToChatId));
        Assert.Equal((supergroup.Id, group.Id, ChatType.Supergroup), (messages[1].Chat.Id, messages[1].MigrateFromChatId, messages[1].Chat.Type));
    }

    [Fact]
    public async Task Group_members_talk_to_the_bot_in_the_group()
    {
        var alice = Fake.CreateUser("Alice");
        var bob = Fake.CreateUser("Bob");
        var group = Fake.CreateGroup("Project X", alice, bob);

        Fake.SendText(bob, group, "When is the deadline?");
        await Bot.SendMessage(group.Id, "Friday");

        var update = (await Bot.GetUpdates()).Single();
        Assert.Equal((group.Id, "Project X", bob.Id), (update.Message?.Chat.Id, update.Message?.Chat.Title, update.Message?.From?.Id));
        Assert.Equal(["Bob: When is the deadline?", "bot: Friday"], Fake.Messages(group).Select(m => $"{m.From?.FirstName ?? "bot"}: {m.Text}"));
    }

    [Fact]
    public async Task With_privacy_mode_the_bot_sees_only_commands_in_groups()
    {
        var alice = Fake.CreateUser("Alice");
        var group = Fake.CreateGroup("Project X", alice);
        Fake.GroupPrivacyMode = true;

        Fake.SendText(alice, group, "chatting among ourselves");
        Fake.SendText(alice, group, "/status");

        Assert.Equal(["/status"], (await Bot.GetUpdates()).Select(u => u.Message?.Text));
        Assert.Equal(2, Fake.Messages(group).Count);
    }

    [Fact]
    public async Task GetChat_describes_a_known_chat()
    {
        var alice = StartedUser("Alice", "alice");

        var chat = await Bot.GetChat(alice.Id);

        Assert.Equal((alice.Id, ChatType.Private, "Alice", "alice"), (chat.Id, chat.Type, chat.FirstName, chat.Username));
    }
}
