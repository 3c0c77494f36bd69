using BotPlatform.Core.Approvals;
using BotPlatform.Core.Documents.Generation;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Printing;
using BotPlatform.Core.Documents.Deals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BotPlatform.Core.Documents;

public static class DocumentRegistryServices
{
    /// <summary>Generation, the registry's workflow and the print queue; the template library and the renderer come from Infrastructure.</summary>
    public static IServiceCollection AddDocumentRegistry(this IServiceCollection services) => services
        .Replace(ServiceDescriptor.Singleton<IDealDocuments, RegistryDealDocuments>())
        .AddSingleton<DocumentRendering>()
        .AddSingleton<RecentDocuments>()
        .AddSingleton<GenerateDocuments>()
        .AddSingleton<DocumentRelease>()
        .AddSingleton<DocumentWorkflow>()
        .AddSingleton<EnvelopeLists>()
        .AddSingleton<DocumentCards>()
        .AddSingleton<DealHistory>()
        .AddSingleton<Review.DocumentReviews>()
        .AddOptions<Review.ReviewOptions>().Services
        .AddSingleton<PrintQueue>()
        .AddSingleton<Printing.Agents.PrintAgents>()
        .AddSingleton<IApprovalOutcomeObserver, DocumentApprovalObserver>();
}
