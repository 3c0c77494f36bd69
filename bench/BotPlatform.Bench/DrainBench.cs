using System.Diagnostics;
using BotPlatform.Core.Messaging;
using BotPlatform.Testing;

namespace BotPlatform.Bench;

/// <summary>
/// 3. Time to drain a broadcast stored straight in the outbox, next to the least time Telegram's limits allow.
/// Half the chats are private chats of users who wrote to the bot first (the fake refuses others); their
/// replies are sent before the clock starts. The other half are groups with the bot in them.
/// </summary>
internal static class DrainBench
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(20);

    public static async Task RunAsync(int messages, int chats, Report report, CancellationToken ct)
    {
        var privateChats = chats / 2;
        var groups = chats - privateChats;
        report.Section("3. drain: outbox to Telegram within its limits",
            Report.Invariant($"{messages:#,0} messages round robin to {chats:#,0} chats ({privateChats:#,0} private, {groups:#,0} groups), ") +
            "enqueued at once through IOutboxStore; the sender paces them to 30/s overall, 3 per 3 s per private chat, 20/min per group.");
        report.Progress("starting the bot host");
        await using var host = await BenchHost.StartAsync(ct);
        var tg = host.Tg;

        var privateIds = new List<long>();
        if (privateChats > 0)
        {
            report.Progress(Report.Invariant($"{privateChats:#,0} users write to the bot first; waiting for its {privateChats:#,0} replies"));
            var users = Enumerable.Range(0, privateChats).Select(i => tg.CreateUser(Report.Invariant($"Reader {i}"))).ToList();
            foreach (var user in users) tg.SendText(user, "hello");
            await tg.WaitUntilAsync(() => tg.Sends.Count >= privateChats,
                TimeSpan.FromSeconds(60 + privateChats / 15.0), ct);
            privateIds.AddRange(users.Select(u => u.Id));
        }
        var groupIds = Enumerable.Range(0, groups).Select(i => tg.CreateGroup(Report.Invariant($"Group {i}")).Id).ToList();
        // Private chats and groups alternate, as on a mixed broadcast list.
        var chatIds = Enumerable.Range(0, chats)
            .Select(i => i % 2 == 0 && i / 2 < groupIds.Count ? groupIds[i / 2] : privateIds[i / 2])
            .ToList();

        var outgoing = new Outgoing("bench-drain", TimeProvider.System);
        for (var i = 0; i < messages; i++)
            outgoing.Send(chatIds[i % chats], Report.Invariant($"Broadcast {i / chats + 1}, chat {i % chats + 1}"));
        var perChat = outgoing.Messages.GroupBy(m => m.ChatId).ToDictionary(g => g.Key, g => g.Count());
        var sendsBefore = tg.Sends.Count;
        var rejectedBefore = RefusedSends(tg).Count;
        var bound = TelegramLimits.LeastDrainTime(messages, perChat);
        var giveUpAfter = TimeSpan.FromSeconds(bound.TotalSeconds * 3 + 120);

        report.Progress(Report.Invariant($"draining {messages:#,0} messages; Telegram's limits allow no less than {Report.Seconds(bound)}"));
        var clock = Stopwatch.StartNew();
        await host.Get<IOutboxStore>().EnqueueAsync(outgoing.Messages, ct);
        var stored = clock.Elapsed;
        string? problem = null;
        while (tg.Sends.Count - sendsBefore + (RefusedSends(tg).Count - rejectedBefore) < messages)
        {
            if (clock.Elapsed > giveUpAfter)
            {
                problem = "gave up waiting after " + Report.Seconds(giveUpAfter);
                break;
            }
            await Task.Delay(PollEvery, ct);
        }
        var drained = clock.Elapsed;

        var sends = tg.Sends.Skip(sendsBefore).ToList();
        var rejected = RefusedSends(tg).Skip(rejectedBefore).ToList();
        var span = sends.Count > 1 ? sends[^1].At - sends[0].At : TimeSpan.Zero;
        var privateTimes = sends.Where(s => s.ChatId > 0).GroupBy(s => s.ChatId)
            .Select(g => Stats.MaxInWindow(g.Select(s => s.At).ToList(), TelegramLimits.PrivateWindow)).DefaultIfEmpty().Max();
        var groupTimes = sends.Where(s => s.ChatId < 0).GroupBy(s => s.ChatId)
            .Select(g => Stats.MaxInWindow(g.Select(s => s.At).ToList(), TelegramLimits.GroupWindow)).DefaultIfEmpty().Max();

        report.Figure("drain time", Report.Seconds(drained),
            Report.Invariant($"from EnqueueAsync (storing took {Report.Seconds(stored)}) until the fake had received all {messages:#,0} sends"));
        report.Figure("least time allowed", Report.Seconds(bound),
            Report.Invariant($"max({messages:#,0}/30 s overall, the busiest chat's (ceil(k/limit)-1) x window), by Telegram's limits without margins"));
        report.Figure("ratio", Report.Invariant($"{drained / bound:0.00}x"),
            "drain time / least time allowed (the sender stretches every window by a 5% safety margin)");
        report.Figure("first -> last send", Report.Seconds(span),
            Report.Invariant($"{(span > TimeSpan.Zero ? (sends.Count - 1) / span.TotalSeconds : 0):0.0} sends/s while draining, on the fake's clock"));
        report.Figure("MaxInWindow(1 s)", Report.Invariant($"{tg.MaxInWindow(TimeSpan.FromSeconds(1))}"),
            "the most sends the fake saw in any 1 s, over the whole run (Telegram's limit: 30)");
        report.Figure("busiest private chat", Report.Invariant($"{privateTimes}"),
            "the most drain sends one private chat got in any 3 s (limit: 3)");
        report.Figure("busiest group", Report.Invariant($"{groupTimes}"),
            "the most drain sends one group got in any 60 s (limit: 20)");
        if (rejected.Count > 0)
            report.Note(Report.Invariant($"{rejected.Count} sends were refused: ") + string.Join("; ",
                rejected.GroupBy(r => $"{r.Method} {r.StatusCode} {r.Description}").Select(g => Report.Invariant($"{g.Count()} x {g.Key}"))));
        if (problem is not null) report.Note(problem);
    }

    private static List<RequestRecord> RefusedSends(BotApiEngine tg) => tg.Rejected.Where(r => r.Method == "sendMessage").ToList();
}

/// <summary>Telegram's documented sending limits, as the outbox's defaults encode them.</summary>
internal static class TelegramLimits
{
    public const int GlobalPerSecond = 30;
    public const int PrivatePerWindow = 3;
    public const int GroupPerWindow = 20;
    public static readonly TimeSpan PrivateWindow = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan GroupWindow = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The least time from the first send to the last: the overall rate, or a chat with k messages and a
    /// limit of n per window, which sends n at once and must wait a whole window before each next n.
    /// </summary>
    public static TimeSpan LeastDrainTime(int messages, IReadOnlyDictionary<long, int> perChat)
    {
        var overall = TimeSpan.FromSeconds((double)messages / GlobalPerSecond);
        var busiestChat = perChat.Select(c => c.Key > 0
                ? PrivateWindow * (Math.Ceiling((double)c.Value / PrivatePerWindow) - 1)
                : GroupWindow * (Math.Ceiling((double)c.Value / GroupPerWindow) - 1))
            .DefaultIfEmpty(TimeSpan.Zero)
            .Max();
        return overall > busiestChat ? overall : busiestChat;
    }
}
