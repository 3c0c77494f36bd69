using BotPlatform.Core.Documents.Clients;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Infrastructure.Documents;

public static class DocumentFileServices
{
    /// <summary>Reading client lists from CSV and YAML files (/client import).</summary>
    public static IServiceCollection AddClientFiles(this IServiceCollection services) =>
        services.AddSingleton<IClientFileReader, ClientFileReader>();
}
