using SkiaSharp;
using ZXing;
using ZXing.Common;

namespace BotPlatform.Tests.Mail;

/// <summary>Photos for the scanning tests: Code128 barcodes drawn on a white sheet (as the documents print them), or a blur.</summary>
public static class BarcodePhotos
{
    public static byte[] Of(params string[] codes)
    {
        const int width = 900, band = 260;
        using var bitmap = new SKBitmap(width, band * codes.Length + 40);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        using var black = new SKPaint { Color = SKColors.Black };
        var writer = new BarcodeWriterGeneric { Format = BarcodeFormat.CODE_128, Options = new EncodingOptions { Height = 160, Width = 600, Margin = 10 } };
        for (var i = 0; i < codes.Length; i++)
        {
            var matrix = writer.Encode(codes[i]);
            var left = 60 + i * 40;
            var top = 40 + i * band;
            for (var y = 0; y < matrix.Height; y++)
            for (var x = 0; x < matrix.Width; x++)
                if (matrix[x, y]) canvas.DrawRect(left + x, top + y, 1, 1, black);
        }
        return Jpeg(bitmap);
    }

    /// <summary>A grey smudge with no barcode on it.</summary>
    public static byte[] Blurred()
    {
        using var bitmap = new SKBitmap(640, 480);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.LightGray);
        using var paint = new SKPaint { Color = SKColors.DimGray, ImageFilter = SKImageFilter.CreateBlur(25, 25) };
        canvas.DrawRect(120, 160, 400, 120, paint);
        return Jpeg(bitmap);
    }

    private static byte[] Jpeg(SKBitmap bitmap)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}
