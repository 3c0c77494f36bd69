using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using global::Telegram.Bot;
using global::Telegram.Bot.Types;
using Microsoft.Extensions.Options;

namespace BotPlatform.Bot.Telegram;

public static class Webhook
{
    public const string Path = "/telegram/webhook";
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, async (HttpRequest request, InboxWriter inbox, IOptions<TelegramOptions> options, CancellationToken ct) =>
        {
            if (!options.Value.UsesWebhook) return Results.NotFound();
            if (!SecretMatches(request.Headers[SecretHeader].ToString(), options.Value.WebhookSecret)) return Results.StatusCode(403);
            Update? update;
            try
            {
                update = await JsonSerializer.DeserializeAsync<Update>(request.Body, JsonBotAPI.Options, ct);
            }
            catch (JsonException)
            {
                return Results.BadRequest();
            }
            if (update is null) return Results.BadRequest();
            await inbox.StoreAsync([update], ct);
            return Results.Ok();
        });
        return app;
    }

    private static bool SecretMatches(string given, string? expected) =>
        !string.IsNullOrEmpty(expected)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}

/// <summary>Registers the webhook with Telegram on start (webhook mode only).</summary>
public sealed class WebhookRegistration(TelegramClients clients, IOptions<TelegramOptions> options, ILogger<WebhookRegistration> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.UsesWebhook) return;
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await clients.Sending.SetWebhook(o.WebhookUrl!, secretToken: o.WebhookSecret, cancellationToken: stoppingToken);
                logger.LogInformation("Webhook set to {WebhookUrl}", o.WebhookUrl);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "setWebhook failed (attempt {Attempt})", attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(60, attempt * 2)), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
