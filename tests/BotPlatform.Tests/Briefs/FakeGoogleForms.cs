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
/// API's JSON shapes: forms.get and forms.responses.list (paged, with the <c>timestamp &gt;=</c> / <c>&gt;</c>
/// filter). Forms are made by the agency in Google Forms (<see cref="AddForm"/>); question ids are hex, as
/// Google's are, and a respondent opening a prefilled link (<see cref="SubmitThrough"/>) finds the answer of
/// <c>entry.N</c> in the question whose id is N in hex. <see cref="Down"/> answers 503 to everything, as an outage would.
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

    /// <summary>The agency makes a form in Google Forms with these text questions and shares it with the service account.</summary>
    public FakeForm AddForm(string formId, string title, params string[] questionTitles)
    {
        var form = new FakeForm(formId, new JsonObject { ["title"] = title, ["documentTitle"] = title },
            "1FAIpQLSe" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)));
        foreach (var question in questionTitles)
        {
            // Google's question ids are 8 hex digits from 00000000 to 7fffffff.
            var questionId = (RandomNumberGenerator.GetInt32(0x10000000, int.MaxValue)).ToString("x8", CultureInfo.InvariantCulture);
            form.Items.Add(new JsonObject
            {
                ["itemId"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)),
                ["title"] = question,
                ["questionItem"] = new JsonObject { ["question"] = new JsonObject { ["questionId"] = questionId, ["required"] = false, ["textQuestion"] = new JsonObject() } },
            });
        }
        _forms[formId] = form;
        return form;
    }

    /// <summary>
    /// A respondent opens a link (possibly prefilled: <c>entry.N=value</c>, N the decimal of a question's hex id),
    /// types the other answers by question title and submits.
    /// </summary>
    public void SubmitThrough(string link, DateTimeOffset at, IReadOnlyDictionary<string, string> answersByTitle)
    {
        var uri = new Uri(link);
        var form = _forms.Values.Single(f => uri.GetLeftPart(UriPartial.Path) == f.ResponderUri);
        var answers = new Dictionary<string, string>();
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.Split('=', 2) is [var k, var v] ? (k, Uri.UnescapeDataString(v.Replace('+', ' '))) : (pair, "");
            if (!key.StartsWith("entry.", StringComparison.Ordinal)) continue;
            var entry = long.Parse(key["entry.".Length..], CultureInfo.InvariantCulture);
            // Google ignores an entry no question has: the field simply stays empty.
            if (form.Items.FirstOrDefault(i => Convert.ToInt64(QuestionId(i), 16) == entry) is { } item) answers[QuestionId(item)] = value;
        }
        foreach (var (title, value) in answersByTitle) answers[QuestionId(form.Items.Single(i => i["title"]!.GetValue<string>() == title))] = value;
        Record(form, at, answers);
    }

    /// <summary>A respondent submits the form opened without a prefilled link: answers by question title.</summary>
    public void Submit(FakeForm form, DateTimeOffset at, IReadOnlyDictionary<string, string> answersByTitle) =>
        Record(form, at, answersByTitle.ToDictionary(a => QuestionId(form.Items.Single(i => i["title"]!.GetValue<string>() == a.Key)), a => a.Value));

    private static string QuestionId(JsonObject item) => item["questionItem"]!["question"]!["questionId"]!.GetValue<string>();

    private void Record(FakeForm form, DateTimeOffset at, Dictionary<string, string> byQuestionId)
    {
        var answers = new JsonObject();
        foreach (var (questionId, value) in byQuestionId.Where(a => a.Value.Length > 0))
        {
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
                if (http.Request.Query["filter"].ToString() is { Length: > 0 } filter)
                {
                    // The API's one filter: "timestamp > T" or "timestamp >= T", T in RFC 3339 UTC.
                    var match = System.Text.RegularExpressions.Regex.Match(filter, @"^\s*timestamp\s*(>=|>)\s*(\S+)\s*$");
                    if (!match.Success || !DateTimeOffset.TryParse(match.Groups[2].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
                        return Error(400, $"Invalid filter: {filter}");
                    var inclusive = match.Groups[1].Value == ">=";
                    all = [.. all.Where(r => DateTimeOffset.Parse(r["lastSubmittedTime"]!.GetValue<string>(), CultureInfo.InvariantCulture) is var at && (inclusive ? at >= since : at > since))];
                }
                var start = int.TryParse(http.Request.Query["pageToken"], out var token) ? token : 0;
                var page = new JsonObject { ["responses"] = new JsonArray([.. all.Skip(start).Take(PageSize)]) };
                if (start + PageSize < all.Count) page["nextPageToken"] = (start + PageSize).ToString(CultureInfo.InvariantCulture);
                return Results.Json(all.Count == 0 ? new JsonObject() : page);
            default:
                return Error(404, "Method not found.");
        }
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

public sealed class FakeForm(string id, JsonObject info, string responderId)
{
    public string Id { get; } = id;
    public JsonObject Info { get; } = info;
    public List<JsonObject> Items { get; } = [];
    public List<JsonNode> Responses { get; } = [];
    public int Revision { get; set; } = 1;
    /// <summary>As Google's: the responder link carries its own id, not the form's.</summary>
    public string ResponderUri => $"https://docs.google.com/forms/d/e/{responderId}/viewform";
    public IReadOnlyList<string> Titles => [.. Items.Select(i => i["title"]!.GetValue<string>())];

    public JsonObject ToJson() => new()
    {
        ["formId"] = Id,
        ["info"] = Info.DeepClone(),
        ["settings"] = new JsonObject(),
        ["revisionId"] = Revision.ToString(CultureInfo.InvariantCulture),
        ["responderUri"] = ResponderUri,
        ["items"] = new JsonArray([.. Items.Select(i => i.DeepClone())]),
        ["publishSettings"] = new JsonObject { ["publishState"] = new JsonObject { ["isPublished"] = true, ["isAcceptingResponses"] = true } },
    };
}
