using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BotPlatform.Tests.Support;

/// <summary>The sandbox page's API as its script calls it: the state, and a persona's actions.</summary>
public sealed class SandboxClient(string address) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(40) };

    public HttpClient Http => _http;

    public async Task<JsonNode> StateAsync(string persona, long? chat = null, string? since = null)
    {
        var query = $"/sandbox/api/state?persona={persona}" + (chat is { } c ? $"&chat={c}" : "") + (since is { } s ? $"&since={s}" : "");
        return JsonNode.Parse(await _http.GetStringAsync(query)) ?? throw new InvalidOperationException("empty state");
    }

    /// <summary>Long-polls the persona's chat until a message matches; returns that message.</summary>
    public async Task<JsonNode> WaitForMessageAsync(string persona, Func<JsonNode, bool> match, long? chat = null)
    {
        string? tag = null;
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            var body = await StateAsync(persona, chat, tag);
            tag = body["tag"]?.GetValue<string>();
            if (Messages(body).FirstOrDefault(m => match(m)) is { } found) return found;
        }

        throw new TimeoutException($"No matching message for {persona}:\n{(await StateAsync(persona, chat))["state"]?["chat"]}");
    }

    public static IEnumerable<JsonNode> Messages(JsonNode body) =>
        body["state"]?["chat"]?["messages"]?.AsArray().OfType<JsonNode>() ?? [];

    /// <summary>The message's text as the visitor reads it: its HTML without the tags.</summary>
    public static string Text(JsonNode message) =>
        System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(message["html"]?.GetValue<string>() ?? "", "<[^>]+>", ""));

    public Task<HttpResponseMessage> SendAsync(string persona, long chat, string text, int? replyTo = null) =>
        _http.PostAsJsonAsync("/sandbox/api/send", new { persona, chat, text, replyTo });

    public Task<HttpResponseMessage> PressAsync(string persona, long chat, int message, string data) =>
        _http.PostAsJsonAsync("/sandbox/api/press", new { persona, chat, message, data });

    public Task<HttpResponseMessage> ClockAsync(object body) => _http.PostAsJsonAsync("/sandbox/api/clock", body);

    public Task<HttpResponseMessage> UploadAsync(string persona, long chat, string fileName, byte[] content, string mime, string kind = "document")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(persona), "persona" },
            { new StringContent(chat.ToString(System.Globalization.CultureInfo.InvariantCulture)), "chat" },
            { new StringContent(kind), "kind" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mime);
        form.Add(file, "file", fileName);
        return _http.PostAsync("/sandbox/api/upload", form);
    }

    public void Dispose() => _http.Dispose();
}
