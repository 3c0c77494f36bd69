using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.Enums;

namespace BotPlatform.Bot.Routing;

/// <summary>One switch on the update's shape: a command, a dialog step, a button, or a service update.</summary>
public sealed class UpdateRouter(
    IEnumerable<ICommandHandler> commands,
    IEnumerable<ICallbackHandler> callbacks,
    IEnumerable<IConversationFlow> flows,
    IEnumerable<IServiceUpdateHandler> serviceHandlers,
    IConversationStore conversations,
    IEnumerable<IUpdateRecorder> recorders)
{
    private readonly Dictionary<string, ICommandHandler> _commands = commands.ToDictionary(c => c.Command, StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ICallbackHandler> _callbacks = callbacks.ToDictionary(c => c.Prefix);
    private readonly Dictionary<string, IConversationFlow> _flows = flows.ToDictionary(f => f.Flow);
    private readonly IServiceUpdateHandler[] _serviceHandlers = serviceHandlers.ToArray();

    public static (string? Command, string Arguments) ParseCommand(string text)
    {
        if (!text.StartsWith('/')) return (null, text);
        var space = text.IndexOfAny([' ', '\n']);
        var head = space < 0 ? text[1..] : text[1..space];
        var at = head.IndexOf('@');
        if (at >= 0) head = head[..at];
        return (head, space < 0 ? "" : text[(space + 1)..].Trim());
    }

    public async Task RouteAsync(UpdateContext context, CancellationToken ct)
    {
        foreach (var recorder in recorders) await recorder.RecordAsync(context, ct);
        if (_serviceHandlers.FirstOrDefault(h => h.Accepts(context.Update)) is { } service)
        {
            await service.HandleAsync(context, ct);
            return;
        }
        if (context.Person is { IsDeactivated: true })
        {
            // A leaver: nothing they press or write does anything; they are told why, in their private chat.
            if (context.Update.CallbackQuery is not null) await context.AnswerCallbackAsync(PeopleTexts.AccessClosed.In(context.Lang), alert: true, ct: ct);
            else if (context.IsPrivateChat && context.Update.Message is not null) context.Reply(PeopleTexts.AccessClosed);
            return;
        }
        switch (context.Update)
        {
            case { CallbackQuery: { Data: { } data } }:
                await RouteCallbackAsync(context, data, ct);
                break;
            case { Message: { } message } when message.Type is not MessageType.Unknown:
                await RouteMessageAsync(context, message, ct);
                break;
        }
    }

    private async Task RouteMessageAsync(UpdateContext context, Message message, CancellationToken ct)
    {
        var (command, _) = ParseCommand(context.Text);
        if (command is not null)
        {
            if (!_commands.TryGetValue(command, out var handler))
            {
                if (context.IsPrivateChat) context.Reply(RoutingTexts.UnknownCommand);
                return;
            }
            if (!handler.OpenToEveryone && !EnsureMember(context)) return;
            await handler.HandleAsync(context, ct);
            return;
        }
        if (message.From is { Id: var userId }
            && await conversations.GetAsync(context.ChatId, userId, ct) is { } conversation
            && _flows.TryGetValue(conversation.Flow, out var flow))
        {
            if (!EnsureMember(context)) return;
            await flow.HandleAsync(context, conversation, ct);
            return;
        }
        if (context.IsPrivateChat) context.Reply(RoutingTexts.NotUnderstood);
    }

    private async Task RouteCallbackAsync(UpdateContext context, string data, CancellationToken ct)
    {
        var parts = data.Split(':');
        if (!_callbacks.TryGetValue(parts[0], out var handler))
        {
            await context.AnswerCallbackAsync(RoutingTexts.StaleButton.In(context.Lang), ct: ct);
            return;
        }
        await handler.HandleAsync(context, parts, ct);
    }

    private static bool EnsureMember(UpdateContext context)
    {
        switch (context.Person)
        {
            case null:
                context.Reply(PeopleTexts.NotRegistered);
                return false;
            case { IsActive: false }:
                context.Reply(PeopleTexts.StillPending);
                return false;
            default:
                return true;
        }
    }
}
