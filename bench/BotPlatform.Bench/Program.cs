namespace BotPlatform.Bench;

/// <summary>
/// Benchmarks of the real bot host against the fake Bot API: inbox throughput, callback latency under
/// load, outbox drain time against Telegram's limits; the approvals reminder sweep on a large store; and
/// PDF rendering of a contract and a long invoice.
/// Prints figures; never asserts.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var (settings, error) = BenchSettings.Parse(args);
        if (settings is null)
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(BenchSettings.Usage);
            return 2;
        }

        BenchHost.Storage = settings.Storage;
        BenchHost.Replicas = settings.Replicas;
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        var report = new Report(Console.Out);
        report.Header(settings);
        try
        {
            if (settings.Runs("inbox")) await InboxBench.RunAsync(settings.Updates, report, cancel.Token);
            if (settings.Runs("callbacks")) await CallbackBench.RunAsync(settings.Rate, report, cancel.Token);
            if (settings.Runs("drain")) await DrainBench.RunAsync(settings.Messages, settings.Chats, report, cancel.Token);
            if (settings.Runs("sweep")) await SweepBench.RunAsync(settings.Requests, report, cancel.Token);
            if (settings.Runs("render")) await RenderBench.RunAsync(settings.Renders, report, cancel.Token);
            if (settings.Runs("stats")) await StatsBench.RunAsync(settings.Requests, report, cancel.Token);
            if (settings.Runs("retention")) await RetentionBench.RunAsync(report, cancel.Token);
            if (settings.Runs("crash")) await CrashBench.RunAsync(settings.CrashUpdates, settings.Kills, report, cancel.Token);
            if (settings.Runs("agents")) await AgentsBench.RunAsync(report, cancel.Token);
            if (settings.Runs("projects")) await ProjectsBench.RunAsync(settings.Messages, report, cancel.Token);
            if (settings.Runs("pnl")) await PnlBench.RunAsync(report, cancel.Token);
            if (settings.Runs("billing")) await BillingReportBench.RunAsync(settings.Entries, report, cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Console.Error.WriteLine("cancelled");
            return 130;
        }
        return 0;
    }
}
