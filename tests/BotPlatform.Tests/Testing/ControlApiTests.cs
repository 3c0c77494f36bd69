using BotPlatform.Testing;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace BotPlatform.Tests.Testing;

public sealed class ControlApiTests : FakeTelegramTestBase
{
    [Fact]
    public async Task WaitForBotMessage_returns_the_reply_to_the_users_latest_action()
    {
        var alice = StartedUser();
        await Bot.SendMessage(alice.Id, "Welcome");
        Fake.SendText(alice, "/help");

        var waiting = Fake.WaitForBotMessageAsync(alice.PrivateChat);
        await Bot.SendMessage(alice.Id, "Commands: /new");

        Assert.Equal("Commands: /new", (await waiting).Text);
    }

    [Fact]
    public async Task WaitForBotMessage_times_out_with_the_transcript()
    {
        var alice = StartedUser();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => Fake.WaitForBotMessageAsync(alice.PrivateChat, timeout: TimeSpan.FromMilliseconds(100)));

        Assert.Contains("Alice: /start", error.Message);
    }

    [Fact]
    public async Task Transcript_reads_like_the_chat()
    {
        var alice = StartedUser();
        await Bot.SendMessage(alice.Id, "Approve?", replyMarkup: new Telegram.Bot.Types.ReplyMarkups.InlineKeyboardMarkup(
            Telegram.Bot.Types.ReplyMarkups.InlineKeyboardButton.WithCallbackData("Yes", "y")));

        var transcript = Fake.Transcript(alice.PrivateChat);

        Assert.Contains("#1 Alice: /start", transcript);
        Assert.Contains("#2 bot: Approve?\n    [Yes | y]", transcript);
    }

    [Fact]
    public async Task Message_dates_come_from_the_time_provider()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));
        await using var fake = await FakeTelegram.StartAsync(time: time);
        var bot = new TelegramBotClient(new TelegramBotClientOptions(fake.Token, fake.BaseUrl) { RetryThreshold = 0 });
        var alice = fake.Engine.CreateUser("Alice");
        fake.Engine.SendText(alice, "/start");
        time.Advance(TimeSpan.FromHours(1));

        var sent = await bot.SendMessage(alice.Id, "Later");

        Assert.Equal(new DateTime(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc), (await bot.GetUpdates()).Single().Message?.Date);
        Assert.Equal(new DateTime(2026, 3, 2, 10, 30, 0, DateTimeKind.Utc), sent.Date);
    }

    [Fact]
    public async Task MaxInWindow_counts_the_densest_burst_per_chat_and_overall()
    {
        var alice = StartedUser("Alice", "alice");
        var bob = StartedUser("Bob", "bob");

        for (var i = 0; i < 3; i++)
        {
            await Bot.SendMessage(alice.Id, $"a{i}");
        }

        await Bot.SendMessage(bob.Id, "b");

        Assert.Equal(3, Fake.MaxInWindow(TimeSpan.FromMinutes(1), alice.Id));
        Assert.Equal(4, Fake.MaxInWindow(TimeSpan.FromMinutes(1)));
        Assert.Equal(1, Fake.MaxInWindow(TimeSpan.FromTicks(1), bob.Id));
        Assert.Equal(new Dictionary<long, int> { [alice.Id] = 3, [bob.Id] = 1 }, Fake.SendCountsByChat());
    }

    [Fact]
    public async Task Commands_chat_actions_and_getMe_work()
    {
        var alice = StartedUser();

        var me = await Bot.GetMe();
        await Bot.SetMyCommands([new BotCommand("new", "Новая заявка"), new BotCommand("help", "Помощь")], languageCode: "ru");
        await Bot.SendChatAction(alice.Id, ChatAction.Typing);
        var commands = await Bot.GetMyCommands(languageCode: "ru");

        Assert.Equal((123456L, true), (me.Id, me.IsBot));
        Assert.Equal(["new", "help"], commands.Select(c => c.Command));
        Assert.Equal("Новая заявка", Fake.MyCommands(languageCode: "ru")[0].Description);
        Assert.Empty(Fake.Rejected);
    }
}
