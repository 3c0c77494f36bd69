using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotPlatform.Core.Messaging;

/// <summary>How long handled updates and sent messages are kept (section "Retention").</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>
    /// Days a handled inbox update is kept. At least 2: Telegram redelivers an unconfirmed update for up to
    /// 24 hours, and the inbox recognises a redelivery by the stored update id.
    /// </summary>
    [Range(2, 3650)]
    public int InboxDays { get; set; } = 30;

    /// <summary>Days a sent (or deliberately skipped) outbox message is kept, unless a card still needs it for edits.</summary>
    [Range(2, 3650)]
    public int OutboxDays { get; set; } = 30;
}

/// <summary>
/// Outbox messages something still refers to by their outbox id, to edit them later (an approval card shown
/// with buttons is edited with the outcome): retention keeps them, whatever their age.
/// </summary>
public interface IOutboxReferences
{
    Task<IReadOnlyCollection<string>> OutboxIdsInUseAsync(CancellationToken ct);
}

public sealed record RetentionResult(int InboxRemoved, int OutboxRemoved, int OutboxKeptForCards);

/// <summary>
/// Removes what is no longer needed: handled inbox updates older than <see cref="RetentionOptions.InboxDays"/>
/// and sent or skipped outbox messages older than <see cref="RetentionOptions.OutboxDays"/>, except those a card
/// still edits. Parked updates and failed messages stay for admins; pending ones are never touched.
/// </summary>
public sealed class Retention(
    IInboxStore inbox,
    IOutboxStore outbox,
    IEnumerable<IOutboxReferences> references,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<Retention> logger)
{
    public async Task<RetentionResult> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in references) keep.UnionWith(await source.OutboxIdsInUseAsync(ct));

        var inboxRemoved = await inbox.RemoveHandledBeforeAsync(now.AddDays(-settings.InboxDays), ct);
        var (outboxRemoved, kept) = await outbox.RemoveSentBeforeAsync(now.AddDays(-settings.OutboxDays), keep, ct);
        var result = new RetentionResult(inboxRemoved, outboxRemoved, kept);
        if (inboxRemoved + outboxRemoved > 0)
            logger.LogInformation("Retention removed {Inbox} handled updates and {Outbox} sent messages (kept {Kept} for cards)", inboxRemoved, outboxRemoved, kept);
        return result;
    }
}
