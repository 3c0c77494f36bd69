using System.Diagnostics;
using System.Text;
using BotPlatform.Testing;
// FakeUser and BotApiEngine: the emulator's control API.

namespace BotPlatform.Bench;

/// <summary>
/// 7. Crashes: the bot host as a separate process (<c>dotnet BotPlatform.Bot.dll</c>, as deployed) long-polls
/// the fake Bot API served over HTTP from this process, while a burst of updates arrives; the host is killed
/// with SIGKILL several times and restarted on the same data folder. Every update is a /whoami from its own
/// user, answered with exactly one message, so each user's chat tells what became of their update: no
/// answer (lost), one (exactly once), two (a reply in flight at the kill, sent again after the restart).
/// </summary>
internal static class CrashBench
{
    private static readonly TimeSpan QuietFor = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(10);

    public static async Task RunAsync(int updates, int kills, Report report, CancellationToken ct)
    {
        report.Section("7. crash: SIGKILL during a burst, restart on the same data",
            Report.Invariant($"{updates:#,0} updates (one /whoami from each of {updates:#,0} users, 50 a second), the host process killed {kills} times, ") +
            "each 0.2-2 s after that run of the host sent its first reply, and restarted at once; then left to finish.");
        await using var telegram = await FakeTelegram.StartAsync();
        var tg = telegram.Engine;
        var data = Directory.CreateTempSubdirectory("botplatform-bench-").FullName;
        var users = Enumerable.Range(0, updates).Select(i => tg.CreateUser(Report.Invariant($"Crash {i}"), Report.Invariant($"bench_crash_{i}"))).ToList();
        var random = new Random(7);
        var clock = Stopwatch.StartNew();
        var host = HostProcess.Start(telegram, data);
        try
        {
            var burst = Task.Run(async () =>
            {
                foreach (var user in users)
                {
                    tg.SendText(user, "/whoami");
                    await Task.Delay(20, ct);
                }
            }, ct);
            for (var kill = 0; kill < kills; kill++)
            {
                // Mid-work: once this run of the host has sent a reply, 0.2-2 s later.
                var before = Answered(tg, users);
                var started = Stopwatch.StartNew();
                while (Answered(tg, users) == before && started.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(50, ct);
                await Task.Delay(TimeSpan.FromSeconds(0.2 + random.NextDouble() * 1.8), ct);
                report.Progress(Report.Invariant($"SIGKILL {kill + 1} at {clock.Elapsed.TotalSeconds:0.0} s"));
                await host.KillAsync();
                host = HostProcess.Start(telegram, data);
            }
            await burst;

            // Done when Telegram has nothing left to hand out and the bot has said nothing new for a while.
            var last = -1;
            var quiet = Stopwatch.StartNew();
            while (quiet.Elapsed < QuietFor && clock.Elapsed < GiveUpAfter)
            {
                var answered = Answered(tg, users);
                if (answered != last || tg.PendingUpdateCount > 0)
                {
                    last = answered;
                    quiet.Restart();
                }
                await Task.Delay(200, ct);
            }
        }
        finally
        {
            await host.KillAsync();
        }

        var counts = users.Select(u => tg.BotMessages(u.PrivateChat).Count).ToList();
        report.Figure("updates", Report.Count(updates, ""), Report.Invariant($"sent in {updates / 50.0:0} s; {kills} kills; {Report.Seconds(clock.Elapsed)} until all was quiet"));
        report.Figure("no effect", Report.Count(counts.Count(c => c == 0), ""), "updates never answered (lost)");
        report.Figure("one", Report.Count(counts.Count(c => c == 1), ""), "answered exactly once");
        report.Figure("two", Report.Count(counts.Count(c => c == 2), ""), "answered twice: the reply was in flight to Telegram at a kill");
        if (counts.Any(c => c > 2)) report.Figure("more", Report.Count(counts.Count(c => c > 2), ""), "answered three times or more");
        if (clock.Elapsed >= GiveUpAfter) report.Note("gave up waiting for the host to finish: " + Report.Seconds(GiveUpAfter));
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int Answered(BotApiEngine tg, List<FakeUser> users) => users.Sum(u => tg.BotMessages(u.PrivateChat).Count);

    /// <summary><c>dotnet BotPlatform.Bot.dll</c> from the bench's folder, its console kept in memory.</summary>
    private sealed class HostProcess
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        private HostProcess(Process process) => _process = process;

        public static HostProcess Start(FakeTelegram telegram, string data)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
                WorkingDirectory = Path.GetTempPath(),
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "BotPlatform.Bot.dll"));
            foreach (var key in start.Environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
                start.Environment.Remove(key);
            start.Environment["Telegram__Token"] = telegram.Token;
            start.Environment["Telegram__BaseUrl"] = telegram.BaseUrl;
            start.Environment["Telegram__PollingTimeoutSeconds"] = "5";
            start.Environment["Telegram__RequestTimeoutSeconds"] = "10";
            start.Environment["Sandbox__Enabled"] = "false";
            start.Environment["Storage__DataFolder"] = data;
            start.Environment["Organisation__File"] = SampleFiles.Organisation();
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
            var process = new Process { StartInfo = start };
            var host = new HostProcess(process);
            process.OutputDataReceived += (_, e) => host.Append(e.Data);
            process.ErrorDataReceived += (_, e) => host.Append(e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return host;
        }

        private void Append(string? line)
        {
            if (line is null) return;
            lock (_output) _output.AppendLine(line);
        }

        /// <summary>SIGKILL: no shutdown, no flush, nothing the host can react to.</summary>
        public async Task KillAsync()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: false);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }
}
