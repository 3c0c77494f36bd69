using PdfSharp.Drawing;
using ZXing.OneD;

namespace BotPlatform.Infrastructure.Documents.Pdf;

/// <summary>
/// A Code128 barcode drawn as filled rectangles, one per run of dark modules: vector, so it stays sharp at
/// any printer resolution. ZXing computes the module pattern (code sets, checksum).
/// </summary>
internal sealed class Code128Barcode
{
    private const double QuietZoneModules = 10;
    private const double PreferredModule = 1.0;
    private const double MinimumModule = 0.6;

    private readonly IReadOnlyList<(int Start, int Length)> bars;
    private readonly int modules;

    public Code128Barcode(string code, double maxWidth)
    {
        if (code.Length == 0 || code.Any(c => c is < ' ' or > '~'))
        {
            throw new ArgumentException($"A document's barcode code must be printable ASCII, not '{code}'.", nameof(code));
        }

        var pattern = new Code128Writer().encode(code);
        modules = pattern.Length;
        bars = Bars(pattern);
        Module = Math.Max(MinimumModule, Math.Min(PreferredModule, maxWidth / modules));
    }

    public double Module { get; }

    public double Width => modules * Module;

    /// <summary>The blank a scanner needs on either side of the bars.</summary>
    public double QuietZone => QuietZoneModules * Module;

    public void Draw(XGraphics graphics, double left, double top, double height)
    {
        foreach (var (start, length) in bars)
        {
            graphics.DrawRectangle(XBrushes.Black, left + start * Module, top, length * Module, height);
        }
    }

    private static List<(int Start, int Length)> Bars(bool[] pattern)
    {
        var bars = new List<(int, int)>();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (!pattern[i])
            {
                continue;
            }

            var start = i;
            while (i + 1 < pattern.Length && pattern[i + 1])
            {
                i++;
            }

            bars.Add((start, i - start + 1));
        }

        return bars;
    }
}
