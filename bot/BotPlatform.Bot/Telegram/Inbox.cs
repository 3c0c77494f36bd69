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
        var stored = 0;
        foreach (var update in updates)
        {
            var item = new InboxItem
            {
                Id = update.Id,
                ChatKey = UpdateShape.ChatKey(update),
                Payload = JsonSerializer.Serialize(update, JsonBotAPI.Options),
                ReceivedAt = clock.Now,
                NextAttemptAt = clock.Now,
            };
            if (await inbox.TryAddAsync(item, ct)) stored++;
        }
        if (stored > 0) dispatcher.Wake();
        return stored;
    }
}
