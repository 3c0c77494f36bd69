using BotPlatform.Bot.Routing;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.People;

/// <summary>/cancel leaves whatever dialog is in progress.</summary>
public sealed class CancelCommand(IConversationStore conversations) : ICommandHandler
{
    public string Command => "cancel";
    public bool OpenToEveryone => true;

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        var left = context.From is { } who && await conversations.DeleteAsync(context.ChatId, who.UserId, ct);
        context.Reply(left ? PeopleTexts.Cancelled : PeopleTexts.NothingToCancel);
    }
}
