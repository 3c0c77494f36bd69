namespace BotPlatform.Bot.Telegram;

/// <summary>
/// At most N sends in any window of the given length, as Telegram will see them. Telegram stamps a
/// send somewhere between our dispatch and the response, so a send holds its slot from dispatch until
/// one window after its response: then any N+1 sends that Telegram could see within one window would
/// all have held slots at one moment, which the gate never allows.
/// </summary>
public sealed class SlidingWindow(int limit, TimeSpan window)
{
    private readonly List<Slot> _slots = [];

    /// <summary>When the next send may go: <paramref name="now"/>, a later instant, or MaxValue until a send completes.</summary>
    public DateTimeOffset NextAllowed(DateTimeOffset now)
    {
        _slots.RemoveAll(s => s.CompletedAt is { } done && done + window <= now);
        if (_slots.Count < limit) return now;
        var expiring = _slots.Where(s => s.CompletedAt is not null).Select(s => s.CompletedAt!.Value + window).ToList();
        return expiring.Count >= _slots.Count - limit + 1 ? expiring.Order().ElementAt(_slots.Count - limit) : DateTimeOffset.MaxValue;
    }

    public Slot Take()
    {
        var slot = new Slot();
        _slots.Add(slot);
        return slot;
    }

    public bool IsIdle => _slots.Count == 0;

    public sealed class Slot
    {
        public DateTimeOffset? CompletedAt { get; set; }
    }
}

/// <summary>The slots one send holds: overall and in its chat.</summary>
public sealed record RateTicket(SlidingWindow.Slot Global, SlidingWindow.Slot Chat);

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

    public RateTicket Take(long chatId)
    {
        if (!_chats.TryGetValue(chatId, out var window))
        {
            window = chatId < 0
                ? new SlidingWindow(options.GroupPerMinute, Stretch(TimeSpan.FromMinutes(1), options))
                : new SlidingWindow(options.PrivateChatBurst, Stretch(TimeSpan.FromSeconds(options.PrivateChatBurst), options));
            _chats[chatId] = window;
        }
        return new RateTicket(_global.Take(), window.Take());
    }

    /// <summary>The send got its answer: its slots expire one window from now.</summary>
    public static void Complete(RateTicket ticket, DateTimeOffset at)
    {
        ticket.Global.CompletedAt = at;
        ticket.Chat.CompletedAt = at;
    }

    /// <summary>Forgets chats with nothing in their window, so memory follows active chats only.</summary>
    public void Trim(DateTimeOffset now)
    {
        if (_chats.Count < 10_000) return;
        foreach (var (id, window) in _chats.ToList())
            if (window.NextAllowed(now) <= now && window.IsIdle) _chats.Remove(id);
    }
}
