using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BotPlatform.Tests.Briefs;

/// <summary>
/// A fake Google: the OAuth token endpoint a service account's JWT is exchanged at (the assertion's
/// signature is checked against the key the test made) and the Forms API calls the brief uses, with the
/// API's JSON shapes: forms.create (only info may be set), forms.get, forms.batchUpdate (createItem,
/// updateFormInfo), forms.setPublishSettings and forms.responses.list (paged). <see cref="Down"/> answers
/// 503 to everything, as an outage would.
/// </summary>
public sealed class FakeGoogleForms : IAsyncDisposable
{
    public const string ClientEmail = "briefs@agency-test.iam.gserviceaccount.com";
    private readonly WebApplication _app;
    private readonly RSA _key = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, byte> _tokens = new();
    private readonly ConcurrentDictionary<string, FakeForm> _forms = new();
    private int _next;

    private FakeGoogleForms(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";
    public volatile bool Down;
    public int PageSize { get; set; } = 1;
    public IReadOnlyCollection<FakeForm> Forms => _forms.Values.ToList();
    /// <summary>Calls answered 503 while <see cref="Down"/>.</summary>
    public int Refused;
    public int ResponseReads;

    public static async Task<FakeGoogleForms> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeGoogleForms(app);
        app.MapPost("/token", (Func<HttpContext, Task<IResult>>)fake.TokenAsync);
        app.Map("/v1/forms/{**rest}", (Func<HttpContext, string, Task<IResult>>)fake.FormsAsync);
        app.MapPost("/v1/forms", (Func<HttpContext, Task<IResult>>)fake.CreateAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return fake;
    }

    /// <summary>A service account key file pointing at this server's token endpoint (what an admin downloads from Google Cloud).</summary>
    public string WriteCredentials(string folder)
    {
        var json = new JsonObject
        {
            ["type"] = "service_account",
            ["project_id"] = "agency-test",
            ["private_key_id"] = "k1",
            ["private_key"] = _key.ExportPkcs8PrivateKeyPem(),
            ["client_email"] = ClientEmail,
            ["client_id"] = "1",
            ["token_uri"] = BaseUrl + "/token",
        };
        var path = Path.Combine(folder, "google-service-account.json");
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    /// <summary>A respondent submits the form: answers by question title.</summary>
    public void Submit(FakeForm form, DateTimeOffset at, IReadOnlyDictionary<string, string> answersByTitle)
    {
        var answers = new JsonObject();
        foreach (var (title, value) in answersByTitle)
        {
            var item = form.Items.Single(i => i["title"]!.GetValue<string>() == title);
            var questionId = item["questionItem"]!["question"]!["questionId"]!.GetValue<string>();
            answers[questionId] = new JsonObject
            {
                ["questionId"] = questionId,
                ["textAnswers"] = new JsonObject { ["answers"] = new JsonArray(new JsonObject { ["value"] = value }) },
            };
        }
        var stamp = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        lock (form.Responses)
        {
            form.Responses.Add(new JsonObject
            {
                ["responseId"] = "ACYDBN" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture),
                ["createTime"] = stamp,
                ["lastSubmittedTime"] = stamp,
                ["answers"] = answers,
            });
        }
    }

    private async Task<IResult> TokenAsync(HttpContext http)
    {
        if (Down) return Refuse();
        var form = await http.Request.ReadFormAsync();
        if (form["grant_type"] != "urn:ietf:params:oauth:grant-type:jwt-bearer" || form["assertion"].ToString().Split('.') is not [var head, var body, var signature])
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        var valid = _key.VerifyData(Encoding.ASCII.GetBytes(head + "." + body), Base64Url(signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var claims = JsonNode.Parse(Base64Url(body))!;
        if (!valid || claims["iss"]?.GetValue<string>() != ClientEmail || claims["scope"]?.GetValue<string>()?.Contains("forms.body", StringComparison.Ordinal) != true)
            return Results.Json(new { error = "invalid_grant", error_description = "Invalid JWT Signature." }, statusCode: 400);
        var token = "ya29.fake-" + Guid.NewGuid().ToString("N");
        _tokens[token] = 0;
        return Results.Json(new { access_token = token, expires_in = 3599, token_type = "Bearer" });
    }

    private async Task<IResult> CreateAsync(HttpContext http)
    {
        if (Refusal(http) is { } refused) return refused;
        var body = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
        if (body.Any(p => p.Key != "info") || body["info"]?["title"] is null)
            return Error(400, "Only info.title can be set when creating a form. To add items and change settings, use batchUpdate.");
        var id = "1FAIpQL" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture) + "fake";
        var form = new FakeForm(id, body["info"]!.DeepClone().AsObject());
        _forms[id] = form;
        return Results.Json(form.ToJson(), statusCode: 200);
    }

    private async Task<IResult> FormsAsync(HttpContext http, string rest)
    {
        if (Refusal(http) is { } refused) return refused;
        var (id, action) = rest.Split(':', 2) is [var a, var b] ? (a, b) : (rest, "");
        var responses = id.EndsWith("/responses", StringComparison.Ordinal);
        if (responses) id = id[..^"/responses".Length];
        if (!_forms.TryGetValue(id, out var form)) return Error(404, "Requested entity was not found.");
        switch (http.Request.Method, action, responses)
        {
            case ("GET", "", false):
                return Results.Json(form.ToJson());
            case ("GET", "", true):
                Interlocked.Increment(ref ResponseReads);
                List<JsonNode> all;
                lock (form.Responses) all = [.. form.Responses.Select(r => r.DeepClone())];
                var start = int.TryParse(http.Request.Query["pageToken"], out var token) ? token : 0;
                var page = new JsonObject { ["responses"] = new JsonArray([.. all.Skip(start).Take(PageSize)]) };
                if (start + PageSize < all.Count) page["nextPageToken"] = (start + PageSize).ToString(CultureInfo.InvariantCulture);
                return Results.Json(all.Count == 0 ? new JsonObject() : page);
            case ("POST", "batchUpdate", false):
                return BatchUpdate(form, (await JsonNode.ParseAsync(http.Request.Body))!);
            case ("POST", "setPublishSettings", false):
                var settings = (await JsonNode.ParseAsync(http.Request.Body))!;
                var state = settings["publishSettings"]?["publishState"];
                if (state?["isPublished"] is null || state["isAcceptingResponses"] is null) return Error(400, "publishState is required.");
                form.Published = state["isPublished"]!.GetValue<bool>();
                form.Accepting = state["isAcceptingResponses"]!.GetValue<bool>();
                return Results.Json(new JsonObject { ["formId"] = form.Id, ["publishSettings"] = form.PublishSettings() });
            default:
                return Error(404, "Method not found.");
        }
    }

    private IResult BatchUpdate(FakeForm form, JsonNode body)
    {
        var replies = new JsonArray();
        foreach (var request in body["requests"]!.AsArray())
        {
            if (request!["createItem"] is { } create)
            {
                var index = create["location"]?["index"]?.GetValue<int>() ?? -1;
                if (index < 0 || index > form.Items.Count) return Error(400, $"Invalid requests[{replies.Count}].createItem: index {index} must be within the form.");
                var item = create["item"]!.DeepClone().AsObject();
                var itemId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
                item["itemId"] = itemId;
                var question = item["questionItem"]?["question"]?.AsObject();
                var questionId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
                if (question is not null) question["questionId"] = questionId;
                form.Items.Insert(index, item);
                var reply = new JsonObject { ["itemId"] = itemId };
                if (question is not null) reply["questionId"] = new JsonArray(questionId);
                replies.Add(new JsonObject { ["createItem"] = reply });
            }
            else if (request["updateFormInfo"] is { } update)
            {
                foreach (var field in update["updateMask"]!.GetValue<string>().Split(','))
                    form.Info[field] = update["info"]?[field]?.DeepClone();
                replies.Add(new JsonObject());
            }
            else
            {
                return Error(400, "Unsupported request in this fake.");
            }
        }
        form.Revision++;
        return Results.Json(new JsonObject { ["replies"] = replies, ["writeControl"] = new JsonObject { ["requiredRevisionId"] = form.Revision.ToString(CultureInfo.InvariantCulture) } });
    }

    private IResult? Refusal(HttpContext http)
    {
        if (Down) return Refuse();
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) && _tokens.ContainsKey(header["Bearer ".Length..])
            ? null
            : Error(401, "Request had invalid authentication credentials.");
    }

    private IResult Refuse()
    {
        Interlocked.Increment(ref Refused);
        return Error(503, "The service is currently unavailable.");
    }

    private static IResult Error(int code, string message) =>
        Results.Json(new { error = new { code, message, status = code switch { 400 => "INVALID_ARGUMENT", 401 => "UNAUTHENTICATED", 404 => "NOT_FOUND", _ => "UNAVAILABLE" } } }, statusCode: code);

    private static byte[] Base64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + (4 - padded.Length % 4) % 4, '='));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Dispose();
    }
}

public sealed class FakeForm(string id, JsonObject info)
{
    public string Id { get; } = id;
    public JsonObject Info { get; } = info;
    public List<JsonObject> Items { get; } = [];
    public List<JsonNode> Responses { get; } = [];
    public bool Published { get; set; }
    public bool Accepting { get; set; }
    public int Revision { get; set; } = 1;
    public string ResponderUri => $"https://docs.google.com/forms/d/e/{Id}/viewform";
    public IReadOnlyList<string> Titles => [.. Items.Select(i => i["title"]!.GetValue<string>())];

    public JsonObject PublishSettings() => new()
    {
        ["publishState"] = new JsonObject { ["isPublished"] = Published, ["isAcceptingResponses"] = Accepting },
    };

    public JsonObject ToJson() => new()
    {
        ["formId"] = Id,
        ["info"] = Info.DeepClone(),
        ["settings"] = new JsonObject(),
        ["revisionId"] = Revision.ToString(CultureInfo.InvariantCulture),
        ["responderUri"] = ResponderUri,
        ["items"] = new JsonArray([.. Items.Select(i => i.DeepClone())]),
        ["publishSettings"] = PublishSettings(),
    };
}
