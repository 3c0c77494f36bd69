using BotPlatform.Core.Common;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;

namespace BotPlatform.Core.Projects.Archive;

/// <summary>Who wrote a message, as Telegram shows them.</summary>
public sealed record MessageAuthor(long UserId, string Name, string? Username, bool IsBot);

/// <summary>A message (or its edit) in a group, read from an update by the bot's gateway.</summary>
public sealed record GroupMessage(
    long ChatId,
    int MessageId,
    DateTimeOffset At,
    MessageAuthor? From,
    string? Text,
    IReadOnlyList<ArchivedFile> Files,
    int? ReplyToMessageId = null,
    string? ForwardedFrom = null,
    DateTimeOffset? EditedAt = null,
    ArchivedEvent Event = ArchivedEvent.None,
    string? EventArgument = null);

/// <summary>
/// Keeps every message of a linked client group with its projects: new messages once (a replayed update
/// finds its message stored), edits as versions, the message a reply quotes when the bot never saw it
/// (privacy mode). Messages of groups linked to no project are not kept.
/// </summary>
public sealed class GroupArchive(IGroupArchiveStore store, IProjectStore projects, IPeopleStore people, TimeProvider time) : IChatMigrationObserver
{
    /// <summary>Stores the message (and the one it replies to, as quoted) when its group is linked; false when nothing changed.</summary>
    public async Task<bool> RecordAsync(GroupMessage message, GroupMessage? quoted, CancellationToken ct)
    {
        var linked = await projects.ByGroupAsync(message.ChatId, ct);
        if (linked.Count == 0) return false;
        var changed = false;
        if (quoted is not null && await store.GetAsync(quoted.ChatId, quoted.MessageId, ct) is null)
            changed |= await store.TryInsertAsync(await NewAsync(quoted with { EditedAt = null }, fromQuote: true, ct), ct);
        return await KeepAsync(message, ct) | changed;
    }

    private async Task<bool> KeepAsync(GroupMessage message, CancellationToken ct)
    {
        var version = Version(message);
        if (await store.GetAsync(message.ChatId, message.MessageId, ct) is not { } stored)
            return await store.TryInsertAsync(await NewAsync(message, fromQuote: false, ct), ct);
        if (stored.FromQuote && message.EditedAt is null)
        {
            // Seen first in a reply's quote, now in full (e.g. privacy mode was turned off meanwhile).
            stored.FromQuote = false;
            stored.Versions[0] = version;
            await store.UpdateAsync(stored, ct);
            return true;
        }
        // A replayed edit finds its version (same instant, same content); two edits within one second both count.
        if (message.EditedAt is null || stored.Versions.Any(v => v.Edited && v.At == version.At && v.SameContent(version)) || stored.Current.SameContent(version)) return false;
        stored.Versions.Add(version);
        await store.UpdateAsync(stored, ct);
        return true;
    }

    private async Task<ArchivedMessage> NewAsync(GroupMessage message, bool fromQuote, CancellationToken ct)
    {
        var person = message.From is { IsBot: false } from ? await people.FindByTelegramIdAsync(from.UserId, ct) : null;
        return new ArchivedMessage
        {
            Id = ArchivedMessage.Key(message.ChatId, message.MessageId),
            GroupId = message.ChatId,
            ChatId = message.ChatId,
            MessageId = message.MessageId,
            At = message.At,
            FromUserId = message.From?.UserId,
            // Staff by the name the agency knows them by; the client's people as Telegram shows them.
            FromName = person?.Name ?? message.From?.Name ?? "",
            FromUsername = message.From?.Username,
            FromBot = message.From?.IsBot ?? false,
            PersonId = person?.Id,
            ReplyToMessageId = message.ReplyToMessageId,
            ForwardedFrom = message.ForwardedFrom,
            Event = message.Event,
            EventArgument = message.EventArgument,
            Versions = [Version(message)],
            FromQuote = fromQuote,
            RecordedAt = time.GetUtcNow(),
        };
    }

    private static MessageVersion Version(GroupMessage message) => new()
    {
        At = message.EditedAt ?? message.At,
        Edited = message.EditedAt is not null,
        Text = message.Text,
        Files = [.. message.Files],
    };

    public async Task MigratedAsync(long fromChatId, long toChatId, CancellationToken ct) => await store.MoveGroupAsync(fromChatId, toChatId, ct);

    /// <summary>
    /// The project's conversation in the order it was written: the messages of every group linked to it (a
    /// migrated group's earlier chat first, as its messages came first).
    /// </summary>
    public async Task<IReadOnlyList<ArchivedMessage>> ConversationAsync(Project project, CancellationToken ct)
    {
        if (project.GroupChatIds.Count == 0) return [];
        var all = await store.ByGroupsAsync(project.GroupChatIds, ct);
        var firstSeen = all.GroupBy(m => m.ChatId).ToDictionary(g => g.Key, g => g.Min(m => m.At));
        return [.. all.OrderBy(m => m.At).ThenBy(m => firstSeen[m.ChatId]).ThenBy(m => m.ChatId == m.GroupId ? 1 : 0).ThenBy(m => m.MessageId)];
    }

    /// <summary>Who may read a project's archive: its PM, the people on its tasks, and the director, ops manager and admins.</summary>
    public static bool MayRead(Project project, IEnumerable<ProjectTask> tasks, Person person) =>
        person.IsActive && (person.Id == project.PmId
                            || person.Has(Role.Director) || person.Has(Role.OpsManager) || person.Has(Role.Admin)
                            || tasks.Any(t => t.ExecutorId == person.Id || t.AuditorId == person.Id));
}
