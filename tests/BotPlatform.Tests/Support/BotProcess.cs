using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace BotPlatform.Tests.Support;

/// <summary>
/// The bot host started as a person starts it, in its own process: the built program
/// (<c>dotnet BotPlatform.Bot.dll</c>) or the README's run command. Its console is captured;
/// disposing kills what is still running (the whole tree: <c>dotnet run</c> starts the app as a child).
/// </summary>
public sealed partial class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();

    private BotProcess(ProcessStartInfo start, IReadOnlyDictionary<string, string> environment)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        // Settings of the machine running the tests must not leak into the host: only the test's own count.
        foreach (var key in start.Environment.Keys.Where(IsHostSetting).ToList()) start.Environment.Remove(key);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Everything the host printed so far, stdout and stderr interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_gate) return _output.ToString();
        }
    }

    /// <summary><c>dotnet BotPlatform.Bot.dll</c> (from the test's output folder) started in that working directory (by default the output folder), with these environment variables.</summary>
    public static BotProcess StartBuilt(IReadOnlyDictionary<string, string> environment, string? workingDirectory = null) =>
        new(new ProcessStartInfo("dotnet", TestFiles.Path("BotPlatform.Bot.dll")) { WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory }, environment);

    /// <summary>The printing agent as an office starts it, <c>dotnet BotPlatform.PrintingAgent.dll</c> from its own build output (same configuration as the tests), with these environment variables.</summary>
    public static BotProcess StartPrintingAgent(IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Debug";
        var dll = System.IO.Path.Combine(TestFiles.RepoRoot(), "printing-agent", "BotPlatform.PrintingAgent", "bin", configuration, "net10.0", "BotPlatform.PrintingAgent.dll");
        var start = new ProcessStartInfo("dotnet", dll) { WorkingDirectory = workingDirectory };
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Agent__", StringComparison.Ordinal)).ToList()) start.Environment.Remove(key);
        return new BotProcess(start, environment);
    }

    /// <summary><c>dotnet BotPlatform.Bot.dll ARGUMENTS</c> (a command such as <c>migrate ...</c>) with these environment variables.</summary>
    public static BotProcess RunBuilt(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(TestFiles.Path("BotPlatform.Bot.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return new BotProcess(start, environment);
    }

    /// <summary>The operating system's id of the host's process (what <c>kill -9</c> takes).</summary>
    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>kill -9: the process ends at once, with no chance to finish or release anything.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: false);

    /// <summary>The README's run command, <c>dotnet run --project bot/BotPlatform.Bot</c>, from the repository root, on the build the tests use.</summary>
    public static BotProcess StartRunCommand(IReadOnlyDictionary<string, string> environment)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Debug";
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = TestFiles.RepoRoot() };
        foreach (var arg in new[] { "run", "--project", "bot/BotPlatform.Bot", "--no-build", "-c", configuration }) start.ArgumentList.Add(arg);
        // dotnet test runs us under MSBuild: its variables would point dotnet run at the test build's state.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        return new BotProcess(start, environment);
    }

    /// <summary>Waits for a line of the console matching the pattern; returns its first group (or the whole match).</summary>
    public async Task<string> WaitForAsync(Regex pattern, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (pattern.Match(Output) is { Success: true } match) return match.Groups.Count > 1 ? match.Groups[1].Value : match.Value;
            if (_process.HasExited)
                throw new InvalidOperationException($"The host exited with {_process.ExitCode} before printing {pattern}:\n{Output}");
            if (waited.Elapsed > timeout) throw new TimeoutException($"The host did not print {pattern} within {timeout.TotalSeconds} s:\n{Output}");
            await Task.Delay(50);
        }
    }

    /// <summary>The sandbox page's address from the start-up line "Песочница: http://..." (or "Sandbox: ...").</summary>
    public Task<string> SandboxAddressAsync() => WaitForAsync(SandboxLine(), TimeSpan.FromSeconds(90));

    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(cancel.Token);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_gate) _output.AppendLine(line);
    }

    private static bool IsHostSetting(string key) =>
        key.StartsWith("Telegram__", StringComparison.Ordinal)
        || key.StartsWith("Sandbox__", StringComparison.Ordinal)
        || key.StartsWith("Storage__", StringComparison.Ordinal)
        || key is "ASPNETCORE_URLS" or "ASPNETCORE_HTTP_PORTS" or "DOTNET_URLS";

    [GeneratedRegex(@"^(?:Песочница|Sandbox): (http://\S+)", RegexOptions.Multiline)]
    private static partial Regex SandboxLine();
}

/// <summary>
/// Tests that start the host as a process run one after another: each process and browser is a whole
/// host's worth of CPU, and the timing-sensitive tests running beside them need their share.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HostProcesses
{
    public const string Name = "Host processes";
}
