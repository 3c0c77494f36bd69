using BotPlatform.Bot.Routing;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Clients;
using BotPlatform.Core.Documents.Deals;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.Documents;

/// <summary>/deal new (the dialog) and /deal NUMBER (the card with its lines, totals and documents). Private chat only.</summary>
public sealed class DealCommand(DealDialog dialog, DealDesk desk, IPeopleStore people, IDealDocuments documents) : NewOrNumberCommand
{
    public override string Command => "deal";

    protected override Core.Localization.Text PrivateOnly => ClientDialogTexts.PrivateOnly;

    protected override Task BareAsync(UpdateContext context, CancellationToken ct)
    {
        context.Reply(DealDialogTexts.Usage);
        return Task.CompletedTask;
    }

    protected override Task StartNewAsync(UpdateContext context, CancellationToken ct) => dialog.StartAsync(context, ct);

    protected override async Task OpenAsync(UpdateContext context, string[] args, CancellationToken ct)
    {
        var number = string.Join(' ', args);
        if (await desk.FindAsync(number, ct) is not { } deal)
        {
            context.ReplyProblem(new(DealProblems.NotFound, number));
            return;
        }
        var client = await desk.ClientAsync(deal.ClientId, ct);
        var manager = await people.GetAsync(deal.ManagerId, ct);
        var lines = await documents.ForDealAsync(deal.Id, ct);
        context.Reply(DealCard.Render(deal, client, manager?.Name ?? "—", lines, context.Lang));
    }
}

public sealed class DealFlow(DealDialog dialog) : IConversationFlow
{
    public string Flow => DealDialog.Flow;

    public Task HandleAsync(UpdateContext context, Conversation conversation, CancellationToken ct) => dialog.AnswerAsync(context, conversation, ct);
}

public sealed class DealDialogCallback(DealDialog dialog) : ICallbackHandler
{
    public string Prefix => DealDialog.Prefix;

    public Task HandleAsync(UpdateContext context, string[] data, CancellationToken ct) => dialog.PressAsync(context, data, ct);
}

public static class DocumentsHandlers
{
    public static IServiceCollection AddDocumentsHandlers(this IServiceCollection services) => services
        .AddScoped<ClientDialog>()
        .AddScoped<ClientImport>()
        .AddScoped<DealDialog>()
        .AddScoped<ICommandHandler, ClientCommand>()
        .AddScoped<IConversationFlow, ClientFlow>()
        .AddScoped<IConversationFlow>(s => s.GetRequiredService<ClientImport>())
        .AddScoped<ICallbackHandler, ClientDialogCallback>()
        .AddScoped<ICallbackHandler, ClientCardCallback>()
        .AddScoped<ICommandHandler, DealCommand>()
        .AddScoped<IConversationFlow, DealFlow>()
        .AddScoped<ICallbackHandler, DealDialogCallback>();
}
