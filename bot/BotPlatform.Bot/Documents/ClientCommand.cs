using BotPlatform.Bot.Routing;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Clients;
using BotPlatform.Core.Messaging;

namespace BotPlatform.Bot.Documents;

/// <summary>
/// /client new (the dialog), /client import (then the file), /client TAX-ID or part of the name (the
/// card; several matches are offered as buttons "cl:show:{id}"). Private chat only: requisites are not
/// for a group's eyes.
/// </summary>
public sealed class ClientCommand(ClientDialog dialog, ClientImport import, ClientRegistry registry, ClientOverviews overviews) : NewOrNumberCommand
{
    public const int MaxMatches = 8;

    public override string Command => "client";

    protected override Core.Localization.Text PrivateOnly => ClientDialogTexts.PrivateOnly;

    protected override Task BareAsync(UpdateContext context, CancellationToken ct)
    {
        context.Reply(ClientDialogTexts.Usage);
        return Task.CompletedTask;
    }

    protected override Task StartNewAsync(UpdateContext context, CancellationToken ct) => dialog.StartAsync(context, ct);

    protected override async Task OpenAsync(UpdateContext context, string[] args, CancellationToken ct)
    {
        if (args is [var word] && word.Equals("import", StringComparison.OrdinalIgnoreCase))
        {
            await import.StartAsync(context, ct);
            return;
        }
        var text = string.Join(' ', args);
        switch (await registry.FindAsync(text, MaxMatches, ct))
        {
            case []:
                context.ReplyProblem(new(ClientProblems.NotFound, text));
                break;
            case [var client]:
                context.Reply(ClientOverviewCard.Render(await overviews.LoadAsync(client, ct), context.Lang));
                break;
            case var several:
                context.Reply(ClientDialogTexts.Found.In(context.Lang),
                    several.Select(c => new[] { new InlineButton(ClientViews.Caption(c), $"{ClientCardCallback.Prefix}:show:{c.Id}") }));
                break;
        }
    }
}

/// <summary>"cl:show:{id}": a client picked from the matches of /client TEXT.</summary>
public sealed class ClientCardCallback(ClientRegistry registry, ClientOverviews overviews) : ICallbackHandler
{
    public const string Prefix = "cl";

    string ICallbackHandler.Prefix => Prefix;

    public async Task HandleAsync(UpdateContext context, string[] data, CancellationToken ct)
    {
        if (data is not [_, "show", var idText] || !long.TryParse(idText, out var id) || context.Person is not { IsActive: true }
            || await registry.GetAsync(id, ct) is not { } client)
        {
            await context.AnswerCallbackAsync(RoutingTexts.StaleButton.In(context.Lang), ct: ct);
            return;
        }
        await context.AnswerCallbackAsync(ct: ct);
        context.Reply(ClientOverviewCard.Render(await overviews.LoadAsync(client, ct), context.Lang));
    }
}

public sealed class ClientFlow(ClientDialog dialog) : IConversationFlow
{
    public string Flow => ClientForm.Flow;

    public Task HandleAsync(UpdateContext context, Conversation conversation, CancellationToken ct) => dialog.AnswerAsync(context, conversation, ct);
}

public sealed class ClientDialogCallback(ClientDialog dialog) : ICallbackHandler
{
    public string Prefix => ClientForm.Prefix;

    public Task HandleAsync(UpdateContext context, string[] data, CancellationToken ct) => dialog.PressAsync(context, data, ct);
}
