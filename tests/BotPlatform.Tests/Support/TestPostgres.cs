using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BotPlatform.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BotPlatform.Tests.Support;

/// <summary>
/// The PostgreSQL cluster of a test run. With the environment variable BOTPLATFORM_TEST_POSTGRES (a
/// connection string to a server the tests may create databases on) that server is used; otherwise
/// the first test that needs one starts a throwaway cluster with Debian's binaries
/// (/usr/lib/postgresql/*/bin: initdb, pg_ctl) on a free loopback port in a temp folder, as the
/// postgres user when running as root (initdb refuses root), and stops it when the test process ends.
/// No binaries: the test fails with what to install; it is never skipped.
/// </summary>
public static class TestPostgres
{
    public const string EnvironmentVariable = "BOTPLATFORM_TEST_POSTGRES";
    private static readonly Lazy<string> Cluster = new(StartCluster, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A fresh, empty database on the cluster; its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var admin = Cluster.Value;
        var name = "bp_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Cluster.Value);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string StartCluster()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given) return given;

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (bin is null)
            throw new InvalidOperationException(
                "The PostgreSQL tests need PostgreSQL: run `apt-get install postgresql` (Debian's binaries in /usr/lib/postgresql/*/bin) " +
                $"or set {EnvironmentVariable} to the connection string of a server where the tests may create databases.");

        var root = Environment.UserName == "root";
        CleanUpAfterEarlierRuns(bin, root);
        var folder = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        File.WriteAllText(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString());
        if (root) Run("chown", "-R", "postgres:postgres", folder);
        var data = Path.Combine(folder, "data");
        var port = FreePort();
        Run(root, Path.Combine(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
        // No fsync: a test cluster is thrown away; sockets only in its own folder, TCP only on loopback.
        Run(root, Path.Combine(bin, "pg_ctl"), "-D", data, "-l", Path.Combine(folder, "log"), "-w", "-o",
            $"-F -p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=300", "start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Run(root, Path.Combine(bin, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop");
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // The next run's CleanUpAfterEarlierRuns removes what is left.
            }
        };
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50";
    }

    private const string FolderPrefix = "botplatform-pg-";
    private const string OwnerFile = "owner.pid";

    /// <summary>
    /// A test process that was killed leaves its cluster running, and the test host may end before the
    /// exit handler has removed the folder: the next run stops the clusters whose test process is gone
    /// and removes their folders. Only this fixture's own folders (with its owner file) are touched.
    /// </summary>
    private static void CleanUpAfterEarlierRuns(string bin, bool root)
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            try
            {
                var owner = Path.Combine(folder, OwnerFile);
                if (!File.Exists(owner) || !int.TryParse(File.ReadAllText(owner), out var pid) || IsAlive(pid)) continue;
                var data = Path.Combine(folder, "data");
                if (File.Exists(Path.Combine(data, "postmaster.pid")))
                    Run(root, Path.Combine(bin, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop");
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // Another run is cleaning the same folder; it will be gone.
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(bool asPostgres, string file, params string[] args) =>
        Run(asPostgres ? "runuser" : file, asPostgres ? ["-u", "postgres", "--", file, .. args] : args);

    private static void Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {error}{output.Result}");
    }
}

public enum StorageEngine
{
    LiteDb,
    Postgres,
}

/// <summary>
/// The stores of one test on one engine: a temp LiteDB file, or a fresh PostgreSQL database dropped
/// at the end. Store tests are written once against <see cref="Services"/> and run on both engines.
/// </summary>
public sealed class TestStorage : IAsyncDisposable
{
    private readonly TestFolder _folder = new();
    private string? _database;

    private TestStorage(StorageEngine engine) => Engine = engine;

    private readonly List<ServiceProvider> _replicas = [];
    private Action<IServiceCollection>? _services;

    public StorageEngine Engine { get; }
    public ServiceProvider Services { get; private set; } = null!;

    /// <summary>
    /// The stores of a second host on the same PostgreSQL database (its own singletons and connections, the same
    /// extra services), for tests of two replicas at once. On LiteDB one file has one host: the same stores.
    /// </summary>
    public ServiceProvider Replica()
    {
        if (Engine == StorageEngine.LiteDb) return Services;
        var replica = Build(Settings, _services);
        _replicas.Add(replica);
        return replica;
    }

    /// <summary>The settings that point a host at this storage.</summary>
    public IReadOnlyDictionary<string, string?> Settings => Engine == StorageEngine.Postgres
        ? new Dictionary<string, string?> { ["Storage:Provider"] = "postgres", ["Storage:ConnectionString"] = _database, ["Storage:DataFolder"] = _folder.Path }
        : new Dictionary<string, string?> { ["Storage:Provider"] = "litedb", ["Storage:DataFolder"] = _folder.Path };

    public string? ConnectionString => _database;

    /// <param name="services">Whatever else the test needs beside the stores (use cases, a clock).</param>
    public static async Task<TestStorage> CreateAsync(StorageEngine engine, Action<IServiceCollection>? services = null)
    {
        var storage = new TestStorage(engine);
        if (engine == StorageEngine.Postgres) storage._database = await TestPostgres.CreateDatabaseAsync();
        storage._services = services;
        storage.Services = Build(storage.Settings, services);
        return storage;
    }

    private static ServiceProvider Build(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddStorage();
        services?.Invoke(collection);
        return collection.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in _replicas) await replica.DisposeAsync();
        await Services.DisposeAsync();
        if (_database is not null) await TestPostgres.DropDatabaseAsync(_database);
        _folder.Dispose();
    }
}
