using BotPlatform.Bot.Approvals;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Mail;

namespace BotPlatform.Bot.Mail;

/// <summary>/unreturned: originals sent and not back yet, by age and client (a manager sees their own).</summary>
public sealed class UnreturnedCommand(UnreturnedOriginals unreturned) : ICommandHandler
{
    public string Command => "unreturned";

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (!context.InPrivateChat() || context.Person is not { } me) return;
        context.Reply(unreturned.Render(await unreturned.ListAsync(me, ct), context.Lang));
    }
}
