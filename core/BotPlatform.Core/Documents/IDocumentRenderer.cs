namespace BotPlatform.Core.Documents;

/// <summary>
/// What goes on every page besides the body: the organisation and document title in the header with
/// the number and a Code128 barcode of <paramref name="BarcodeCode"/>, and "page X of Y" in the
/// footer (<paramref name="PageFooter"/> is a format with {0} = page and {1} = pages).
/// </summary>
public sealed record RenderRequest(
    string Organisation,
    string Title,
    string Number,
    string BarcodeCode,
    DocumentBody Body,
    string PageFooter = "Страница {0} из {1}");

/// <summary>Lays a document out on A4 pages and returns the PDF's bytes.</summary>
public interface IDocumentRenderer
{
    byte[] Render(RenderRequest request);
}
