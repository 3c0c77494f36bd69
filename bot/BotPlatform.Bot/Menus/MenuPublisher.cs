using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using BotPlatform.Bot.Telegram;
using BotPlatform.Core.Localization;
using BotPlatform.Core.People;
using global::Telegram.Bot;
using global::Telegram.Bot.Exceptions;
using global::Telegram.Bot.Types;

namespace BotPlatform.Bot.Menus;

/// <summary>
/// Sets the command menus from <see cref="CommandCatalogue"/>: the default menu (people the bot does
/// not know yet) and the groups' short menu in Russian and English at start, then each person's own
/// menu on their private chat (BotCommandScopeChat, in the person's language) whenever their roles,
/// language or status change, and at start for everyone whose published menu is out of date.
/// </summary>
public sealed class MenuPublisher(TelegramClients clients, IPeopleStore people, ILogger<MenuPublisher> logger)
    : BackgroundService, IPersonChangeObserver
{
    private readonly Channel<long> _changed = Channel.CreateUnbounded<long>();

    public void Changed(Person person) => _changed.Writer.TryWrite(person.Id);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WithRetriesAsync("shared menus", PublishSharedAsync, stoppingToken);
        foreach (var person in await people.ListAsync(stoppingToken)) _changed.Writer.TryWrite(person.Id);
        await foreach (var personId in _changed.Reader.ReadAllAsync(stoppingToken))
        {
            await WithRetriesAsync($"the menu of person {personId}", ct => PublishPersonAsync(personId, ct), stoppingToken);
        }
    }

    private async Task PublishSharedAsync(CancellationToken ct)
    {
        var bot = clients.Sending;
        var visitors = CommandCatalogue.ForVisitors();
        var groups = CommandCatalogue.ForGroups();
        var allGroups = new BotCommandScopeAllGroupChats();
        await bot.SetMyCommands(Menu(visitors, Lang.Ru), cancellationToken: ct);
        await bot.SetMyCommands(Menu(groups, Lang.Ru, group: true), allGroups, cancellationToken: ct);
        foreach (var lang in Enum.GetValues<Lang>())
        {
            await bot.SetMyCommands(Menu(visitors, lang), languageCode: lang.Code(), cancellationToken: ct);
            await bot.SetMyCommands(Menu(groups, lang, group: true), allGroups, lang.Code(), ct);
        }
    }

    private async Task PublishPersonAsync(long personId, CancellationToken ct)
    {
        if (await people.GetAsync(personId, ct) is not { } person) return;
        var commands = person is { IsActive: true, ChatId: not null } ? Menu(CommandCatalogue.For(person), person.Language) : [];
        var fingerprint = commands.Length == 0 ? null : Fingerprint(commands);
        if (fingerprint == person.PublishedMenu) return;
        if (person.ChatId is { } chatId)
        {
            var scope = new BotCommandScopeChat { ChatId = chatId };
            try
            {
                if (commands.Length == 0) await clients.Sending.DeleteMyCommands(scope, cancellationToken: ct);
                else await clients.Sending.SetMyCommands(commands, scope, cancellationToken: ct);
            }
            catch (ApiRequestException ex) when (ex.ErrorCode is 400 or 403)
            {
                // The chat is gone or closed to the bot: nothing to show a menu in. The next start tries again.
                logger.LogInformation(ex, "The menu of person {PersonId} was not set", personId);
                return;
            }
        }
        await people.ChangeAsync(personId, p =>
        {
            p.PublishedMenu = fingerprint;
            return true;
        }, ct);
    }

    private async Task WithRetriesAsync(string what, Func<CancellationToken, Task> publish, CancellationToken ct)
    {
        for (var attempt = 1; !ct.IsCancellationRequested; attempt++)
        {
            try
            {
                await publish(ct);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Setting {What} failed (attempt {Attempt})", what, attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(60, attempt * 2)), ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private static BotCommand[] Menu(IEnumerable<CatalogueCommand> commands, Lang lang, bool group = false) =>
        commands.Select(c => new BotCommand(c.Name, (group ? c.GroupDescription ?? c.Description : c.Description).In(lang))).ToArray();

    private static string Fingerprint(IEnumerable<BotCommand> commands) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", commands.Select(c => c.Command + " " + c.Description)))))[..16];
}
