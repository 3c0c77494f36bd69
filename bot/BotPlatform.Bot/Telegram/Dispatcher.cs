using System.Collections.Concurrent;
using System.Text.Json;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using global::Telegram.Bot;
using global::Telegram.Bot.Types;
using Microsoft.Extensions.Options;

namespace BotPlatform.Bot.Telegram;

/// <summary>
/// Takes stored updates and handles them: one at a time and in order within a chat, many chats in
/// parallel. A handled update's messages are stored in the outbox before the update is marked done; a
/// replay after a crash produces the same outbox ids, which the outbox ignores. A failing update is
/// retried with backoff and then parked for admins; the chat then moves on. With several replicas on
/// one database a chat is handled by the host holding its claim (<see cref="IChatClaims"/>), renewed
/// before each update, so a chat stays in order across replicas and a dead host's chats are taken over
/// once its lease runs out.
/// </summary>
public sealed class Dispatcher(
    IInboxStore inbox,
    IChatClaims claims,
    IServiceScopeFactory scopes,
    TransportClock clock,
    IOptions<GatewayOptions> options,
    ILogger<Dispatcher> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0);
    private readonly ConcurrentDictionary<long, bool> _busyChats = new();
    private int _wakePending;

    /// <summary>Signals that new updates are waiting.</summary>
    public void Wake()
    {
        if (Interlocked.Exchange(ref _wakePending, 1) == 0) _wake.Release();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Dispatch)
        {
            logger.LogWarning("Dispatching is off (Gateway:Dispatch=false): updates are stored but not handled");
            return;
        }
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            Interlocked.Exchange(ref _wakePending, 0);
            try
            {
                running.RemoveAll(t => t.IsCompleted);
                foreach (var chat in await ReadyChatsAsync(stoppingToken))
                {
                    if (_busyChats.Count >= options.Value.Parallelism) break;
                    if (!_busyChats.TryAdd(chat.Key, true)) continue;
                    running.Add(Task.Run(() => RunChatAsync(chat.Key, chat.Value, stoppingToken), CancellationToken.None));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Reading the inbox failed");
            }
            try
            {
                await _wake.WaitAsync(TimeSpan.FromMilliseconds(500), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        await Task.WhenAll(running);
    }

    private async Task<List<KeyValuePair<long, List<InboxItem>>>> ReadyChatsAsync(CancellationToken ct)
    {
        var now = clock.Now;
        var pending = await inbox.PendingAsync(1000, ct);
        return pending
            .GroupBy(i => i.ChatKey)
            // A chat whose oldest update waits for a retry waits as a whole: order within a chat is kept.
            .Where(g => !_busyChats.ContainsKey(g.Key) && g.First().NextAttemptAt <= now)
            .Select(g => KeyValuePair.Create(g.Key, g.ToList()))
            .ToList();
    }

    private async Task RunChatAsync(long chatKey, List<InboxItem> items, CancellationToken ct)
    {
        var lease = TimeSpan.FromSeconds(options.Value.ClaimLeaseSeconds);
        var claimed = false;
        try
        {
            foreach (var snapshot in items)
            {
                // Another replica handles this chat now (or did it already): leave it to that host.
                if (!await claims.TryClaimAsync(chatKey, lease, ct)) break;
                claimed = true;
                // The snapshot may predate a run of this chat that just finished: handle only what is still pending.
                if (await inbox.GetAsync(snapshot.Id, ct) is not { Status: InboxStatus.Pending } item) continue;
                if (!await HandleAsync(item, ct)) break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Handling chat {ChatKey} failed", chatKey);
        }
        finally
        {
            if (claimed)
            {
                try
                {
                    await claims.ReleaseAsync(chatKey, CancellationToken.None);
                }
                catch (Exception ex)
                {
                    logger.LogWarning(ex, "Releasing the claim on chat {ChatKey} failed; it lapses with its lease", chatKey);
                }
            }
            _busyChats.TryRemove(chatKey, out _);
            Wake();
        }
    }

    /// <summary>Handles one update; false when it must be retried later (the chat stops here for now).</summary>
    private async Task<bool> HandleAsync(InboxItem item, CancellationToken ct)
    {
        item.Attempts++;
        try
        {
            var update = JsonSerializer.Deserialize<Update>(item.Payload, JsonBotAPI.Options)
                         ?? throw new InvalidOperationException("Empty update payload");
            await using var scope = scopes.CreateAsyncScope();
            var processor = scope.ServiceProvider.GetRequiredService<UpdateProcessor>();
            // The Done mark rides in the update's completion write, with its outbox messages and archive entries.
            await processor.ProcessAsync(update, ct, async token =>
            {
                item.Status = InboxStatus.Done;
                item.HandledAt = clock.Now;
                item.LastError = null;
                await inbox.SaveAsync(item, token);
            });
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            item.Status = InboxStatus.Pending;
            item.HandledAt = null;
            return false;
        }
        catch (Exception ex)
        {
            // The completion write may have marked the item before its transaction failed: it is not done.
            item.Status = InboxStatus.Pending;
            item.HandledAt = null;
            item.LastError = ex.ToString();
            if (item.Attempts >= options.Value.MaxAttempts)
            {
                item.Status = InboxStatus.Parked;
                logger.LogError(ex, "Update {UpdateId} parked after {Attempts} attempts", item.Id, item.Attempts);
                await inbox.SaveAsync(item, CancellationToken.None);
                return true;
            }
            item.NextAttemptAt = clock.Now + TimeSpan.FromSeconds(Math.Pow(2, item.Attempts - 1));
            logger.LogWarning(ex, "Update {UpdateId} failed (attempt {Attempts}); retrying", item.Id, item.Attempts);
            await inbox.SaveAsync(item, CancellationToken.None);
            return false;
        }
    }
}

/// <summary>Builds the context of one update, routes it, and stores what it wants to say.</summary>
public sealed class UpdateProcessor(
    UpdateRouter router,
    IPeopleStore people,
    IChatStore chats,
    IOutboxStore outbox,
    BotPlatform.Core.Common.IUnitOfWork unitOfWork,
    Organisation organisation,
    DepartmentsSync departments,
    TelegramClients clients,
    TimeProvider time,
    ILogger<UpdateProcessor> logger)
{
    /// <summary>
    /// Routes the update, then stores what it wants to say, what it deferred (archive entries) and, given
    /// <paramref name="completion"/>, the inbox's Done mark: all in one unit of work, one write.
    /// </summary>
    public async Task ProcessAsync(Update update, CancellationToken ct, Func<CancellationToken, Task>? completion = null)
    {
        // Another replica may have added or renamed a department since this host's last update.
        await departments.EnsureCurrentAsync(ct);
        var from = update switch
        {
            { Message.From: { } u } => u,
            { CallbackQuery.From: { } u } => u,
            { MyChatMember.From: { } u } => u,
            _ => null,
        };
        var identity = from is null || from.IsBot
            ? null
            : new TelegramIdentity(from.Id, from.Username, from.FirstName, from.LastName, from.LanguageCode);
        var person = identity is null ? null : await people.FindByTelegramIdAsync(identity.UserId, ct);
        var text = update.Message?.Text ?? update.Message?.Caption ?? "";
        var (_, rest) = UpdateRouter.ParseCommand(text);
        var context = new UpdateContext(update, new Outgoing($"u{update.Id}", time), clients, logger)
        {
            ChatId = UpdateShape.ChatKey(update),
            From = identity,
            Person = person,
            Lang = person?.Language ?? (identity?.LanguageCode is { } code ? Langs.FromTelegramCode(code) : organisation.DefaultLanguage),
            Text = text,
            Args = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
        await MarkReachableAsync(context, ct);
        await router.RouteAsync(context, ct);
        await unitOfWork.RunAsync(async () =>
        {
            foreach (var write in context.CompletionWrites) await write(ct);
            await outbox.EnqueueAsync(context.Out.Messages, ct);
            if (completion is not null) await completion(ct);
            return true;
        }, ct);
    }

    /// <summary>A person who writes again after blocking the bot can be written to again.</summary>
    private async Task MarkReachableAsync(UpdateContext context, CancellationToken ct)
    {
        if (!context.IsPrivateChat || context.Update.Message is null) return;
        if (await chats.GetAsync(context.ChatId, ct) is { UnreachableSince: not null } chat)
        {
            chat.UnreachableSince = null;
            chat.UnreachableReason = null;
            await chats.SaveAsync(chat, ct);
        }
        if (context.Person is { BlockedBotAt: not null } person)
        {
            context.Person = await people.ChangeAsync(person.Id, p =>
            {
                p.BlockedBotAt = null;
                return true;
            }, ct) ?? person;
        }
    }
}
