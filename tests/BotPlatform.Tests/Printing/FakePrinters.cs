using System.Net;
using System.Net.Sockets;
using BotPlatform.PrintingAgent;
using BotPlatform.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BotPlatform.Tests.Printing;

/// <summary>A raw TCP (port 9100) printer on 127.0.0.1 that keeps the bytes of every job; it can be switched off and on again.</summary>
public sealed class FakeTcpPrinter : IAsyncDisposable
{
    private readonly List<byte[]> _jobs = [];
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;
    private Task? _accepting;

    public int Port { get; private set; }
    public string Address => $"127.0.0.1:{Port}";
    public int Connections { get; private set; }

    public IReadOnlyList<byte[]> Jobs
    {
        get
        {
            lock (_jobs) return [.. _jobs];
        }
    }

    public static FakeTcpPrinter Start()
    {
        var printer = new FakeTcpPrinter();
        printer.On();
        return printer;
    }

    /// <summary>Listens (again, on the same port once it has one).</summary>
    public void On()
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _stop = new CancellationTokenSource();
        _accepting = AcceptAsync(_listener, _stop.Token);
    }

    /// <summary>Switched off: connections are refused.</summary>
    public async Task OffAsync()
    {
        if (_listener is null) return;
        await _stop!.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting!;
        }
        catch (OperationCanceledException)
        {
        }
        _listener = null;
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(ct);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            Connections++;
            _ = Task.Run(async () =>
            {
                using (client)
                {
                    var buffer = new MemoryStream();
                    await client.GetStream().CopyToAsync(buffer, CancellationToken.None);
                    if (buffer.Length == 0) return;
                    lock (_jobs) _jobs.Add(buffer.ToArray());
                }
            }, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync() => await OffAsync();
}

/// <summary>
/// A fake `lp` put first on the test process's PATH (the agent finds it as the real one): it records its arguments and
/// the file it was given in a folder per queue (-d QUEUE). A queue with a "hold" file waits until it is removed, so a
/// test can stop the agent while lp runs.
/// </summary>
public static class FakeLp
{
    private static readonly Lazy<string> Root = new(Install);

    public static string Folder(string queue) => Directory.CreateDirectory(Path.Combine(Root.Value, "queues", queue)).FullName;

    public static void Hold(string queue) => File.WriteAllText(Path.Combine(Folder(queue), "hold"), "");
    public static void Release(string queue) => File.Delete(Path.Combine(Folder(queue), "hold"));
    public static bool Started(string queue) => File.Exists(Path.Combine(Folder(queue), "started"));

    /// <summary>Each job lp took: its arguments and the bytes of the file.</summary>
    public static IReadOnlyList<(string[] Args, byte[] File)> Jobs(string queue) => Directory.GetFiles(Folder(queue), "*.args").Order()
        .Select(a => (File.ReadAllLines(a), File.ReadAllBytes(Path.ChangeExtension(a, ".file"))))
        .ToList();

    private static string Install()
    {
        var bin = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "botplatform-fake-lp-" + Environment.ProcessId)).FullName;
        var script = Path.Combine(bin, "lp");
        File.WriteAllText(script, """
            #!/bin/sh
            # fake lp: records its arguments and the printed file under queues/QUEUE
            root="$(dirname "$0")"
            queue=""; prev=""
            for a in "$@"; do [ "$prev" = "-d" ] && queue="$a"; prev="$a"; last="$a"; done
            dir="$root/queues/$queue"; mkdir -p "$dir"
            touch "$dir/started"
            while [ -f "$dir/hold" ]; do sleep 0.05; done
            n="$(date +%s%N)"
            cp "$last" "$dir/$n.file"
            printf '%s\n' "$@" > "$dir/$n.tmp" && mv "$dir/$n.tmp" "$dir/$n.args"
            echo "request id is $queue-$n (1 file(s))"
            """.Replace("\r", ""));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Environment.SetEnvironmentVariable("PATH", bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"));
        return bin;
    }
}

/// <summary>The printing agent (its real services) running in the test process against the host's /agent/v1 API.</summary>
public sealed class RunningAgent : IAsyncDisposable
{
    private readonly IHost _host;

    private RunningAgent(IHost host) => _host = host;

    public AgentWorker Worker => _host.Services.GetRequiredService<AgentWorker>();

    public static async Task<RunningAgent> StartAsync(BotHost server, string token, IReadOnlyDictionary<string, string?> printers,
        Func<DelegatingHandler>? network = null, ScanConsole? console = null, string? journal = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var settings = new Dictionary<string, string?>
        {
            ["Agent:ServerUrl"] = "http://localhost",
            ["Agent:Token"] = token,
            ["Agent:WaitSeconds"] = "1",
            ["Agent:BackoffSeconds"] = "0.5",
            ["Agent:MaxBackoffSeconds"] = "2",
            ["Agent:HeartbeatSeconds"] = "1",
            ["Agent:PrinterTimeoutSeconds"] = "5",
            ["Agent:JournalPath"] = journal ?? Path.Combine(server.Data.Path, $"agent-{Guid.NewGuid():N}.journal"),
        };
        foreach (var (key, value) in printers) settings["Agent:" + key] = value;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddPrintingAgent();
        var client = builder.Services.AddHttpClient<AgentApiClient>().ConfigurePrimaryHttpMessageHandler(server.CreateHandler);
        if (network is not null) client.AddHttpMessageHandler(network);
        if (console is not null) builder.Services.AddSingleton(console);
        var host = builder.Build();
        await host.StartAsync();
        return new RunningAgent(host);
    }

    /// <summary>Stops the agent as a kill would: whatever it was doing is abandoned, nothing more is said to the server.</summary>
    public async Task StopAsync()
    {
        using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _host.StopAsync(quick.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }
}
