namespace BotPlatform.Core.Messaging;

/// <summary>
/// Which host handles a chat's updates right now when several replicas share one database: a claim per
/// chat with a lease. Only the holder handles the chat's updates (so they stay in order across
/// replicas); a holder that dies loses the claim when the lease runs out and another host takes the
/// chat over. On one host (LiteDB) every claim succeeds: the dispatcher's own per-chat lock suffices.
/// </summary>
public interface IChatClaims
{
    /// <summary>Claims the chat for this host, or renews this host's claim; false when another host holds a live claim.</summary>
    Task<bool> TryClaimAsync(long chatKey, TimeSpan lease, CancellationToken ct);

    /// <summary>Gives the chat back (only this host's own claim).</summary>
    Task ReleaseAsync(long chatKey, CancellationToken ct);
}

/// <summary>
/// One outbox sender for the whole bot: Telegram's limits (30/s, per-chat and per-group pacing,
/// 429 retry_after) are the bot's, so the host that sends keeps them in memory as on one host. With
/// several replicas one host is elected; when it dies another takes over within seconds.
/// </summary>
public interface IOutboxLeadership
{
    /// <summary>
    /// Runs <paramref name="lead"/> whenever this host is the sender, until <paramref name="ct"/> is
    /// cancelled. The token given to <paramref name="lead"/> is cancelled when the leadership is lost.
    /// </summary>
    Task RunAsLeaderAsync(Func<CancellationToken, Task> lead, CancellationToken ct);
}
