namespace BotPlatform.Bot.Telegram;

/// <summary>
/// Exact sliding-window limits: at most N sends in any window of the given length. Keeps the send times
/// of the last N sends per key, so the check is O(1) and nothing drifts the way token buckets can.
/// </summary>
public sealed class SlidingWindow(int limit, TimeSpan window)
{
    private readonly Queue<DateTimeOffset> _sent = new();

    /// <summary>When the next send may go; <paramref name="now"/> or earlier means now.</summary>
    public DateTimeOffset NextAllowed(DateTimeOffset now)
    {
        while (_sent.Count > 0 && _sent.Peek() <= now - window) _sent.Dequeue();
        return _sent.Count < limit ? now : _sent.Peek() + window;
    }

    public void Record(DateTimeOffset at) => _sent.Enqueue(at);

    public bool IsIdle(DateTimeOffset now) => NextAllowed(now) <= now && _sent.Count == 0;
}

/// <summary>Telegram's limits: overall, per private chat, per group. Not thread-safe: the sender loop owns it.</summary>
public sealed class RateGate(OutboxOptions options)
{
    private readonly SlidingWindow _global = new(options.GlobalPerSecond, Stretch(TimeSpan.FromSeconds(1), options));
    private readonly Dictionary<long, SlidingWindow> _chats = [];

    public static TimeSpan Stretch(TimeSpan window, OutboxOptions options) => window * (1 + options.SafetyMargin);

    public DateTimeOffset NextAllowed(long chatId, DateTimeOffset now)
    {
        var chat = _chats.TryGetValue(chatId, out var w) ? w.NextAllowed(now) : now;
        var global = _global.NextAllowed(now);
        return chat > global ? chat : global;
    }

    public void Record(long chatId, DateTimeOffset at)
    {
        _global.Record(at);
        if (!_chats.TryGetValue(chatId, out var window))
        {
            window = chatId < 0
                ? new SlidingWindow(options.GroupPerMinute, Stretch(TimeSpan.FromMinutes(1), options))
                : new SlidingWindow(options.PrivateChatBurst, Stretch(TimeSpan.FromSeconds(options.PrivateChatBurst), options));
            _chats[chatId] = window;
        }
        window.Record(at);
    }

    /// <summary>Forgets chats with nothing in their window, so memory follows active chats only.</summary>
    public void Trim(DateTimeOffset now)
    {
        if (_chats.Count < 10_000) return;
        foreach (var id in _chats.Where(kv => kv.Value.IsIdle(now)).Select(kv => kv.Key).ToList()) _chats.Remove(id);
    }
}
