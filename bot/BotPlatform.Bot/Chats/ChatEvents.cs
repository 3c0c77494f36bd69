using BotPlatform.Bot.Routing;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.Enums;

namespace BotPlatform.Bot.Chats;

/// <summary>
/// my_chat_member: the bot was added to or removed from a group, or a person blocked or unblocked it
/// in their private chat. Sends to an unreachable chat are skipped until it is reachable again.
/// </summary>
public sealed class MembershipHandler(IChatStore chats, IPeopleStore people, TimeProvider time) : IServiceUpdateHandler
{
    public bool Accepts(Update update) => update.MyChatMember is not null;

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (context.Update.MyChatMember is not { Chat: var chat, NewChatMember.Status: var status }) return;
        var record = await chats.GetAsync(chat.Id, ct) ?? new ChatRecord { Id = chat.Id };
        record.IsGroup = chat.Type is ChatType.Group or ChatType.Supergroup;
        record.Title = chat.Title ?? record.Title;
        var gone = status is ChatMemberStatus.Left or ChatMemberStatus.Kicked;
        var now = time.GetUtcNow();
        record.UnreachableSince = gone ? now : null;
        record.UnreachableReason = gone ? (record.IsGroup ? ChatRecord.RemovedFromGroup : ChatRecord.BlockedByUser) : null;
        await chats.SaveAsync(record, ct);
        if (chat.Type == ChatType.Private) await MarkPersonAsync(chat.Id, gone ? now : null, ct);
    }

    private async Task MarkPersonAsync(long userId, DateTimeOffset? blockedAt, CancellationToken ct)
    {
        if (await people.FindByTelegramIdAsync(userId, ct) is not { } person) return;
        await people.ChangeAsync(person.Id, p =>
        {
            p.BlockedBotAt = blockedAt;
            return true;
        }, ct);
    }
}

/// <summary>A group became a supergroup: remember the new id and move pending messages there.</summary>
public sealed class MigrationHandler(IChatStore chats, IOutboxStore outbox, IEnumerable<IChatMigrationObserver> observers) : IServiceUpdateHandler
{
    public bool Accepts(Update update) => update.Message is { MigrateToChatId: not null } or { MigrateFromChatId: not null };

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        var (oldId, newId) = context.Update.Message switch
        {
            { MigrateToChatId: { } to, Chat.Id: var from } => (from, to),
            { MigrateFromChatId: { } from, Chat.Id: var to } => (from, to),
            _ => (0L, 0L),
        };
        if (oldId == 0) return;
        var record = await chats.GetAsync(oldId, ct) ?? new ChatRecord { Id = oldId, IsGroup = true };
        record.MigratedTo = newId;
        await chats.SaveAsync(record, ct);
        if (await chats.GetAsync(newId, ct) is null)
            await chats.SaveAsync(new ChatRecord { Id = newId, IsGroup = true, Title = record.Title }, ct);
        await outbox.RetargetChatAsync(oldId, newId, ct);
        foreach (var observer in observers) await observer.MigratedAsync(oldId, newId, ct);
    }
}
