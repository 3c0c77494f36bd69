using BotPlatform.Core.Localization;

namespace BotPlatform.Bot.Routing;

/// <summary>
/// The shape /project and /deal share: private chat only; without arguments a list (or the usage), "new" starts the
/// dialog, anything else names one record by its number.
/// </summary>
public abstract class NewOrNumberCommand : ICommandHandler
{
    public abstract string Command { get; }

    /// <summary>The answer in a group: the command works in the private chat only.</summary>
    protected abstract Text PrivateOnly { get; }

    /// <summary>The command alone: a list of one's records, or how to use it.</summary>
    protected abstract Task BareAsync(UpdateContext context, CancellationToken ct);

    protected abstract Task StartNewAsync(UpdateContext context, CancellationToken ct);

    /// <summary>The arguments name a record (its number first; some commands take a word after it).</summary>
    protected abstract Task OpenAsync(UpdateContext context, string[] args, CancellationToken ct);

    public Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (!context.IsPrivateChat)
        {
            context.Reply(PrivateOnly);
            return Task.CompletedTask;
        }
        return context.Args switch
        {
            [] => BareAsync(context, ct),
            [var word] when word.Equals("new", StringComparison.OrdinalIgnoreCase) => StartNewAsync(context, ct),
            var args => OpenAsync(context, args, ct),
        };
    }
}
