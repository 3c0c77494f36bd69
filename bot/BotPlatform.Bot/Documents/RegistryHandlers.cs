using BotPlatform.Bot.Routing;
using BotPlatform.Core.Messaging;

namespace BotPlatform.Bot.Documents;

/// <summary>The edited file a manager sends back after /doc NUMBER edit.</summary>
public sealed class DocEditFlow(DocumentEditing editing) : IConversationFlow
{
    public string Flow => DocumentEditing.Flow;

    public Task HandleAsync(UpdateContext context, Conversation conversation, CancellationToken ct) => editing.ReceiveAsync(context, conversation, ct);
}

/// <summary>The documents registry's commands, buttons and dialogs.</summary>
public static class RegistryHandlers
{
    public static IServiceCollection AddDocumentRegistryHandlers(this IServiceCollection services) => services
        .AddScoped<DocumentEditing>()
        .AddScoped<ICommandHandler, GenerateCommand>()
        .AddScoped<ICommandHandler, DocCommand>()
        .AddScoped<ICommandHandler, DocsCommand>()
        .AddScoped<ICallbackHandler, DocumentPickCallback>()
        .AddScoped<ICommandHandler, EnvelopeCommand>()
        .AddScoped<ICallbackHandler, DocCallback>()
        .AddScoped<IConversationFlow, DocEditFlow>();
}
