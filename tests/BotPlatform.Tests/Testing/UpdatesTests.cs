using System.Diagnostics;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace BotPlatform.Tests.Testing;

public sealed class UpdatesTests : FakeTelegramTestBase
{
    [Fact]
    public async Task Unconfirmed_updates_are_returned_again()
    {
        var alice = Fake.CreateUser("Alice");
        Fake.SendText(alice, "one");
        Fake.SendText(alice, "two");

        var first = await Bot.GetUpdates();
        var again = await Bot.GetUpdates();

        Assert.Equal(["one", "two"], first.Select(u => u.Message?.Text));
        Assert.Equal(first.Select(u => u.Id), again.Select(u => u.Id));
    }

    [Fact]
    public async Task A_higher_offset_confirms_and_forgets_earlier_updates()
    {
        var alice = Fake.CreateUser("Alice");
        Fake.SendText(alice, "one");
        Fake.SendText(alice, "two");
        var first = await Bot.GetUpdates();

        var rest = await Bot.GetUpdates(offset: first[0].Id + 1);
        var afterAll = await Bot.GetUpdates(offset: first[1].Id + 1);

        Assert.Equal(["two"], rest.Select(u => u.Message?.Text));
        Assert.Empty(afterAll);
        Assert.Equal(0, Fake.PendingUpdateCount);
    }

    [Fact]
    public async Task Limit_caps_the_batch()
    {
        var alice = Fake.CreateUser("Alice");
        for (var i = 0; i < 5; i++)
        {
            Fake.SendText(alice, $"m{i}");
        }

        var batch = await Bot.GetUpdates(limit: 2);

        Assert.Equal(["m0", "m1"], batch.Select(u => u.Message?.Text));
    }

    [Fact]
    public async Task A_long_poll_wakes_as_soon_as_an_update_arrives()
    {
        var alice = Fake.CreateUser("Alice");
        var clock = Stopwatch.StartNew();
        var poll = Bot.GetUpdates(timeout: 30);
        await Fake.WaitUntilAsync(() => Fake.IsLongPolling);

        Fake.SendText(alice, "/start");
        var updates = await poll;

        Assert.Equal("/start", Assert.Single(updates).Message?.Text);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the poll took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_long_poll_without_updates_returns_empty_after_its_timeout()
    {
        var clock = Stopwatch.StartNew();

        var updates = await Bot.GetUpdates(timeout: 1);

        Assert.Empty(updates);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_second_concurrent_poll_terminates_the_first_with_409()
    {
        var first = Bot.GetUpdates(timeout: 30);
        await Fake.WaitUntilAsync(() => Fake.IsLongPolling);

        var second = NewClient().GetUpdates(timeout: 1);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => first);
        await second;

        Assert.Equal(409, error.ErrorCode);
        Assert.StartsWith("Conflict: terminated by other getUpdates request", error.Message);
    }

    [Fact]
    public async Task An_aborted_long_poll_frees_the_slot()
    {
        using var cancel = new CancellationTokenSource();
        var poll = Bot.GetUpdates(timeout: 30, cancellationToken: cancel.Token);
        await Fake.WaitUntilAsync(() => Fake.IsLongPolling);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => poll);
        await Fake.WaitUntilAsync(() => !Fake.IsLongPolling);
    }

    [Fact]
    public async Task Start_with_a_payload_carries_a_bot_command_entity()
    {
        var alice = Fake.CreateUser("Alice", "alice", languageCode: "en");

        Fake.SendText(alice, "/start INVITE42");

        var message = (await Bot.GetUpdates()).Single().Message;
        Assert.Equal("/start INVITE42", message?.Text);
        Assert.Equal((MessageEntityType.BotCommand, 0, 6), message?.Entities?.Select(e => (e.Type, e.Offset, e.Length)).Single());
        Assert.Equal(("alice", "en", ChatType.Private), (message?.From?.Username, message?.From?.LanguageCode, message?.Chat.Type));
    }

    [Fact]
    public async Task A_reply_carries_the_message_it_answers()
    {
        var alice = StartedUser();
        var prompt = await Bot.SendMessage(alice.Id, "Why do you reject?", replyMarkup: new Telegram.Bot.Types.ReplyMarkups.ForceReplyMarkup());
        var seenPrompt = Fake.BotMessages(alice.PrivateChat).Single();

        Fake.Reply(alice, alice.PrivateChat, seenPrompt, "Too expensive");

        var reply = (await Bot.GetUpdates()).Last().Message;
        Assert.Equal("Too expensive", reply?.Text);
        Assert.Equal(prompt.MessageId, reply?.ReplyToMessage?.MessageId);
        Assert.Equal("Why do you reject?", reply?.ReplyToMessage?.Text);
    }
}
