using System.Globalization;

namespace BotPlatform.Bench;

/// <summary>The command line: [inbox|callbacks|drain|all] [--updates N] [--messages N] [--chats N] [--rate N].</summary>
internal sealed record BenchSettings(string Benchmark, int Updates, int Messages, int Chats, int Rate)
{
    public const string Usage =
        "usage: dotnet run -c Release --project bench/BotPlatform.Bench -- [inbox|callbacks|drain|all] [--updates N] [--messages N] [--chats N] [--rate N]\n" +
        "  --updates: inbox updates (2000); --messages, --chats: drain (10000, 2000); --rate: callbacks updates/s (200)";

    private static readonly string[] Benchmarks = ["inbox", "callbacks", "drain", "all"];

    public static BenchSettings Default { get; } = new("all", Updates: 2_000, Messages: 10_000, Chats: 2_000, Rate: 200);

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
            if (arg is not ("--updates" or "--messages" or "--chats" or "--rate")) return (null, $"unknown argument '{arg}'");
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
                _ => settings with { Rate = value },
            };
        }
        return settings.Chats > settings.Messages
            ? (null, "--chats cannot exceed --messages: every chat gets at least one message")
            : (settings, null);
    }
}
