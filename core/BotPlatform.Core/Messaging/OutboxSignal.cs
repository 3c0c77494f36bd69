namespace BotPlatform.Core.Messaging;

/// <summary>Wakes the outbox sender when messages are stored, so they leave at once rather than on the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0);
    private int _pending;

    public void Pulse()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 0) _signal.Release();
    }

    /// <summary>Waits for a pulse or the timeout (real time: this paces transport, not business); true when pulsed.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        var pulsed = await _signal.WaitAsync(timeout, ct);
        Interlocked.Exchange(ref _pending, 0);
        return pulsed;
    }
}
