namespace BotPlatform.Bot.Routing;

/// <summary>A /command. <see cref="Command"/> is the name without the slash.</summary>
public interface ICommandHandler
{
    string Command { get; }
    /// <summary>Whether someone who is not an active member may use it (/start, /help, /lang).</summary>
    bool OpenToEveryone => false;
    Task HandleAsync(UpdateContext context, CancellationToken ct);
}

/// <summary>A button press whose callback data starts with <see cref="Prefix"/> and a colon.</summary>
public interface ICallbackHandler
{
    string Prefix { get; }
    Task HandleAsync(UpdateContext context, string[] data, CancellationToken ct);
}

/// <summary>The next step of a persisted multi-step dialog.</summary>
public interface IConversationFlow
{
    string Flow { get; }
    Task HandleAsync(UpdateContext context, BotPlatform.Core.Messaging.Conversation conversation, CancellationToken ct);
}

/// <summary>Anything else with a shape of its own (bot added to a group, group migrated...).</summary>
public interface IServiceUpdateHandler
{
    bool Accepts(global::Telegram.Bot.Types.Update update);
    Task HandleAsync(UpdateContext context, CancellationToken ct);
}

/// <summary>/start with a payload in a group (Telegram's startgroup deep link): the feature that made the link handles it.</summary>
public interface IGroupStartHandler
{
    Task StartInGroupAsync(UpdateContext context, CancellationToken ct);
}

/// <summary>Sees every update before it is routed (the client groups' archive keeps every message, whoever handles it).</summary>
public interface IUpdateRecorder
{
    Task RecordAsync(UpdateContext context, CancellationToken ct);
}
