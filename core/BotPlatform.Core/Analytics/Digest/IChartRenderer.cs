namespace BotPlatform.Core.Analytics.Digest;

/// <summary>Charts for digests, as PNG images.</summary>
public interface IChartRenderer
{
    byte[] Bars(string title, string valueLabel, IReadOnlyList<(string Label, double Value)> bars);
}
