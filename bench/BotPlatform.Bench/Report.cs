using System.Globalization;
using System.Runtime.InteropServices;

namespace BotPlatform.Bench;

/// <summary>Plain figures, each with a one-line explanation; invariant number format so runs compare.</summary>
internal sealed class Report(TextWriter output)
{
    public void Header(BenchSettings settings)
    {
        output.WriteLine(Invariant(
            $"BotPlatform bench '{settings.Benchmark}': {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}"));
        output.WriteLine("The fake Bot API runs in this process on 127.0.0.1 and shares the CPU with the bot.");
        output.WriteLine("Storage of the inbox, callbacks and drain hosts: " + BenchHost.Topology + ".");
        output.WriteLine(Invariant($"Each host's LiteDB file goes to a fresh folder under {Path.GetTempPath()} (set TMPDIR to move it)."));
    }

    public void Section(string title, string setup)
    {
        output.WriteLine();
        output.WriteLine(title);
        output.WriteLine("  " + setup);
    }

    public void Figure(string name, string value, string explanation) =>
        output.WriteLine($"  {name,-24} {value,14}   {explanation}");

    public void Note(string text) => output.WriteLine("  note: " + text);

    public void Progress(string text)
    {
        output.WriteLine("  ... " + text);
        output.Flush();
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static string Seconds(TimeSpan time) => Invariant($"{time.TotalSeconds:0.00} s");

    public static string Duration(TimeSpan time) => time < TimeSpan.FromSeconds(1) ? Millis(time) : Seconds(time);

    public static string Millis(TimeSpan time) => Invariant($"{time.TotalMilliseconds:0.0} ms");

    public static string Count(double value, string unit) => Invariant($"{value:#,0} {unit}");
}

internal static class Stats
{
    /// <summary>Nearest-rank percentile (p in 0..1) of an ascending list.</summary>
    public static TimeSpan Percentile(IReadOnlyList<TimeSpan> sorted, double p) =>
        sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>The most timestamps within any window of this length (as the fake's MaxInWindow counts).</summary>
    public static int MaxInWindow(IReadOnlyList<TimeSpan> times, TimeSpan window)
    {
        var sorted = times.Order().ToArray();
        var best = 0;
        var first = 0;
        for (var last = 0; last < sorted.Length; last++)
        {
            while (sorted[last] - sorted[first] >= window) first++;
            best = Math.Max(best, last - first + 1);
        }
        return best;
    }
}
