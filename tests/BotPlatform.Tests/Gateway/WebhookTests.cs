using System.Net;
using System.Text;
using BotPlatform.Bot.Telegram;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Gateway;

public sealed class WebhookTests : IAsyncLifetime
{
    private const string Secret = "s3cret-token_for-tests";
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Telegram:WebhookUrl"] = "https://bot.example.org" + Webhook.Path,
        ["Telegram:WebhookSecret"] = Secret,
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret")]
    public async Task A_webhook_call_without_the_right_secret_is_refused(string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Webhook.Path)
        {
            Content = new StringContent("""{"update_id":900,"message":{"message_id":1,"date":0,"chat":{"id":5,"type":"private"},"text":"/start"}}""",
                Encoding.UTF8, "application/json"),
        };
        if (secret is not null) request.Headers.Add(Webhook.SecretHeader, secret);

        var response = await _host.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(await _host.Get<BotPlatform.Core.Messaging.IInboxStore>().GetAsync(900, default));
    }

    [Fact]
    public async Task Updates_delivered_by_webhook_with_the_secret_are_handled()
    {
        await _host.Tg.WaitUntilAsync(() => _host.Tg.Requests.Any(r => r.Method == "setWebhook" && r.StatusCode == 200));
        _host.Tg.WebhookHttpClient = _host.CreateClient();
        var olga = _host.Tg.CreateUser("Ольга", "emp_olga");

        var answer = await _host.SaysAsync(olga, "/start");

        Assert.Contains("Здравствуйте, Ольга Сотрудникова!", answer.Text);
        Assert.DoesNotContain(_host.Tg.Requests, r => r.Method == "getUpdates");
    }
}
