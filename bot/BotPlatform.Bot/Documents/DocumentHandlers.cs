using BotPlatform.Bot.Routing;

namespace BotPlatform.Bot.Documents;

public static class DocumentHandlers
{
    public static IServiceCollection AddDocumentHandlers(this IServiceCollection services) => services
        .AddHostedService<TemplateSeeding>()
        .AddScoped<ICommandHandler, TemplateCommand>()
        .AddScoped<IConversationFlow, TemplateUploadFlow>();
}
