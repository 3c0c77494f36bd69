using BotPlatform.Core.Printing;
using BotPlatform.Core.Printing.Labels;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace BotPlatform.Infrastructure.Documents.Pdf;

/// <summary>
/// The address label as a PDF page of the label's size, laid out exactly as the ZPL label (<see cref="ZplLabel.Layout"/>):
/// a dot of a 203 dpi printer is 1/8 mm, the text is DejaVu Sans, which has Cyrillic.
/// </summary>
public sealed class PdfLabelRenderer : ILabelPdfRenderer
{
    private const double PointsPerDot = 72.0 / 25.4 / LabelSize.DotsPerMm;

    public byte[] Render(AddressLabel label, LabelSize size)
    {
        DejaVuFontResolver.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = "Address label " + string.Join(", ", label.DocumentCodes);
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(size.WidthMm);
        page.Height = XUnit.FromMillimeter(size.HeightMm);
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
            foreach (var field in ZplLabel.Layout(label, size))
            {
                var font = new XFont(DejaVuFontResolver.Family, field.Height * PointsPerDot * 0.8, XFontStyleEx.Regular, options);
                graphics.DrawString(field.Text, font, XBrushes.Black, new XPoint(field.X * PointsPerDot, field.Y * PointsPerDot), XStringFormats.TopLeft);
            }
        }
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }
}
