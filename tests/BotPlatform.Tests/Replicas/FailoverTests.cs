using BotPlatform.Bot.Telegram;
using BotPlatform.Core.Messaging;
using BotPlatform.Infrastructure.Storage.Postgres;
using BotPlatform.Tests.Support;
using Npgsql;

namespace BotPlatform.Tests.Replicas;

/// <summary>What a replica that goes away leaves behind is taken over: its chat claims after the lease, the outbox at once.</summary>
public sealed class FailoverTests
{
    private static readonly Dictionary<string, string?> Webhook = new()
    {
        ["Telegram:WebhookUrl"] = "https://bot.example.org" + Bot.Telegram.Webhook.Path,
        ["Telegram:WebhookSecret"] = "failover-secret",
    };

    [Fact]
    public async Task A_chat_claimed_by_a_dead_replica_is_handled_once_its_lease_has_run_out()
    {
        await using var host = await BotHost.StartAsync(storage: StorageEngine.Postgres, settings: Webhook);
        host.Tg.WebhookHttpClient = host.CreateClient();
        var olga = host.Tg.CreateUser("Ольга", "emp_olga");
        // A replica that died while it held Ольга's chat: its claim lasts 3 more seconds.
        var expires = await ExecuteAsync<DateTime>(host, """
            INSERT INTO inbox_claims (chat_key, owner, expires_at) VALUES (@p0, 'dead-replica', clock_timestamp() + interval '3 seconds')
            RETURNING expires_at
            """, olga.Id);

        var answer = await host.SaysAsync(olga, "/start");

        Assert.Contains("Здравствуйте, Ольга", answer.Text);
        var item = Assert.Single(await host.Get<IInboxStore>().PendingOrHandledAsync(olga.Id));
        Assert.True(item.HandledAt >= new DateTimeOffset(expires, TimeSpan.Zero), $"handled at {item.HandledAt:O}, the dead replica's lease ran to {expires:O}");
        Assert.Equal(0L, await ExecuteAsync<long>(host, "SELECT count(*) FROM inbox_claims WHERE chat_key = @p0", olga.Id));
    }

    [Fact]
    public async Task When_the_sending_replica_stops_another_takes_over_the_outbox()
    {
        await using var first = await BotHost.StartAsync(storage: StorageEngine.Postgres, settings: Webhook);
        await using var second = first.StartReplica();
        first.Tg.WebhookReplicas = [second.CreateClient()];
        var olga = first.Tg.CreateUser("Ольга", "emp_olga");
        await second.SaysAsync(olga, "/start");
        var sentBefore = first.Tg.Sends.Count;
        var sender = await KillTests.SenderAsync(first.DatabaseConnectionString!);
        var firstName = first.Get<ReplicaIdentity>().Name;
        var secondName = second.Get<ReplicaIdentity>().Name;

        await first.StopAsync(); // the elected sender (it started first) goes away
        var answer = await second.SaysAsync(olga, "/whoami");
        var after = await KillTests.SenderAsync(first.DatabaseConnectionString!, other: sender.Name);

        Assert.Equal(Named(firstName), sender.Name);
        Assert.Equal(Named(secondName), after.Name);
        Assert.Contains("Ольга", answer.Text);
        Assert.Equal(sentBefore + 1, first.Tg.Sends.Count);
    }

    /// <summary>The election connection's application_name (PostgreSQL keeps its first 63 bytes).</summary>
    private static string Named(string replica)
    {
        var name = "botplatform " + replica;
        return name.Length > 63 ? name[..63] : name;
    }

    private static async Task<T> ExecuteAsync<T>(BotHost host, string sql, long p0)
    {
        await using var source = NpgsqlDataSource.Create(host.DatabaseConnectionString!);
        await using var command = source.CreateCommand(sql);
        command.Parameters.AddWithValue("p0", p0);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}

internal static class InboxOfChat
{
    public static async Task<IReadOnlyList<InboxItem>> PendingOrHandledAsync(this IInboxStore inbox, long chatKey)
    {
        var items = new List<InboxItem>();
        for (long id = 1; id < 50; id++)
            if (await inbox.GetAsync(id, default) is { } item && item.ChatKey == chatKey) items.Add(item);
        return items;
    }
}
