using BotPlatform.Core.Documents;
using BotPlatform.Infrastructure.Documents.Pdf;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Documents;

public sealed class DocumentRenderingServicesTests
{
    [Fact]
    public async Task The_bot_host_renders_documents_with_the_pdf_renderer()
    {
        await using var host = await BotHost.StartAsync();

        var renderer = host.Get<IDocumentRenderer>();
        var pdf = renderer.Render(new RenderRequest(
            SampleBodies.Organisation, "Счёт на оплату", "С-2026-0001", "BP-2026-000001", SampleBodies.Invoice(lines: 3)));

        Assert.IsType<PdfDocumentRenderer>(renderer);
        Assert.Contains("№ С-2026-0001", PdfTools.ExtractFlatText(pdf));
        Assert.Contains("этап 3", PdfTools.ExtractFlatText(pdf));
    }
}
