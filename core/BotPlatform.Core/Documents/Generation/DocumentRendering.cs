using System.Text;
using System.Text.RegularExpressions;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Documents.Templates;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;

namespace BotPlatform.Core.Documents.Generation;

/// <summary>Fills a template, renders the PDF with the document's header and barcode, and stores the file.</summary>
public sealed partial class DocumentRendering(ITemplateLibrary templates, IDocumentRenderer renderer, IFileStore files, Organisation organisation)
{
    public Client Seller => organisation.Documents.Seller ?? DocumentsDefinition.Default.Seller!;

    /// <summary>Who signs for the seller's accounts; the default seller's when the organisation file has no seller.</summary>
    public SellerAccountant? Accountant => organisation.Documents.Seller is null ? DocumentsDefinition.Default.Accountant : organisation.Documents.Accountant;

    public Result<FilledTemplate> Fill(string markup, TemplateModel model) => templates.Fill(markup, model);

    public async Task<DocumentBodyPdf> RenderAsync(Document document, DocumentBody body, CancellationToken ct)
    {
        var pdf = renderer.Render(new RenderRequest(Seller.LegalName, document.Title, document.Number, document.Code, body));
        using var stream = new MemoryStream(pdf, writable: false);
        var key = await files.SaveAsync(FileName(document), stream, ct);
        return new DocumentBodyPdf(key, CountPages(pdf));
    }

    /// <summary>"Д-2026-0001.pdf"; a slash of an appendix number becomes a dash.</summary>
    public static string FileName(Document document) =>
        string.Concat(document.Number.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c == '/' ? '-' : c)) + ".pdf";

    /// <summary>Page objects in the PDF ("/Type /Page", not "/Pages").</summary>
    public static int CountPages(byte[] pdf) => PageObject().Count(Encoding.Latin1.GetString(pdf));

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();
}
