using System.Collections.Concurrent;
using System.Net;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using global::Telegram.Bot;
using global::Telegram.Bot.Exceptions;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.ReplyMarkups;
using Microsoft.Extensions.Options;

namespace BotPlatform.Bot.Telegram;

/// <summary>
/// Drains the outbox to Telegram: per chat in order (one send in flight per chat), many chats in
/// parallel, paced to Telegram's limits. 429 pauses that chat for retry_after; 403 marks the chat and
/// person unreachable; a migrated group is followed to its new id; 5xx and timeouts back off. With
/// several replicas only the elected host sends (<see cref="IOutboxLeadership"/>), so the limits,
/// which are the bot's, hold for the bot as a whole; another host takes over when it dies.
/// </summary>
public sealed class OutboxSender(
    IOutboxStore outbox,
    IChatStore chats,
    IPeopleStore people,
    IFileStore files,
    TelegramClients clients,
    TransportClock clock,
    OutboxSignal signal,
    IOutboxLeadership leadership,
    IOptions<OutboxOptions> options,
    IEnumerable<ISentMessageObserver> observers,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private const int ScanSize = 500;
    private readonly ConcurrentQueue<(long ChatId, RateTicket Ticket, DateTimeOffset At)> _finished = new();
    private readonly HashSet<long> _inFlight = [];
    private readonly ConcurrentDictionary<long, DateTimeOffset> _pausedUntil = new();
    private readonly RateGate _gate = new(options.Value);
    private readonly ISentMessageObserver[] _observers = [.. observers];

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => leadership.RunAsLeaderAsync(DrainAsync, stoppingToken);

    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            while (_finished.TryDequeue(out var done))
            {
                _inFlight.Remove(done.ChatId);
                RateGate.Complete(done.Ticket, done.At);
            }
            running.RemoveAll(t => t.IsCompleted);
            var nextWake = clock.Now + TimeSpan.FromSeconds(1);
            try
            {
                nextWake = await DispatchReadyAsync(running, nextWake, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Reading the outbox failed");
            }
            var wait = nextWake - clock.Now;
            if (wait < TimeSpan.FromMilliseconds(1)) wait = TimeSpan.FromMilliseconds(1);
            try
            {
                await signal.WaitAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        await Task.WhenAll(running);
    }

    private async Task<DateTimeOffset> DispatchReadyAsync(List<Task> running, DateTimeOffset nextWake, CancellationToken ct)
    {
        var now = clock.Now;
        _gate.Trim(now);
        var heads = new HashSet<long>();
        foreach (var message in await outbox.PendingAsync(ScanSize, ct))
        {
            if (!heads.Add(message.ChatId) || _inFlight.Contains(message.ChatId)) continue;
            if (_inFlight.Count >= options.Value.Parallelism) break;
            var due = Later(message.NotBefore, _pausedUntil.GetValueOrDefault(message.ChatId));
            due = Later(due, _gate.NextAllowed(message.ChatId, now));
            if (due > now)
            {
                if (due < nextWake) nextWake = due;
                continue;
            }
            var ticket = _gate.Take(message.ChatId);
            _inFlight.Add(message.ChatId);
            // A send once started is not cancelled by shutdown: Telegram may already have shown it, and
            // abandoning it would send it again after the restart. The request timeout bounds the wait.
            running.Add(Task.Run(() => SendAndReportAsync(message, ticket, CancellationToken.None), CancellationToken.None));
        }
        return nextWake;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private async Task SendAndReportAsync(OutboxMessage message, RateTicket ticket, CancellationToken ct)
    {
        var chatId = message.ChatId;
        try
        {
            await SendAsync(message, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Sending {OutboxId} failed unexpectedly", message.Id);
        }
        finally
        {
            _finished.Enqueue((chatId, ticket, clock.Now));
            signal.Pulse();
        }
    }

    private async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var chat = await chats.GetAsync(message.ChatId, ct);
        if (chat?.MigratedTo is { } newId)
        {
            await FollowMigrationAsync(message, message.ChatId, newId, ct);
            return;
        }
        if (chat?.UnreachableSince is not null)
        {
            await FinishAsync(message, OutboxStatus.Skipped, chat.UnreachableReason, ct);
            return;
        }
        message.Attempts++;
        try
        {
            var (sentId, confirmed) = await CallTelegramAsync(message, ct);
            if (sentId is null) return; // waiting for the message it edits
            if (confirmed is not null) await ObserveAsync(confirmed, message, ct);
            message.SentMessageId = sentId;
            await FinishAsync(message, OutboxStatus.Sent, null, ct);
        }
        catch (ApiRequestException ex) when (ex.Parameters?.RetryAfter is { } retryAfter)
        {
            var until = clock.Now + TimeSpan.FromSeconds(retryAfter);
            _pausedUntil[message.ChatId] = until;
            message.NotBefore = until;
            message.Attempts--; // Telegram asked us to slow down: not a failure of the message
            logger.LogWarning("Chat {ChatId} paused for {RetryAfter}s by Telegram (429)", message.ChatId, retryAfter);
            await outbox.SaveAsync(message, ct);
        }
        catch (ApiRequestException ex) when (ex.Parameters?.MigrateToChatId is { } migrated)
        {
            await chats.SaveAsync(new ChatRecord { Id = message.ChatId, IsGroup = true, MigratedTo = migrated }, ct);
            await FollowMigrationAsync(message, message.ChatId, migrated, ct);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 403)
        {
            await MarkUnreachableAsync(message.ChatId, message.ChatId > 0 ? ChatRecord.BlockedByUser : ChatRecord.RemovedFromGroup, ct);
            await FinishAsync(message, OutboxStatus.Skipped, ex.Message, ct);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 400 && ex.Message.Contains("message is not modified", StringComparison.Ordinal))
        {
            await FinishAsync(message, OutboxStatus.Sent, null, ct); // the edit was already applied (a replay)
        }
        catch (ApiRequestException ex) when (ex.ErrorCode is >= 400 and < 500)
        {
            logger.LogError(ex, "Telegram refused {OutboxId} ({Kind} to {ChatId})", message.Id, message.Kind, message.ChatId);
            await FinishAsync(message, OutboxStatus.Failed, ex.Message, ct);
        }
        catch (Exception ex) when (IsTransient(ex, ct))
        {
            await BackOffAsync(message, ex, ct);
        }
    }

    private static bool IsTransient(Exception ex, CancellationToken ct) => ex switch
    {
        ApiRequestException api => api.ErrorCode >= 500,
        RequestException or HttpRequestException => true,
        OperationCanceledException => !ct.IsCancellationRequested, // the HTTP timeout, not our shutdown
        _ => false,
    };

    private async Task BackOffAsync(OutboxMessage message, Exception ex, CancellationToken ct)
    {
        if (message.Attempts >= options.Value.MaxAttempts)
        {
            logger.LogError(ex, "Giving up on {OutboxId} after {Attempts} attempts", message.Id, message.Attempts);
            await FinishAsync(message, OutboxStatus.Failed, ex.Message, ct);
            return;
        }
        var delay = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, message.Attempts - 1)));
        message.NotBefore = clock.Now + delay;
        message.Error = ex.Message;
        logger.LogWarning(ex, "Sending {OutboxId} failed (attempt {Attempts}); retrying in {Delay}", message.Id, message.Attempts, delay);
        await outbox.SaveAsync(message, ct);
    }

    /// <summary>
    /// Makes the Telegram call; returns the message id it produced or changed (null to wait) and the message
    /// as Telegram confirmed it, when the call returns one (sends and text edits).
    /// </summary>
    private async Task<(int? Id, Message? Confirmed)> CallTelegramAsync(OutboxMessage message, CancellationToken ct)
    {
        var bot = clients.Sending;
        switch (message.Kind)
        {
            case OutboxKind.Send:
                return Sent(await bot.SendMessage(message.ChatId, message.Text ?? "", replyMarkup: Markup(message), cancellationToken: ct));
            case OutboxKind.SendDocument when message.TelegramFileId is { } fileId:
                return Sent(message.AsPhoto
                    ? await bot.SendPhoto(message.ChatId, InputFile.FromFileId(fileId), message.Text, replyMarkup: Markup(message), cancellationToken: ct)
                    : await bot.SendDocument(message.ChatId, InputFile.FromFileId(fileId), message.Text, replyMarkup: Markup(message), cancellationToken: ct));
            case OutboxKind.SendDocument:
                await using (var stream = message.FileKey is null ? null : await files.OpenAsync(message.FileKey, ct))
                {
                    if (stream is null) throw new InvalidOperationException($"File {message.FileKey} of {message.Id} is missing");
                    if (message.AsPhoto)
                        return Sent(await bot.SendPhoto(message.ChatId, InputFile.FromStream(stream, message.FileName ?? "image.png"), message.Text,
                            replyMarkup: Markup(message), cancellationToken: ct));
                    return Sent(await bot.SendDocument(message.ChatId, InputFile.FromStream(stream, message.FileName ?? "file"),
                        message.Text, replyMarkup: Markup(message), cancellationToken: ct));
                }
        }
        if (await TargetAsync(message, ct) is not { } target) return (null, null);
        switch (message.Kind)
        {
            case OutboxKind.EditText:
                return (target, await bot.EditMessageText(message.ChatId, target, message.Text ?? "", replyMarkup: Inline(message), cancellationToken: ct));
            case OutboxKind.EditButtons:
                await bot.EditMessageReplyMarkup(message.ChatId, target, Inline(message), cancellationToken: ct);
                break;
            case OutboxKind.Delete:
                await bot.DeleteMessage(message.ChatId, target, ct);
                break;
        }
        return (target, null);
    }

    private static (int? Id, Message? Confirmed) Sent(Message message) => (message.Id, message);

    /// <summary>
    /// Tells the observers (the client groups' archive) what Telegram confirmed. A failing observer is logged and
    /// does not hold the outbox: the message is in the chat already.
    /// </summary>
    private async Task ObserveAsync(Message confirmed, OutboxMessage message, CancellationToken ct)
    {
        foreach (var observer in _observers)
        {
            try
            {
                await observer.SentAsync(confirmed, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogError(ex, "Recording the sent {OutboxId} in chat {ChatId} failed", message.Id, message.ChatId);
            }
        }
    }

    private async Task<int?> TargetAsync(OutboxMessage message, CancellationToken ct)
    {
        if (message.TargetMessageId is { } direct) return direct;
        var target = message.TargetId is null ? null : await outbox.GetAsync(message.TargetId, ct);
        switch (target)
        {
            case { Status: OutboxStatus.Sent, SentMessageId: { } id }:
                return id;
            case { Status: OutboxStatus.Pending }:
                message.Attempts--;
                message.NotBefore = clock.Now + TimeSpan.FromSeconds(1);
                await outbox.SaveAsync(message, ct);
                return null;
            default:
                await FinishAsync(message, OutboxStatus.Skipped, $"target {message.TargetId} was not sent", ct);
                return null;
        }
    }

    private static ReplyMarkup? Markup(OutboxMessage message) =>
        message.ForceReply ? new ForceReplyMarkup { InputFieldPlaceholder = message.Placeholder } : Inline(message);

    private static InlineKeyboardMarkup? Inline(OutboxMessage message) =>
        message.Buttons is { Count: > 0 } rows
            ? new InlineKeyboardMarkup(rows.Select(row => row.Select(b => b.Url is { } url
                ? InlineKeyboardButton.WithUrl(b.Text, url)
                : InlineKeyboardButton.WithCallbackData(b.Text, b.CallbackData ?? ""))))
            : null;

    private async Task FollowMigrationAsync(OutboxMessage message, long oldId, long newId, CancellationToken ct)
    {
        var moved = await outbox.RetargetChatAsync(oldId, newId, ct);
        logger.LogInformation("Chat {OldChatId} migrated to {NewChatId}; {Moved} pending messages follow", oldId, newId, moved);
        message.ChatId = newId;
        message.NotBefore = clock.Now;
        message.Attempts = Math.Max(0, message.Attempts - 1);
        await outbox.SaveAsync(message, ct);
    }

    private async Task MarkUnreachableAsync(long chatId, string reason, CancellationToken ct)
    {
        var now = clock.Now;
        var chat = await chats.GetAsync(chatId, ct) ?? new ChatRecord { Id = chatId, IsGroup = chatId < 0 };
        chat.UnreachableSince = now;
        chat.UnreachableReason = reason;
        await chats.SaveAsync(chat, ct);
        if (chatId > 0 && await people.FindByTelegramIdAsync(chatId, ct) is { } person)
        {
            await people.ChangeAsync(person.Id, p =>
            {
                p.BlockedBotAt = now;
                return true;
            }, ct);
        }
        logger.LogWarning("Chat {ChatId} is unreachable: {Reason}", chatId, reason);
    }

    private async Task FinishAsync(OutboxMessage message, OutboxStatus status, string? error, CancellationToken ct)
    {
        message.Status = status;
        message.Error = error;
        if (status == OutboxStatus.Sent) _pausedUntil.TryRemove(message.ChatId, out _);
        await outbox.SaveAsync(message, ct);
    }
}

/// <summary>Sees each message the bot sent or edited, as Telegram confirmed it (the client groups' archive keeps the bot's own words).</summary>
public interface ISentMessageObserver
{
    Task SentAsync(Message message, CancellationToken ct);
}
