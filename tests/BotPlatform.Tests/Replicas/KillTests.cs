using System.Text.RegularExpressions;
using BotPlatform.Testing;
using BotPlatform.Tests.Support;
using Npgsql;

namespace BotPlatform.Tests.Replicas;

/// <summary>
/// Three replicas as separate processes (the built host) on one PostgreSQL behind the fake Bot API's
/// webhook, delivered round-robin as a load balancer would; the replica that sends the outbox is killed
/// with kill -9 in the middle of a stream of updates.
/// </summary>
[Collection(HostProcesses.Name)]
public sealed partial class KillTests
{
    private const string Secret = "kill-secret";
    private const int PerChat = 15;
    private static readonly string[] Staff =
        ["admin_anna", "head_igor", "emp_olga", "fin_maria", "eng_john", "chief_olga_b", "acc_nina", "lawyer_petr", "cto_dan", "dir_sergey"];

    [Fact]
    public async Task The_sending_replica_killed_with_kill_9_mid_stream_loses_nothing_doubles_nothing_keeps_each_chats_order_and_the_sender_role_moves()
    {
        await using var telegram = await FakeTelegram.StartAsync();
        var database = await TestPostgres.CreateDatabaseAsync();
        var replicas = new List<BotProcess>();
        var folders = new List<TestFolder>();
        try
        {
            var addresses = new List<Uri>();
            for (var i = 0; i < 3; i++)
            {
                var folder = new TestFolder();
                folders.Add(folder);
                var replica = BotProcess.StartBuilt(new Dictionary<string, string>
                {
                    ["Telegram__Token"] = telegram.Token,
                    ["Telegram__BaseUrl"] = telegram.BaseUrl,
                    ["Telegram__WebhookUrl"] = "http://balancer.invalid/telegram/webhook",
                    ["Telegram__WebhookSecret"] = Secret,
                    ["Storage__Provider"] = "postgres",
                    ["Storage__ConnectionString"] = database,
                    ["Storage__DataFolder"] = folder.Path,
                    ["Organisation__File"] = TestFiles.Path("TestData/organisation.test.yaml"),
                    ["Gateway__ClaimLeaseSeconds"] = "3",
                    ["Sandbox__Enabled"] = "false",
                    ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                });
                replicas.Add(replica);
                addresses.Add(new Uri(await replica.WaitForAsync(ListeningOn(), TimeSpan.FromSeconds(120))));
            }
            telegram.Engine.WebhookReplicas = addresses.Select(a => new HttpClient(new ToReplica(a))).ToList();
            await telegram.Engine.WaitUntilAsync(() => telegram.Engine.WebhookUrl is not null, TimeSpan.FromSeconds(30));
            var users = new List<FakeUser>();
            foreach (var username in Staff)
            {
                var user = telegram.Engine.CreateUser(username, username);
                telegram.Engine.SendText(user, "/start");
                users.Add(user);
            }
            await telegram.Engine.WaitUntilAsync(() => users.All(u => telegram.Engine.BotMessages(u.PrivateChat).Count > 0), TimeSpan.FromSeconds(60));
            await QuietAsync(database);
            var sender = await SenderAsync(database);
            var victim = replicas.Single(r => r.ProcessId == sender.Pid);
            var greetings = users.ToDictionary(u => u.Id, u => telegram.Engine.BotMessages(u.PrivateChat).Count);

            for (var n = 0; n < PerChat; n++)
                foreach (var user in users)
                    telegram.Engine.SendText(user, $"/find m{n}");
            await telegram.Engine.WaitUntilAsync(() => Answers(telegram, users, greetings) >= users.Count * PerChat / 3, TimeSpan.FromSeconds(60));
            victim.KillHard();
            var killedAt = Answers(telegram, users, greetings);
            await telegram.Engine.WaitUntilAsync(() => Answers(telegram, users, greetings) >= users.Count * PerChat, TimeSpan.FromSeconds(120));
            var newSender = await SenderAsync(database, other: sender.Name);

            Assert.InRange(killedAt, 1, users.Count * PerChat - 1);
            var repeats = 0;
            foreach (var user in users)
            {
                var answers = telegram.Engine.BotMessages(user.PrivateChat).Skip(greetings[user.Id]).Select(m => m.Text).ToList();
                // A reply Telegram had accepted when its sender died, before the sender could record it, is sent again by
                // the next sender (sendMessage has no idempotency key; README "Reliability"): it repeats in place.
                var once = answers.Where((text, i) => i == 0 || text != answers[i - 1]).ToList();
                repeats += answers.Count - once.Count;
                // "По запросу «m3» ничего не нашлось..." (John reads English: "Nothing found for "m3"...").
                Assert.All(once, text => Assert.Matches(@"^(По запросу «m\d+» ничего не нашлось|Nothing found for ""m\d+"")", text));
                Assert.Equal(Enumerable.Range(0, PerChat).Select(n => $"m{n}"), once.Select(text => Query().Match(text!).Value));
            }
            // At most the sends in flight at the kill (Outbox:Parallelism, 8) are repeated.
            Assert.InRange(repeats, 0, 8);
            Assert.NotEqual(sender.Pid, newSender.Pid);
            Assert.Contains(replicas.Where(r => r != victim), r => r.ProcessId == newSender.Pid);
            var survivor = replicas.Single(r => r.ProcessId == newSender.Pid);
            Assert.Contains("is now the outbox sender", survivor.Output);
            Assert.InRange(telegram.Engine.MaxInWindow(TimeSpan.FromSeconds(1)), 1, 30);
            Assert.Empty(telegram.Engine.Rejected);
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var pending = new NpgsqlCommand("SELECT count(*) FILTER (WHERE status <> 'Done'), count(*) FROM inbox", connection);
            await using var reader = await pending.ExecuteReaderAsync();
            await reader.ReadAsync();
            Assert.Equal((0L, (long)users.Count * (PerChat + 1)), (reader.GetInt64(0), reader.GetInt64(1)));
            await reader.CloseAsync();
            // Each update was answered once: one outbox message per /find, whichever replica handled it and however often it was sent.
            await using var replies = new NpgsqlCommand("SELECT count(*), count(DISTINCT data->>'Text' || chat_id) FROM outbox WHERE data->>'Text' LIKE 'По запросу%' OR data->>'Text' LIKE 'Nothing found%'", connection);
            await using var counted = await replies.ExecuteReaderAsync();
            await counted.ReadAsync();
            Assert.Equal(((long)users.Count * PerChat, (long)users.Count * PerChat), (counted.GetInt64(0), counted.GetInt64(1)));
        }
        finally
        {
            foreach (var replica in replicas) await replica.DisposeAsync();
            foreach (var folder in folders) folder.Dispose();
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    /// <summary>Waits until every stored update is handled and every queued message sent.</summary>
    private static async Task QuietAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        for (var attempt = 0; attempt < 600; attempt++)
        {
            await using var command = new NpgsqlCommand(
                "SELECT (SELECT count(*) FROM inbox WHERE status = 'Pending') + (SELECT count(*) FROM outbox WHERE status = 'Pending')", connection);
            if ((long)(await command.ExecuteScalarAsync())! == 0) return;
            await Task.Delay(100);
        }
        throw new TimeoutException("The replicas did not get quiet");
    }

    /// <summary>Distinct answers so far: a reply repeated in place by the next sender counts once, so waiting for all of them waits for the last.</summary>
    private static int Answers(FakeTelegram telegram, IEnumerable<FakeUser> users, IReadOnlyDictionary<long, int> before) =>
        users.Sum(u =>
        {
            var answers = telegram.Engine.BotMessages(u.PrivateChat).Skip(before[u.Id]).Select(m => m.Text).ToList();
            return answers.Where((text, i) => i == 0 || text != answers[i - 1]).Count();
        });

    /// <summary>
    /// The replica holding the outbox sender's advisory lock, from the database: its election connection is
    /// named "botplatform MACHINE/PID/ID" (application_name).
    /// </summary>
    /// <param name="other">Wait until another replica than this one (its name) holds the lock.</param>
    internal static async Task<(int Pid, string Name)> SenderAsync(string database, string? other = null)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        for (var attempt = 0; ; attempt++)
        {
            await using var command = new NpgsqlCommand("""
                SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND l.classid::bigint = (@key >> 32) AND l.objid::bigint = (@key & 4294967295) AND l.objsubid = 1
                """, connection);
            command.Parameters.AddWithValue("key", 0x426f74_4f757453L);
            if (await command.ExecuteScalarAsync() is string name && name != other)
                return (int.Parse(name.Split('/')[1]), name);
            if (attempt > 150) throw new TimeoutException("No replica holds the outbox sender's lock");
            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"m\d+")]
    private static partial Regex Query();

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();

    /// <summary>The load balancer's hop: the webhook URL Telegram calls, sent on to one replica's address.</summary>
    private sealed class ToReplica(Uri replica) : DelegatingHandler(new HttpClientHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new Uri(replica, request.RequestUri!.PathAndQuery);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
