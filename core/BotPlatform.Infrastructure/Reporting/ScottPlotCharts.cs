using BotPlatform.Core.Analytics.Digest;
using ScottPlot;

namespace BotPlatform.Infrastructure.Reporting;

/// <summary>Bar charts as PNG with ScottPlot 5 (SkiaSharp underneath); labels in DejaVu Sans so Cyrillic renders on any server.</summary>
internal sealed class ScottPlotCharts : IChartRenderer
{
    public byte[] Bars(string title, string valueLabel, IReadOnlyList<(string Label, double Value)> bars)
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        var values = bars.Count == 0 ? [0.0] : bars.Select(b => b.Value).ToArray();
        var barPlot = plot.Add.Bars(values);
        foreach (var bar in barPlot.Bars) bar.Label = bar.Value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
        barPlot.ValueLabelStyle.FontSize = 14;
        var positions = Enumerable.Range(0, values.Length).Select(i => (double)i).ToArray();
        var labels = bars.Count == 0 ? ["—"] : bars.Select(b => b.Label).ToArray();
        plot.Axes.Bottom.SetTicks(positions, labels);
        plot.Axes.Bottom.TickLabelStyle.Rotation = bars.Count > 4 ? 30 : 0;
        plot.Axes.Bottom.TickLabelStyle.Alignment = bars.Count > 4 ? Alignment.MiddleLeft : Alignment.UpperCenter;
        plot.Axes.Bottom.MinimumSize = bars.Count > 4 ? 140 : 40;
        plot.Axes.Margins(bottom: 0);
        plot.Title(title);
        plot.YLabel(valueLabel);
        return plot.GetImageBytes(900, 520, ImageFormat.Png);
    }
}
