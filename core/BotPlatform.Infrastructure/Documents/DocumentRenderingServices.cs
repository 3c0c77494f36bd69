using BotPlatform.Core.Documents;
using BotPlatform.Infrastructure.Documents.Pdf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BotPlatform.Infrastructure.Documents;

public static class DocumentRenderingServices
{
    /// <summary>PDF rendering with PDFsharp and the DejaVu fonts of fonts-dejavu-core.</summary>
    public static IServiceCollection AddDocumentRendering(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        return services.AddSingleton<IDocumentRenderer, PdfDocumentRenderer>()
            .AddSingleton<Core.Billing.IReportPdf, PdfReportRenderer>();
    }
}
