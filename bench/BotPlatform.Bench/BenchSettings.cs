using System.Globalization;

namespace BotPlatform.Bench;

/// <summary>The command line: [inbox|callbacks|drain|sweep|render|retention|agents|all] [--updates N] [--messages N] [--chats N] [--rate N] [--requests N] [--renders N].</summary>
internal sealed record BenchSettings(string Benchmark, int Updates, int Messages, int Chats, int Rate, int Requests, int Renders, int CrashUpdates = 1_500, int Kills = 8, string Storage = "litedb", int Replicas = 1, int Entries = 5_000)
{
    public const string Usage =
        "usage: dotnet run -c Release --project bench/BotPlatform.Bench -- [inbox|callbacks|drain|sweep|render|retention|agents|crash|stats|projects|pnl|billing|all] [--updates N] [--messages N] [--chats N] [--rate N] [--requests N] [--renders N] [--crash-updates N] [--kills N] [--storage litedb|postgres] [--replicas N] [--entries N]\n" +
        "  --updates: inbox updates (2000); --messages, --chats: drain (10000, 2000), --messages also the projects archive; --rate: callbacks updates/s (200);\n" +
        "  --requests: sweep's large store of open requests (100000; 1000 is always measured too); --renders: renders per document (200);\n" +
        "  --crash-updates, --kills: crash's burst of updates and SIGKILLs (1500, 8); --entries: time entries in the billing report (5000);\n" +
        "  --storage, --replicas: the hosts of inbox, callbacks and drain: litedb (1 host) or postgres on a throwaway cluster with N hosts behind one webhook (litedb, 1)";

    private static readonly string[] Benchmarks = ["inbox", "callbacks", "drain", "sweep", "render", "retention", "crash", "agents", "stats", "projects", "pnl", "billing", "all"];

    public static BenchSettings Default { get; } = new("all", Updates: 2_000, Messages: 10_000, Chats: 2_000, Rate: 200, Requests: 100_000, Renders: 200);

    public bool Runs(string benchmark) => Benchmark == "all" || Benchmark == benchmark;

    /// <summary>The settings, or null with the reason when the command line is wrong.</summary>
    public static (BenchSettings? Settings, string? Error) Parse(IReadOnlyList<string> args)
    {
        var settings = Default;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (Benchmarks.Contains(arg))
            {
                settings = settings with { Benchmark = arg };
                continue;
            }
            if (arg is "--storage")
            {
                if (i + 1 >= args.Count || args[i + 1] is not ("litedb" or "postgres")) return (null, "--storage needs litedb or postgres");
                settings = settings with { Storage = args[++i] };
                continue;
            }
            if (arg is not ("--replicas" or "--updates" or "--messages" or "--chats" or "--rate" or "--requests" or "--renders" or "--crash-updates" or "--kills" or "--entries")) return (null, $"unknown argument '{arg}'");
            if (i + 1 >= args.Count
                || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                || value < 1)
                return (null, $"{arg} needs a positive whole number");
            i++;
            settings = arg switch
            {
                "--updates" => settings with { Updates = value },
                "--messages" => settings with { Messages = value },
                "--chats" => settings with { Chats = value },
                "--rate" => settings with { Rate = value },
                "--renders" => settings with { Renders = value },
                "--crash-updates" => settings with { CrashUpdates = value },
                "--kills" => settings with { Kills = value },
                "--replicas" => settings with { Replicas = value },
                "--entries" => settings with { Entries = value },
                _ => settings with { Requests = value },
            };
        }
        if (settings.Replicas > 1 && settings.Storage != "postgres") return (null, "--replicas above 1 needs --storage postgres: one LiteDB file has one host");
        if (settings.Chats > settings.Messages) return (null, "--chats cannot exceed --messages: every chat gets at least one message");
        return settings.Requests < SweepBench.Small
            ? (null, $"--requests cannot be below {SweepBench.Small}: the sweep compares it with {SweepBench.Small} open requests")
            : (settings, null);
    }
}
