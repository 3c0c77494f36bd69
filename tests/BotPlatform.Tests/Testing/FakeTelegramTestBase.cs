using BotPlatform.Testing;
using Telegram.Bot;

namespace BotPlatform.Tests.Testing;

/// <summary>Starts a fresh fake Telegram per test and a real Telegram.Bot client pointed at it.</summary>
public abstract class FakeTelegramTestBase : IAsyncLifetime
{
    private FakeTelegram? _fake;
    private TelegramBotClient? _bot;

    /// <summary>The fake Telegram server (its URL and token).</summary>
    protected FakeTelegram Host => _fake ?? throw new InvalidOperationException("The fake starts in InitializeAsync");

    /// <summary>The fake's control API: act as users, read chats, inject faults.</summary>
    protected BotApiEngine Fake => Host.Engine;

    /// <summary>The real client, with its own 429 retry switched off as in production.</summary>
    protected TelegramBotClient Bot => _bot ?? throw new InvalidOperationException("The client is created in InitializeAsync");

    public async Task InitializeAsync()
    {
        _fake = await FakeTelegram.StartAsync();
        _bot = NewClient();
    }

    public async Task DisposeAsync()
    {
        if (_fake is not null)
        {
            await _fake.DisposeAsync();
        }
    }

    protected TelegramBotClient NewClient(HttpClient? http = null) =>
        new(new TelegramBotClientOptions(Host.Token, Host.BaseUrl) { RetryThreshold = 0 }, http);

    /// <summary>A user who has already written /start, so the bot may write to them.</summary>
    protected FakeUser StartedUser(string firstName = "Alice", string? username = "alice")
    {
        var user = Fake.CreateUser(firstName, username);
        Fake.SendText(user, "/start");
        return user;
    }
}
