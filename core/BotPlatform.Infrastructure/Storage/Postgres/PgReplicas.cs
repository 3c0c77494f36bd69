using BotPlatform.Core.Messaging;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BotPlatform.Infrastructure.Storage.Postgres;

/// <summary>This process among the replicas: the owner name of its claims.</summary>
internal sealed class ReplicaIdentity
{
    public string Name { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
}

/// <summary>
/// A claim per chat in <c>inbox_claims</c>: one upsert takes a free or expired claim, or renews this
/// host's own; the lease runs in the database's time, so the replicas' clocks need not agree.
/// </summary>
internal sealed class PgChatClaims(PostgresDatabase db, ReplicaIdentity replica) : IChatClaims
{
    public Task<bool> TryClaimAsync(long chatKey, TimeSpan lease, CancellationToken ct) => db.RunAsync(async (connection, transaction) =>
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO inbox_claims (chat_key, owner, expires_at) VALUES (@chat, @owner, clock_timestamp() + @lease)
            ON CONFLICT (chat_key) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at
            WHERE inbox_claims.owner = EXCLUDED.owner OR inbox_claims.expires_at < clock_timestamp()
            RETURNING chat_key
            """, connection, transaction);
        command.Parameters.AddWithValue("chat", chatKey);
        command.Parameters.AddWithValue("owner", replica.Name);
        command.Parameters.AddWithValue("lease", lease);
        return await command.ExecuteScalarAsync(ct) is not null;
    }, ct);

    public Task ReleaseAsync(long chatKey, CancellationToken ct) => db.RunAsync(async (connection, transaction) =>
    {
        await using var command = new NpgsqlCommand("DELETE FROM inbox_claims WHERE chat_key = @chat AND owner = @owner", connection, transaction);
        command.Parameters.AddWithValue("chat", chatKey);
        command.Parameters.AddWithValue("owner", replica.Name);
        return await command.ExecuteNonQueryAsync(ct);
    }, ct);
}

/// <summary>
/// The elected outbox sender: the host holding the session advisory lock <see cref="AdvisoryLocks.OutboxSender"/>
/// on a connection of its own sends; the others try again every <see cref="RetryInterval"/>. A host
/// that dies (even kill -9) drops its connection, the server releases the lock, and the next try of
/// another host wins. The leader's connection also LISTENs on <see cref="Channel"/>: every replica's
/// outbox writes NOTIFY it on commit, so messages queued on any host leave at once.
/// </summary>
internal sealed class PgOutboxLeadership(PostgresDatabase db, OutboxSignal signal, ReplicaIdentity replica, ILogger<PgOutboxLeadership> logger)
    : IOutboxLeadership
{
    /// <summary>
    /// The election connection's <c>application_name</c> (PostgreSQL keeps 63 bytes): who sends now is one query away,
    /// <c>SELECT application_name FROM pg_locks JOIN pg_stat_activity USING (pid) WHERE locktype = 'advisory' AND objid = ...</c>
    /// (docs/operations.md).
    /// </summary>
    public string ApplicationName => "botplatform " + replica.Name;

    public const string Channel = "botplatform_outbox";
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(1);
    /// <summary>Telegram's global window (30 messages a second): a new sender waits it out before its first send.</summary>
    public static readonly TimeSpan TakeoverPause = TimeSpan.FromSeconds(1);

    public async Task RunAsLeaderAsync(Func<CancellationToken, Task> lead, CancellationToken ct)
    {
        var waiting = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await db.OpenDedicatedConnectionAsync(ct);
                await using (var name = new NpgsqlCommand("SELECT set_config('application_name', @name, false)", connection))
                {
                    name.Parameters.AddWithValue("name", ApplicationName);
                    await name.ExecuteNonQueryAsync(ct);
                }
                if (await TryLockAsync(connection, ct))
                {
                    logger.LogInformation("This host ({Replica}) is now the outbox sender", replica.Name);
                    waiting = false;
                    // The sender before may have sent a full second's worth just before it died, and its count died with
                    // it: let Telegram's one-second window pass before sending, so a takeover never bursts past the limit.
                    await Task.Delay(TakeoverPause, ct);
                    await LeadAsync(connection, lead, ct);
                    logger.LogWarning("This host is no longer the outbox sender");
                }
                else if (!waiting)
                {
                    logger.LogInformation("Another host sends the outbox; this one stands by");
                    waiting = true;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Outbox sender election failed; trying again");
            }
            try
            {
                await Task.Delay(RetryInterval, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", AdvisoryLocks.OutboxSender);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Leads while the lock's connection lives: a failed heartbeat ends the leadership.</summary>
    private async Task LeadAsync(NpgsqlConnection connection, Func<CancellationToken, Task> lead, CancellationToken ct)
    {
        connection.Notification += (_, _) => signal.Pulse();
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
            await listen.ExecuteNonQueryAsync(ct);
        using var leading = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var leader = Task.Run(() => lead(leading.Token), CancellationToken.None);
        try
        {
            while (!leader.IsCompleted)
            {
                // Delivers pending notifications (pulsing the sender) or times out; a dead connection throws.
                if (!await connection.WaitAsync(Heartbeat, ct))
                {
                    await using var ping = new NpgsqlCommand("SELECT 1", connection);
                    await ping.ExecuteScalarAsync(ct);
                }
            }
        }
        finally
        {
            await leading.CancelAsync();
            try
            {
                await leader;
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
