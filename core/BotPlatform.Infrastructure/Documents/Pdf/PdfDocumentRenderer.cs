using BotPlatform.Core.Documents;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace BotPlatform.Infrastructure.Documents.Pdf;

/// <summary>
/// Renders documents with PDFsharp: measure the body into boxes, stack them on pages, then draw each page
/// with its header and a footer that knows the page count. Nothing is shared between renders except the
/// process-wide font resolver, so renders may run in parallel; the same request gives the same layout.
/// </summary>
public sealed class PdfDocumentRenderer(TimeProvider time) : IDocumentRenderer
{
    public byte[] Render(RenderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        DejaVuFontResolver.EnsureInstalled();

        var fonts = new FontBook();
        var frame = new PageFrame(request, fonts, new TextLayout(fonts));
        var boxes = new BodyLayout(fonts).Layout(request.Body, PageGeometry.ContentWidth, frame.BodyHeight);
        var pages = Paginator.Paginate(boxes, frame.BodyHeight);

        using var document = new PdfDocument();
        document.Info.Title = $"{request.Title} {request.Number}";
        document.Info.Author = request.Organisation;
        var now = time.GetUtcNow().UtcDateTime;
        document.Info.CreationDate = now;
        document.Info.ModificationDate = now;
        for (var i = 0; i < pages.Count; i++)
        {
            var page = document.AddPage();
            page.Size = PageSize.A4;
            using var graphics = XGraphics.FromPdfPage(page);
            frame.Draw(graphics, i + 1, pages.Count);
            foreach (var placed in pages[i])
            {
                placed.Box.Draw(graphics, fonts, PageGeometry.MarginLeft, frame.BodyTop + placed.Top);
            }
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }
}
