using System.Text.Json.Nodes;

namespace BotPlatform.Testing;

/// <summary>
/// An error answer of the Bot API. Method handlers throw it so that every rejection leaves state
/// untouched and reaches the client as Telegram's {"ok":false,...} body; it never escapes the engine.
/// </summary>
internal sealed class BotApiException(int errorCode, string description, JsonObject? parameters = null, bool injected = false)
    : Exception(description)
{
    public int ErrorCode { get; } = errorCode;

    public string Description { get; } = description;

    public JsonObject? ResponseParameters { get; } = parameters;

    /// <summary>The test caused this answer (InjectFault, BlockBot), not a mistake of the bot.</summary>
    public bool Injected { get; } = injected;

    public static BotApiException BadRequest(string reason) => new(400, "Bad Request: " + reason);

    public static BotApiException Forbidden(string reason) => new(403, "Forbidden: " + reason);

    public static BotApiException Conflict(string reason) => new(409, "Conflict: " + reason);
}
