using System.Text.Json;
using BotPlatform.Core.Messaging;
using global::Telegram.Bot;
using global::Telegram.Bot.Types;

namespace BotPlatform.Bot.Telegram;

/// <summary>Stores received updates (once each) and wakes the dispatcher.</summary>
public sealed class InboxWriter(IInboxStore inbox, Dispatcher dispatcher, TransportClock clock)
{
    public async Task<int> StoreAsync(IEnumerable<Update> updates, CancellationToken ct)
    {
        var now = clock.Now;
        var items = updates.Select(update => new InboxItem
        {
            Id = update.Id,
            ChatKey = UpdateShape.ChatKey(update),
            Payload = JsonSerializer.Serialize(update, JsonBotAPI.Options),
            ReceivedAt = now,
            NextAttemptAt = now,
        }).ToList();
        var stored = await inbox.AddNewAsync(items, ct);
        if (stored > 0) dispatcher.Wake();
        return stored;
    }
}
