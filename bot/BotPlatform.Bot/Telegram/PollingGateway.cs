using global::Telegram.Bot;
using global::Telegram.Bot.Exceptions;
using Microsoft.Extensions.Options;

namespace BotPlatform.Bot.Telegram;

/// <summary>
/// Long polling: each batch is stored in the inbox before the next getUpdates confirms it with a higher
/// offset, so a crash between the two makes Telegram deliver the batch again and the inbox ignores it.
/// </summary>
public sealed class PollingGateway(
    TelegramClients clients, InboxWriter inbox, IOptions<TelegramOptions> options, ILogger<PollingGateway> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.UsesWebhook) return;
        var bot = clients.Polling;
        var offset = 0;
        var failures = 0;
        await DeleteWebhookAsync(bot, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var updates = await bot.GetUpdates(offset, 100, options.Value.PollingTimeoutSeconds, cancellationToken: stoppingToken);
                if (updates.Length > 0)
                {
                    await inbox.StoreAsync(updates, stoppingToken);
                    offset = updates.Max(u => u.Id) + 1;
                }
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 409)
            {
                // Telegram hands updates to one poller only: another process polls with this token, or a webhook is set.
                failures++;
                logger.LogError(
                    "Telegram refused getUpdates with 409 Conflict ({Reason}): another host is polling this bot, or a webhook is set. "
                    + "Long polling works for one host only; with several replicas set Telegram:WebhookUrl on all of them",
                    ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, failures - 1))), stoppingToken)
                    .ContinueWith(_ => { }, TaskScheduler.Default);
            }
            catch (Exception ex)
            {
                failures++;
                var delay = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, failures - 1)));
                logger.LogWarning(ex, "getUpdates failed ({Failures} in a row); retrying in {Delay}", failures, delay);
                await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task DeleteWebhookAsync(ITelegramBotClient bot, CancellationToken ct)
    {
        for (var attempt = 1; !ct.IsCancellationRequested; attempt++)
        {
            try
            {
                await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken: ct);
                return;
            }
            catch (Exception ex) when (ex is RequestException or HttpRequestException)
            {
                logger.LogWarning(ex, "deleteWebhook failed (attempt {Attempt})", attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt)), ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
