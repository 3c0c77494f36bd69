using BotPlatform.Core.Documents.Clients;
using BotPlatform.Core.Documents.Deals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BotPlatform.Core.Documents;

public static class DocumentsServices
{
    /// <summary>Clients, deals and their cards. <see cref="IDealDocuments"/> is a default the documents registry replaces.</summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.TryAddSingleton<IDealDocuments, NoDealDocuments>();
        return services
            .AddSingleton<ClientRegistry>()
            .AddSingleton<ClientOverviews>()
            .AddSingleton<DealDesk>();
    }
}
