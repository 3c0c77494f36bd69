using System.Net;
using System.Text.Json.Nodes;
using BotPlatform.Testing;

namespace BotPlatform.Tests.Testing;

/// <summary>What the fake answers to requests Telegram.Bot would never build: form posts, wrong types, bad tokens.</summary>
public sealed class RawRequestTests : FakeTelegramTestBase, IDisposable
{
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task A_wrong_token_is_unauthorized()
    {
        var (status, body) = await PostFormAsync("/bot999:WRONG/getMe", []);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("""{"ok":false,"error_code":401,"description":"Unauthorized"}""", body.ToJsonString());
    }

    [Fact]
    public async Task An_unknown_method_is_not_found()
    {
        var (status, body) = await PostFormAsync($"/bot{Host.Token}/sendVoice", []);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Not Found", (string?)body["description"]);
    }

    [Fact]
    public async Task A_missing_required_parameter_is_named()
    {
        var alice = StartedUser();

        var (_, body) = await PostFormAsync($"/bot{Host.Token}/deleteMessage", new() { ["chat_id"] = alice.Id.ToString() });

        Assert.Equal("Bad Request: message_id is required", (string?)body["description"]);
    }

    [Fact]
    public async Task Missing_text_is_an_empty_message()
    {
        var alice = StartedUser();

        var (_, body) = await PostFormAsync($"/bot{Host.Token}/sendMessage", new() { ["chat_id"] = alice.Id.ToString() });

        Assert.Equal("Bad Request: message text is empty", (string?)body["description"]);
    }

    [Theory]
    [InlineData("sendMessage", "chat_id", "abc", "chat_id")]
    [InlineData("deleteMessage", "message_id", "first", "message_id")]
    [InlineData("sendMessage", "reply_markup", "{\"inline_keyboard\": [[{\"text\": \"x\",", "reply_markup")]
    [InlineData("sendMessage", "reply_markup", "{\"inline_keyboard\": [[{\"callback_data\": \"x\"}]]}", "reply_markup.inline_keyboard[0][0].text")]
    [InlineData("sendMessage", "disable_notification", "maybe", "disable_notification")]
    public async Task A_parameter_of_the_wrong_type_is_rejected_by_name(string method, string parameter, string value, string named)
    {
        var alice = StartedUser();
        var form = new Dictionary<string, string> { ["chat_id"] = alice.Id.ToString(), ["text"] = "Hi", ["message_id"] = "1" };
        form[parameter] = value;

        var (status, body) = await PostFormAsync($"/bot{Host.Token}/{method}", form);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("Bad Request: ", (string?)body["description"]);
        Assert.Contains(named, (string?)body["description"]);
    }

    [Fact]
    public async Task Unknown_parameters_are_ignored_and_query_strings_work()
    {
        var alice = StartedUser();

        using var response = await _http.GetAsync($"{Host.BaseUrl}/bot{Host.Token}/sendMessage?chat_id={alice.Id}&text=Hi&colour=blue");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hi", (string?)body?["result"]?["text"]);
    }

    [Fact]
    public async Task Rejected_calls_are_logged_with_their_description()
    {
        await PostFormAsync($"/bot{Host.Token}/sendMessage", new() { ["chat_id"] = "42", ["text"] = "Hi" });

        var rejected = Assert.Single(Fake.Rejected);
        Assert.Equal(("sendMessage", 400, "Bad Request: chat not found", false), (rejected.Method, rejected.StatusCode, rejected.Description, rejected.FaultInjected));
    }

    [Fact]
    public async Task A_multipart_upload_may_reference_its_part_by_attach_name()
    {
        var alice = StartedUser();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(alice.Id.ToString()), "chat_id" },
            { new StringContent("attach://report"), "document" },
            { new ByteArrayContent([7, 7, 7]), "report", "report.csv" },
        };

        using var response = await _http.PostAsync($"{Host.BaseUrl}/bot{Host.Token}/sendDocument", form);

        var document = Fake.BotMessages(alice.PrivateChat).Single().Document;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("report.csv", document?.FileName);
        Assert.Equal([7, 7, 7], document?.Content);
    }

    [Fact]
    public async Task The_engine_answers_without_http_too()
    {
        var alice = StartedUser();
        var request = new BotApiRequest(
            new Dictionary<string, JsonNode?> { ["chat_id"] = alice.Id, ["document"] = "attach://big" },
            new Dictionary<string, UploadedFile> { ["big"] = new("big.bin", "application/octet-stream", new byte[(50 * 1024 * 1024) + 1]) });

        var response = await Fake.HandleAsync(Host.Token, "sendDocument", request);

        Assert.Equal((413, "Request Entity Too Large"), (response.StatusCode, response.Description));
        Assert.Empty(Fake.BotMessages(alice.PrivateChat));
    }

    private async Task<(HttpStatusCode Status, JsonNode Body)> PostFormAsync(string path, Dictionary<string, string> form)
    {
        using var response = await _http.PostAsync(Host.BaseUrl + path, new FormUrlEncodedContent(form));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("empty body");
        return (response.StatusCode, body);
    }
}
