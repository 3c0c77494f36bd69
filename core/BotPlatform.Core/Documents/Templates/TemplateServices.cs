using BotPlatform.Core.Documents.Templates.Liquid;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Core.Documents.Templates;

public static class TemplateServices
{
    public static IServiceCollection AddDocumentTemplates(this IServiceCollection services) => services
        .AddSingleton<TemplateFiller>()
        .AddSingleton<TemplateLibrary>()
        .AddSingleton<ITemplateLibrary>(sp => sp.GetRequiredService<TemplateLibrary>());
}
