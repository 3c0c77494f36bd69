using BotPlatform.Core.Messaging;
using BotPlatform.Core.Timers;
using BotPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Tests.Support;

/// <summary>Helpers that make a test read like a chat: who says what, what the bot answers.</summary>
public static class Conversations
{
    /// <summary>The user writes in their private chat; returns the bot's first answer after it.</summary>
    public static async Task<FakeMessage> SaysAsync(this BotHost host, FakeUser user, string text, Func<FakeMessage, bool>? answer = null)
    {
        host.Tg.SendText(user, text);
        return await host.Tg.WaitForBotMessageAsync(user.PrivateChat, answer);
    }

    /// <summary>The user writes in a group; returns the bot's first answer there after it.</summary>
    public static async Task<FakeMessage> SaysInAsync(this BotHost host, FakeUser user, FakeChat chat, string text, Func<FakeMessage, bool>? answer = null)
    {
        host.Tg.SendText(user, chat, text);
        return await host.Tg.WaitForBotMessageAsync(chat, answer);
    }

    /// <summary>The user presses a button on a bot message; returns the answer shown on the spinner.</summary>
    public static async Task<CallbackAnswerInfo> PressesAsync(this BotHost host, FakeUser user, FakeMessage message, string button)
    {
        var id = host.Tg.PressButton(user, message, button);
        return await host.Tg.WaitForCallbackAnswerAsync(id);
    }

    /// <summary>A user from the test organisation, registered with /start.</summary>
    public static async Task<FakeUser> JoinedAsync(this BotHost host, string firstName, string username, string language = "ru")
    {
        var user = host.Tg.CreateUser(firstName, username, language);
        await host.SaysAsync(user, "/start");
        // Everything /start sends lands before the test's next step, or a late part of it would be
        // taken for the answer to that step.
        await host.IdleAsync();
        return user;
    }

    /// <summary>The latest text of a message, re-read from the chat (after edits).</summary>
    public static string Latest(this BotHost host, FakeMessage message) =>
        host.Tg.Message(host.Tg.Chat(message.ChatId), message.MessageId).TextOrCaption ?? "";

    /// <summary>
    /// Moves business time to <paramref name="when"/> and lets the host's own Quartz schedule sweep the
    /// timers (Quartz runs on the injected TimeProvider; a jump past the trigger is a misfire, which
    /// the schedule handles by sweeping at once). The clock is never nudged: a sweep happens at
    /// exactly <paramref name="when"/>, so tests can assert what has and has not fired by then.
    /// </summary>
    public static async Task AdvanceToAsync(this BotHost host, DateTimeOffset when)
    {
        var sweep = host.Services.GetRequiredService<TimerSweep>();
        var before = sweep.Runs;
        host.Time.SetUtcNow(when);
        await host.Tg.WaitUntilAsync(() => sweep.Runs > before, TimeSpan.FromSeconds(10));
        await host.IdleAsync();
    }

    /// <summary>Waits until the outbox has nothing pending and the inbox nothing to handle.</summary>
    public static async Task IdleAsync(this BotHost host)
    {
        var outbox = host.Get<IOutboxStore>();
        var inbox = host.Get<IInboxStore>();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await outbox.PendingAsync(1, default)).Count > 0 || (await inbox.PendingAsync(1, default)).Count > 0)
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(15)) throw new TimeoutException("The host did not become idle");
            await Task.Delay(20);
        }
    }

    /// <summary>The bot never made a call Telegram would refuse (apart from faults the test injected).</summary>
    public static void AssertNoInvalidCalls(this BotHost host)
    {
        var invalid = host.Tg.Rejected.Where(r => !r.FaultInjected && r.StatusCode == 400).ToList();
        Assert.True(invalid.Count == 0, "Telegram would refuse: " + string.Join("; ", invalid.Select(r => $"{r.Method}: {r.Description}")));
    }
}
