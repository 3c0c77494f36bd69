using BotPlatform.Core.Timers;
using BotPlatform.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace BotPlatform.Tests.Support;

/// <summary>
/// The real bot host (Program.cs, all its services) talking to the fake Bot API over HTTP, with a
/// LiteDB file in a temp folder (or, with <see cref="StorageEngine.Postgres"/>, a fresh PostgreSQL database)
/// that survives <see cref="RestartAsync"/> and a FakeTimeProvider as
/// business time. Transport pacing keeps real time.
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _settings;
    private WebApplicationFactory<Program>? _factory;
    private Action<IServiceCollection>? _services;

    private string? _database;
    /// <summary>A replica shares the first host's fake Telegram and database: it neither stops nor drops them.</summary>
    private bool _replica;
    /// <summary>Served by Kestrel on a free 127.0.0.1 port (a real browser can open its pages) instead of the in-memory test server.</summary>
    private bool _kestrel;

    private BotHost(FakeTelegram telegram, TestFolder data, FakeTimeProvider time, Dictionary<string, string?> settings)
    {
        Telegram = telegram;
        Data = data;
        Time = time;
        _settings = settings;
    }

    public FakeTelegram Telegram { get; }
    /// <summary>The fake Bot API's state and control API: users, chats, presses, faults, measurements.</summary>
    public BotApiEngine Tg => Telegram.Engine;
    public TestFolder Data { get; }
    public FakeTimeProvider Time { get; }
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The host is stopped");

    /// <summary>Monday 23 November 2026, 10:00 in Moscow: a working morning.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);

    public static async Task<BotHost> StartAsync(FakeTelegram? telegram = null, DateTimeOffset? now = null,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null,
        StorageEngine storage = StorageEngine.LiteDb, bool kestrel = false, FakeTimeProvider? time = null)
    {
        // One clock for the host and the fake Telegram: messages are dated on the test's timeline, not today's.
        // A test that brings its own fake Telegram passes the clock it made it with.
        time ??= new FakeTimeProvider(now ?? DefaultStart);
        telegram ??= await FakeTelegram.StartAsync(time: time);
        var data = new TestFolder();
        var database = storage == StorageEngine.Postgres ? await TestPostgres.CreateDatabaseAsync() : null;
        var all = new Dictionary<string, string?>
        {
            ["Telegram:Token"] = telegram.Token,
            ["Telegram:BaseUrl"] = telegram.BaseUrl,
            ["Telegram:PollingTimeoutSeconds"] = "5",
            ["Telegram:RequestTimeoutSeconds"] = "3",
            ["Storage:DataFolder"] = data.Path,
            ["Organisation:File"] = TestFiles.Path("TestData/organisation.test.yaml"),
            ["Jobs:SchedulerName"] = "test-" + Guid.NewGuid().ToString("N"),
        };
        if (database is not null)
        {
            all["Storage:Provider"] = "postgres";
            all["Storage:ConnectionString"] = database;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var host = new BotHost(telegram, data, time, all) { _services = services, _database = database, _kestrel = kestrel };
        host.Start();
        return host;
    }

    public void Start(IReadOnlyDictionary<string, string?>? overrides = null) => Start(overrides, waitForSweep: !_replica);

    private void Start(IReadOnlyDictionary<string, string?>? overrides, bool waitForSweep)
    {
        var settings = new Dictionary<string, string?>(_settings);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Time);
                _services?.Invoke(services);
            });
        });
        if (_kestrel)
        {
            _factory.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
            _factory.StartServer();
        }
        _ = _factory.Services; // builds and starts the host
        // A replica in a Quartz cluster need not run the start-up sweep itself: another member may.
        if (!waitForSweep) return;
        // Quartz sweeps once at start; tests that drive timers by hand go after it.
        var sweep = _factory.Services.GetRequiredService<TimerSweep>();
        if (!SpinWait.SpinUntil(() => sweep.Runs > 0, TimeSpan.FromSeconds(15)))
            throw new TimeoutException("Quartz did not run the start-up sweep");
    }

    public async Task StopAsync()
    {
        if (_factory is null) return;
        await _factory.DisposeAsync();
        _factory = null;
    }

    public async Task RestartAsync(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        await StopAsync();
        Start(overrides);
    }

    /// <summary>An HTTP handler into the running host (what the printing agent's HttpClient uses in tests).</summary>
    public HttpMessageHandler CreateHandler() => _factory?.Server.CreateHandler() ?? throw new InvalidOperationException("The host is stopped");

    /// <summary>The host's own address when started with <c>kestrel: true</c> ("http://127.0.0.1:PORT").</summary>
    public string Address => Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses.First() ?? throw new InvalidOperationException("Not on Kestrel");

    public HttpClient CreateClient() => _factory?.CreateClient() ?? throw new InvalidOperationException("The host is stopped");

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>
    /// Another host on the same fake Telegram, business clock and PostgreSQL database (a replica behind
    /// the same webhook), with its own data folder. Its Quartz scheduler has the first host's name, so
    /// on PostgreSQL they form one cluster. Dispose the replicas before the first host.
    /// </summary>
    public BotHost StartReplica(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        if (_database is null) throw new InvalidOperationException("Replicas share a PostgreSQL database: start the first host with StorageEngine.Postgres");
        var data = new TestFolder();
        var settings = new Dictionary<string, string?>(_settings)
        {
            ["Storage:DataFolder"] = data.Path,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;
        var replica = new BotHost(Telegram, data, Time, settings) { _services = _services, _database = _database, _replica = true };
        replica.Start();
        return replica;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_replica)
        {
            Data.Dispose();
            return;
        }
        await Telegram.DisposeAsync();
        if (_database is not null) await TestPostgres.DropDatabaseAsync(_database);
        Data.Dispose();
    }

    /// <summary>The PostgreSQL database of a host started with <see cref="StorageEngine.Postgres"/>.</summary>
    public string? DatabaseConnectionString => _database;
}
