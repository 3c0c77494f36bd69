using BotPlatform.Bot.People;
using BotPlatform.Core.Localization;
using global::Telegram.Bot;
using global::Telegram.Bot.Types;

namespace BotPlatform.Bot.Telegram;

/// <summary>Publishes the command menu in Russian (the default) and English on start.</summary>
public sealed class BotCommandsSetup(TelegramClients clients, ILogger<BotCommandsSetup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var bot = clients.Sending;
                await bot.SetMyCommands(Commands(Lang.Ru), cancellationToken: stoppingToken);
                await bot.SetMyCommands(Commands(Lang.Ru), languageCode: "ru", cancellationToken: stoppingToken);
                await bot.SetMyCommands(Commands(Lang.En), languageCode: "en", cancellationToken: stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "setMyCommands failed (attempt {Attempt})", attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(60, attempt * 2)), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private static IEnumerable<BotCommand> Commands(Lang lang) =>
        HelpCommand.Everyone.Select(c => new BotCommand(c.Command, c.Description.In(lang)));
}
