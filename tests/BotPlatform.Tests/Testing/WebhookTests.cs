using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace BotPlatform.Tests.Testing;

public sealed class WebhookTests : FakeTelegramTestBase
{
    [Fact]
    public async Task Updates_are_posted_to_the_webhook_with_the_secret_header()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        Fake.WebhookHttpClient = receiver.Client;
        await Bot.SetWebhook("http://localhost/telegram", secretToken: "s3cret-token");
        var alice = Fake.CreateUser("Alice");

        Fake.SendText(alice, "/start");
        await Fake.WaitUntilAsync(() => receiver.Received.Count == 1 && Fake.PendingUpdateCount == 0);

        var (secret, update) = receiver.Received.Single();
        Assert.Equal("s3cret-token", secret);
        Assert.Equal("/start", (string?)update["message"]?["text"]);
    }

    [Fact]
    public async Task A_failing_webhook_gets_the_same_updates_again_in_order()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 2);
        Fake.WebhookHttpClient = receiver.Client;
        await Bot.SetWebhook("http://localhost/telegram");
        var alice = Fake.CreateUser("Alice");

        Fake.SendText(alice, "one");
        Fake.SendText(alice, "two");
        await Fake.WaitUntilAsync(() => receiver.Received.Count == 2 && Fake.PendingUpdateCount == 0);

        Assert.Equal(["one", "two"], receiver.Received.Select(r => (string?)r.Update["message"]?["text"]));
        Assert.Equal(2, receiver.Rejections);
        Assert.Contains("500", (await Bot.GetWebhookInfo()).LastErrorMessage);
    }

    [Fact]
    public async Task GetUpdates_conflicts_while_a_webhook_is_set()
    {
        await Bot.SetWebhook("https://bot.example.org/telegram");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.GetUpdates());

        Assert.Equal(409, error.ErrorCode);
        Assert.Equal("Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first", error.Message);
    }

    [Fact]
    public async Task Webhook_info_shows_the_url_and_pending_updates_and_delete_returns_to_polling()
    {
        using var refusing = new HttpClient(new RefusingHandler());
        Fake.WebhookHttpClient = refusing;
        await Bot.SetWebhook("https://bot.example.org/telegram");
        Fake.SendText(Fake.CreateUser("Alice"), "hello");

        var info = await Bot.GetWebhookInfo();
        await Bot.DeleteWebhook();
        var updates = await Bot.GetUpdates();

        Assert.Equal("https://bot.example.org/telegram", info.Url);
        Assert.Equal(1, info.PendingUpdateCount);
        Assert.Equal("hello", Assert.Single(updates).Message?.Text);
    }

    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable));
    }

    /// <summary>The bot's webhook endpoint stand-in: an in-memory TestServer that records what it receives.</summary>
    private sealed class WebhookReceiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _failuresLeft;
        private int _rejections;

        private WebhookReceiver(WebApplication app, int failFirst)
        {
            _app = app;
            _failuresLeft = failFirst;
        }

        public ConcurrentQueue<(string? Secret, JsonNode Update)> Received { get; } = new();

        public int Rejections => _rejections;

        public HttpClient Client => _app.GetTestClient();

        public static async Task<WebhookReceiver> StartAsync(int failFirst = 0)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseTestServer();
            var app = builder.Build();
            var receiver = new WebhookReceiver(app, failFirst);
            app.MapPost("/telegram", async (HttpContext context) =>
            {
                if (Interlocked.Decrement(ref receiver._failuresLeft) >= 0)
                {
                    Interlocked.Increment(ref receiver._rejections);
                    return Results.StatusCode(500);
                }

                var update = await JsonNode.ParseAsync(context.Request.Body) ?? throw new InvalidOperationException("empty update");
                receiver.Received.Enqueue((context.Request.Headers["X-Telegram-Bot-Api-Secret-Token"].FirstOrDefault(), update));
                return Results.Ok();
            });
            await app.StartAsync();
            return receiver;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
