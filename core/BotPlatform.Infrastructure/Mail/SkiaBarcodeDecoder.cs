using BotPlatform.Core.Mail;
using SkiaSharp;
using ZXing;
using ZXing.Common;
using ZXing.Multi;

namespace BotPlatform.Infrastructure.Mail;

/// <summary>
/// Barcodes off a photo: SkiaSharp decodes the image (JPEG, PNG, WebP...), ZXing finds every code on it (several
/// envelopes in one photo). A large photo is scaled down first: ZXing works on a few megapixels as well and much faster.
/// </summary>
public sealed class SkiaBarcodeDecoder : IBarcodeDecoder
{
    private const int MaxSide = 2400;

    private static readonly DecodingOptions Options = new()
    {
        TryHarder = true,
        PossibleFormats = [BarcodeFormat.CODE_128, BarcodeFormat.CODE_39, BarcodeFormat.QR_CODE, BarcodeFormat.DATA_MATRIX, BarcodeFormat.EAN_13],
    };

    public IReadOnlyList<string> Decode(byte[] image)
    {
        using var decoded = SKBitmap.Decode(image);
        if (decoded is null) return [];
        var scale = Math.Min(1.0, (double)MaxSide / Math.Max(decoded.Width, decoded.Height));
        using var bitmap = scale < 1
            ? decoded.Resize(new SKImageInfo((int)(decoded.Width * scale), (int)(decoded.Height * scale), SKColorType.Bgra8888), SKSamplingOptions.Default)
            : decoded.Copy(SKColorType.Bgra8888);
        if (bitmap is null) return [];
        var source = new RGBLuminanceSource(bitmap.Bytes, bitmap.Width, bitmap.Height, RGBLuminanceSource.BitmapFormat.BGRA32);
        var reader = new GenericMultipleBarcodeReader(new MultiFormatReader { Hints = Options.Hints });
        var results = reader.decodeMultiple(new BinaryBitmap(new HybridBinarizer(source)), Options.Hints) ?? [];
        return results
            .OrderBy(r => r.ResultPoints.Length > 0 ? r.ResultPoints.Min(p => p.Y) : 0)
            .ThenBy(r => r.ResultPoints.Length > 0 ? r.ResultPoints.Min(p => p.X) : 0)
            .Select(r => r.Text.Trim())
            .Where(t => t.Length > 0)
            .Distinct()
            .ToList();
    }
}
