namespace BotPlatform.Bot.Telegram;

/// <summary>
/// Real time for the transport (pacing, retries, backoff). Business time (reminders, deadlines) is the
/// injected TimeProvider, which tests replace with a fake; pacing must keep following Telegram's real
/// clock even then.
/// </summary>
public sealed record TransportClock(TimeProvider Time)
{
    public DateTimeOffset Now => Time.GetUtcNow();
}
