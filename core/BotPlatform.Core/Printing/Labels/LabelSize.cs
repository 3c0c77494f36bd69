namespace BotPlatform.Core.Printing.Labels;

/// <summary>A label's size in millimetres and in the dots of a 203 dpi thermal printer (8 dots per millimetre).</summary>
public sealed record LabelSize(int WidthMm, int HeightMm)
{
    public const int DotsPerMm = 8;
    public static readonly LabelSize Small = new(58, 40);
    public static readonly LabelSize Large = new(100, 150);

    public int WidthDots => WidthMm * DotsPerMm;
    public int HeightDots => HeightMm * DotsPerMm;

    /// <summary>"58x40" or "100x150"; anything else is the small label.</summary>
    public static LabelSize Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "100x150" => Large,
        _ => Small,
    };
}
