using System.Text.Json.Nodes;

namespace BotPlatform.Testing;

/// <summary>
/// The answer to one call: HTTP status and Telegram's body, {"ok":true,"result":...} or
/// {"ok":false,"error_code":N,"description":"...","parameters":{...}}.
/// </summary>
public sealed record BotApiResponse(int StatusCode, JsonObject Body)
{
    /// <summary>The call timed out (an injected Timeout fault): the HTTP surface drops the connection instead of answering.</summary>
    public bool DropConnection { get; init; }

    public bool IsOk => StatusCode == 200;

    public string? Description => Body["description"]?.GetValue<string>();

    public JsonNode? Result => Body["result"];

    public static BotApiResponse Ok(JsonNode result) => new(200, new JsonObject { ["ok"] = true, ["result"] = result });

    public static BotApiResponse Error(int errorCode, string description, JsonObject? parameters = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = errorCode, ["description"] = description };
        if (parameters is not null)
        {
            body["parameters"] = parameters;
        }

        return new BotApiResponse(errorCode, body);
    }

    internal static BotApiResponse ClientGone() => Error(499, "Client Closed Request") with { DropConnection = true };

    internal static BotApiResponse TimedOut() => Error(504, "Gateway Timeout") with { DropConnection = true };
}
