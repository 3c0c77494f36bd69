using System.Diagnostics;
using BotPlatform.Core.Approvals;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Support;
using Npgsql;

namespace BotPlatform.Tests.Hosting;

/// <summary>The backup and restore commands of docs/operations.md, run for real.</summary>
public sealed class BackupTests
{
    private const string Submit = "✅ Отправить";
    private const string Approve = "✅ Согласовать";

    [Fact]
    public async Task A_pg_dump_restored_with_pg_restore_into_a_fresh_database_carries_the_host_on_with_its_data()
    {
        await using var host = await BotHost.StartAsync(storage: StorageEngine.Postgres);
        var p = await ApprovalPeople.JoinAsync(host);
        var filed = await host.FillsPaymentAsync(p.Olga);
        await host.PressesAsync(p.Olga, filed, Submit);
        await host.Tg.WaitUntilAsync(() => host.Tg.BotMessages(p.Igor.PrivateChat).Any(m => m.Button(Approve) is not null));
        await host.IdleAsync();
        var igorCard = host.CardWith(p.Igor, Approve);
        var dump = Path.Combine(host.Data.Path, "botplatform.dump");

        // While the host runs: pg_dump takes a consistent snapshot.
        Run("pg_dump", "--format=custom", "--file=" + dump, "--dbname=" + Uri(host.DatabaseConnectionString!));
        await host.StopAsync();
        var restored = await TestPostgres.CreateDatabaseAsync();
        try
        {
            Run("pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + Uri(restored), dump);
            host.Start(new Dictionary<string, string?> { ["Storage:ConnectionString"] = restored });

            var answer = await host.PressesAsync(p.Igor, igorCard, Approve);
            await host.IdleAsync();
            var second = await host.FillsPaymentAsync(p.Olga, amount: "48 000,00");
            await host.PressesAsync(p.Olga, second, Submit);
            await host.Tg.WaitUntilAsync(() => host.Latest(second).Contains("ЗО-2026-0002", StringComparison.Ordinal));

            Assert.Equal("Согласовано: ЗО-2026-0001", answer.Text);
            Assert.Single((await host.RequestAsync("ЗО-2026-0001")).History, e => e.Action == ApprovalActions.Approved);
            Assert.Equal(RequestStatus.InProgress, (await host.RequestAsync("ЗО-2026-0002")).Status);
            await using var connection = new NpgsqlConnection(restored);
            await connection.OpenAsync();
            await using var audit = new NpgsqlCommand("DELETE FROM audit", connection);
            // The restored audit log is still append-only: its triggers came with the dump.
            await Assert.ThrowsAsync<PostgresException>(() => audit.ExecuteNonQueryAsync());
        }
        finally
        {
            await host.StopAsync();
            await TestPostgres.DropDatabaseAsync(restored);
        }
    }

    /// <summary>A libpq URI for the client tools (the test cluster trusts loopback connections).</summary>
    private static string Uri(string connectionString)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgresql://{c.Username}@{c.Host}:{c.Port}/{c.Database}";
    }

    private static void Run(string tool, params string[] args)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin", tool)).Where(File.Exists).Order().LastOrDefault()
            ?? throw new InvalidOperationException($"{tool} is missing: apt-get install postgresql");
        var start = new ProcessStartInfo(bin) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {error}{output.Result}");
    }
}
