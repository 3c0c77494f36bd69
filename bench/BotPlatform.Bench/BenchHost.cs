using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Testing;
using BotPlatform.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
// The bench's own entry class is also called Program; the bot's is the global one.
using BotProgram = global::Program;

namespace BotPlatform.Bench;

/// <summary>
/// The real bot host (all of Program.cs) long-polling a fresh fake Bot API over HTTP, with the sample
/// organisation file, system time and its LiteDB file in a temp folder that is removed on dispose.
/// With <see cref="Storage"/> postgres: a fresh database on a throwaway PostgreSQL cluster (the tests'
/// <see cref="TestPostgres"/>), and with <see cref="Replicas"/> above 1 that many hosts on it, in this
/// process as the replica tests run them, behind one webhook that the fake delivers to in turn (a load
/// balancer); <see cref="Services"/> is then the first host's.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The engine of every host the benchmarks start (--storage).</summary>
    public static string Storage { get; set; } = "litedb";

    /// <summary>How many hosts on one PostgreSQL database (--replicas); 1 long-polls, more share a webhook.</summary>
    public static int Replicas { get; set; } = 1;

    /// <summary>What the figures ran on, for the report's section titles.</summary>
    public static string Topology => Storage == "postgres"
        ? Report.Invariant($"PostgreSQL, {Replicas} {(Replicas == 1 ? "host, long polling" : "hosts behind one webhook")}")
        : "LiteDB, 1 host";

    private readonly WebApplicationFactory<BotProgram> _root;
    private readonly WebApplicationFactory<BotProgram> _factory;
    private readonly string _dataFolder;
    private readonly List<(WebApplicationFactory<BotProgram> Root, string Data)> _others = [];
    private string? _database;

    private BenchHost(FakeTelegram telegram, WebApplicationFactory<BotProgram> root, WebApplicationFactory<BotProgram> factory, string dataFolder)
    {
        Telegram = telegram;
        _root = root;
        _factory = factory;
        _dataFolder = dataFolder;
    }

    public FakeTelegram Telegram { get; }
    public BotApiEngine Tg => Telegram.Engine;
    public IServiceProvider Services => _factory.Services;

    /// <summary>An HTTP handler into the host (the printing agents' API).</summary>
    public HttpMessageHandler CreateHandler() => _factory.Server.CreateHandler();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static async Task<BenchHost> StartAsync(CancellationToken ct)
    {
        var telegram = await FakeTelegram.StartAsync();
        var data = Directory.CreateTempSubdirectory("botplatform-bench-").FullName;
        var database = Storage == "postgres" ? await TestPostgres.CreateDatabaseAsync() : null;
        var settings = new Dictionary<string, string>
        {
            ["Telegram:Token"] = telegram.Token,
            ["Telegram:BaseUrl"] = telegram.BaseUrl,
            ["Telegram:PollingTimeoutSeconds"] = "10",
            ["Telegram:RequestTimeoutSeconds"] = "10",
            ["Storage:DataFolder"] = data,
            ["Organisation:File"] = SampleFiles.Organisation(),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Jobs:SchedulerName"] = "bench-" + Guid.NewGuid().ToString("N"),
        };
        if (database is not null)
        {
            settings["Storage:Provider"] = "postgres";
            settings["Storage:ConnectionString"] = database;
        }
        var webhook = database is not null && Replicas > 1;
        if (webhook)
        {
            settings["Telegram:WebhookUrl"] = "https://bot.example.org/telegram/webhook";
            settings["Telegram:WebhookSecret"] = "bench-" + Guid.NewGuid().ToString("N");
        }
        var (root, factory) = Build(settings);
        var host = new BenchHost(telegram, root, factory, data) { _database = database };
        try
        {
            _ = factory.Services; // builds and starts the host
            if (webhook)
            {
                var clients = new List<HttpClient> { factory.CreateClient() };
                for (var i = 1; i < Replicas; i++)
                {
                    var replicaData = Directory.CreateTempSubdirectory("botplatform-bench-").FullName;
                    var (replicaRoot, replica) = Build(new Dictionary<string, string>(settings) { ["Storage:DataFolder"] = replicaData });
                    host._others.Add((replicaRoot, replicaData));
                    _ = replica.Services;
                    clients.Add(replica.CreateClient());
                }
                await telegram.Engine.WaitUntilAsync(() => telegram.Engine.WebhookUrl is not null, StartTimeout, ct);
                telegram.Engine.WebhookReplicas = clients;
            }
            else
            {
                await telegram.Engine.WaitUntilAsync(() => telegram.Engine.IsLongPolling, StartTimeout, ct);
            }
            await SilenceUnknownAdminsAsync(host, ct);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private static (WebApplicationFactory<BotProgram> Root, WebApplicationFactory<BotProgram> Factory) Build(IReadOnlyDictionary<string, string> settings)
    {
        var root = new WebApplicationFactory<BotProgram>();
        var factory = root.WithWebHostBuilder(builder =>
        {
            // The bot's appsettings.json is copied next to the bench, as in a published app. The factory's own
            // guess (MvcTestingAppManifest.json in the working directory) fails under dotnet run.
            builder.UseContentRoot(AppContext.BaseDirectory);
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        });
        return (root, factory);
    }

    /// <summary>
    /// Admins listed by telegram_id (a_belov, 418230577, in the sample file) have no chat in the fake. Their
    /// chats are marked unreachable, as after a 403, so that notices about newcomers are still produced and
    /// stored but then skipped, instead of each failing with 400 "chat not found" and an error log line.
    /// </summary>
    private static async Task SilenceUnknownAdminsAsync(BenchHost host, CancellationToken ct)
    {
        var chats = host.Get<IChatStore>();
        var now = host.Get<TimeProvider>().GetUtcNow();
        foreach (var admin in await host.Get<IPeopleStore>().WithRoleAsync(Role.Admin, ct))
        {
            if (admin.ChatId is not { } chatId) continue;
            await chats.SaveAsync(new ChatRecord
            {
                Id = chatId,
                UnreachableSince = now,
                UnreachableReason = ChatRecord.BlockedByUser,
            }, ct);
        }
    }

    /// <summary>Usernames of staff in the organisation file who have not written to the bot yet: /start links them.</summary>
    public async Task<IReadOnlyList<string>> UnlinkedStaffAsync(CancellationToken ct) =>
        (await Get<IPeopleStore>().ListAsync(ct))
        .Where(p => p.TelegramUserId is null && !string.IsNullOrEmpty(p.Username))
        .Select(p => p.Username ?? "")
        .ToList();

    public async ValueTask DisposeAsync()
    {
        foreach (var (root, _) in _others) await root.DisposeAsync();
        await _root.DisposeAsync(); // stops the host: the factory derived from it goes with it
        await Telegram.DisposeAsync();
        if (_database is not null) await TestPostgres.DropDatabaseAsync(_database);
        foreach (var folder in _others.Select(o => o.Data).Append(_dataFolder))
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by the stopping host; the OS temp cleaner takes it later.
            }
        }
    }
}
