using System.Text.Json;
using System.Text.Json.Nodes;

namespace BotPlatform.Testing;

/// <summary>
/// One Bot API call as it arrived, before validation: every parameter as JSON (form and query
/// values become JSON strings, exactly as Telegram treats them) plus the uploaded file parts.
/// </summary>
public sealed class BotApiRequest
{
    public BotApiRequest(IReadOnlyDictionary<string, JsonNode?> parameters, IReadOnlyDictionary<string, UploadedFile>? files = null)
    {
        Parameters = parameters;
        Files = files ?? new Dictionary<string, UploadedFile>();
    }

    public static BotApiRequest Empty { get; } = new(new Dictionary<string, JsonNode?>());

    public IReadOnlyDictionary<string, JsonNode?> Parameters { get; }

    /// <summary>Uploaded parts by form field name (the name attach://name refers to).</summary>
    public IReadOnlyDictionary<string, UploadedFile> Files { get; }

    public static BotApiRequest FromJson(string json)
    {
        var parsed = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("A Bot API request body must be a JSON object");
        return new BotApiRequest(parsed.ToDictionary(p => p.Key, p => p.Value?.DeepClone()));
    }
}

public sealed record UploadedFile(string FileName, string? ContentType, byte[] Content);
