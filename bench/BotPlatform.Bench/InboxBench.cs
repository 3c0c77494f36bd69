using System.Diagnostics;
using BotPlatform.Core.Messaging;
using BotPlatform.Testing;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace BotPlatform.Bench;

/// <summary>
/// 1. Updates handled per second by the real host (getUpdates -> LiteDB inbox -> dispatcher -> handler ->
/// outbox -> inbox item Done), next to the same Telegram.Bot client polling the same fake with an empty
/// handler. Both first take a small warm-up batch so that JIT and connection set-up stay out of the figure.
/// </summary>
internal static class InboxBench
{
    private const int MaxUsers = 200;
    private const int WarmUpUsers = 10;
    private static readonly string[] WarmUpTexts = ["/start", "/whoami", "hello"];
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(10);

    public static async Task RunAsync(int updates, Report report, CancellationToken ct)
    {
        var users = Math.Min(MaxUsers, updates);
        report.Section("1. inbox: updates handled per second",
            Report.Invariant($"{updates:#,0} updates from {users} users: each user's first is /start, the rest /whoami; ") +
            "the staff of the sample organisation file are among the users, the others are strangers.");

        var host = await MeasureHostAsync(updates, users, report, ct);
        var bare = await MeasureBarePollingAsync(updates, users, ct);

        report.Figure("with inbox", Report.Count(updates / host.Handled.TotalSeconds, "updates/s"),
            Report.Invariant($"real host: {Report.Seconds(host.Handled)} until every update is Done in IInboxStore ") +
            "(handled, replies stored in the outbox; the paced sending of the replies is not waited for)");
        report.Figure("  received and stored", Report.Count(updates / host.Stored.TotalSeconds, "updates/s"),
            Report.Invariant($"{Report.Seconds(host.Stored)} until the fake had handed out every update (the gateway stores a batch before it confirms it)"));
        report.Figure("bare polling loop", Report.Count(updates / bare.TotalSeconds, "updates/s"),
            Report.Invariant($"{Report.Duration(bare)} for the same Telegram.Bot client: GetUpdates(offset, 100, timeout), empty handler, offset advanced"));
        report.Figure("inbox / bare time", Report.Invariant($"{host.Handled / bare:0.0}x"),
            "how much longer persisting and handling takes than just receiving the updates");
        if (host.Problem is { } problem) report.Note(problem);
    }

    private sealed record HostResult(TimeSpan Stored, TimeSpan Handled, string? Problem);

    private static async Task<HostResult> MeasureHostAsync(int updates, int userCount, Report report, CancellationToken ct)
    {
        report.Progress("starting the bot host");
        await using var host = await BenchHost.StartAsync(ct);
        var tg = host.Tg;
        var inbox = host.Get<IInboxStore>();

        var warmUp = CreateUsers(tg, "Warm-up", WarmUpUsers, []);
        SendWarmUp(tg, warmUp);
        await WaitUntilHandledAsync(tg, inbox, TimeSpan.FromMinutes(1), ct);
        var firstId = WarmUpUsers * WarmUpTexts.Length + 1; // the fake numbers updates 1, 2, 3, ... as users act
        var lastId = firstId + updates - 1;

        var users = CreateUsers(tg, "User", userCount, await host.UnlinkedStaffAsync(ct));
        report.Progress(Report.Invariant($"sending {updates:#,0} updates"));
        var clock = Stopwatch.StartNew();
        SendLoad(tg, users, updates);
        TimeSpan? stored = null;
        string? problem = null;
        while (true)
        {
            if (stored is null && tg.PendingUpdateCount == 0) stored = clock.Elapsed;
            if (stored is not null
                && await inbox.GetAsync(lastId, ct) is { Status: not InboxStatus.Pending }
                && (await inbox.PendingAsync(1, ct)).Count == 0)
                break;
            if (clock.Elapsed > GiveUpAfter)
            {
                problem = "gave up waiting: not every update was handled within " + Report.Seconds(GiveUpAfter);
                break;
            }
            await Task.Delay(PollEvery, ct);
        }
        var handled = clock.Elapsed;

        var (done, parked, missing) = (0, 0, 0);
        for (long id = firstId; id <= lastId; id++)
        {
            switch ((await inbox.GetAsync(id, ct))?.Status)
            {
                case InboxStatus.Done: done++; break;
                case InboxStatus.Parked: parked++; break;
                default: missing++; break;
            }
        }
        if (parked + missing > 0 || await inbox.GetAsync(lastId + 1, ct) is not null)
            problem = Report.Invariant($"{done} Done, {parked} parked, {missing} missing or pending of update ids {firstId}..{lastId}; ") + problem;
        return new HostResult(stored ?? handled, handled, problem);
    }

    private static async Task<TimeSpan> MeasureBarePollingAsync(int updates, int userCount, CancellationToken ct)
    {
        await using var telegram = await FakeTelegram.StartAsync();
        var tg = telegram.Engine;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(40) };
        var client = new TelegramBotClient(new TelegramBotClientOptions(telegram.Token, telegram.BaseUrl) { RetryThreshold = 0 }, http);
        var warmUp = CreateUsers(tg, "Warm-up", WarmUpUsers, []);
        var users = CreateUsers(tg, "User", userCount, []);
        var target = warmUp.Count * WarmUpTexts.Length;
        var received = 0;
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var loop = Task.Run(async () =>
        {
            var offset = 0;
            while (!stop.IsCancellationRequested)
            {
                var batch = await client.GetUpdates(offset, 100, 10, cancellationToken: stop.Token);
                if (batch.Length == 0) continue;
                offset = batch.Max(u => u.Id) + 1;
                if (Interlocked.Add(ref received, batch.Length) >= Volatile.Read(ref target)) reached.TrySetResult();
            }
        }, CancellationToken.None);

        await tg.WaitUntilAsync(() => tg.IsLongPolling, TimeSpan.FromSeconds(30), ct);
        SendWarmUp(tg, warmUp);
        await reached.Task.WaitAsync(TimeSpan.FromMinutes(1), ct);

        reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref target, target + updates);
        var clock = Stopwatch.StartNew();
        SendLoad(tg, users, updates);
        if (Volatile.Read(ref received) >= target) reached.TrySetResult();
        await reached.Task.WaitAsync(GiveUpAfter, ct);
        var elapsed = clock.Elapsed;

        await stop.CancelAsync();
        try
        {
            await loop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or RequestException)
        {
            // The loop was stopped mid-poll.
        }
        return elapsed;
    }

    /// <summary>Users named after <paramref name="usernames"/> first (staff to be linked), then strangers.</summary>
    private static List<FakeUser> CreateUsers(BotApiEngine tg, string name, int count, IReadOnlyList<string> usernames) =>
        Enumerable.Range(0, count)
            .Select(i => tg.CreateUser(Report.Invariant($"{name} {i}"), i < usernames.Count ? usernames[i] : Report.Invariant($"bench_{name.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant()}_{i}")))
            .ToList();

    private static void SendWarmUp(BotApiEngine tg, List<FakeUser> users)
    {
        foreach (var text in WarmUpTexts)
            foreach (var user in users)
                tg.SendText(user, text);
    }

    /// <summary>Round robin over the users, as traffic from many chats arrives: update j goes to user j mod users.</summary>
    private static void SendLoad(BotApiEngine tg, List<FakeUser> users, int updates)
    {
        for (var j = 0; j < updates; j++) tg.SendText(users[j % users.Count], j < users.Count ? "/start" : "/whoami");
    }

    private static async Task WaitUntilHandledAsync(BotApiEngine tg, IInboxStore inbox, TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (tg.PendingUpdateCount > 0 || (await inbox.PendingAsync(1, ct)).Count > 0)
        {
            if (clock.Elapsed > timeout) throw new TimeoutException("The warm-up updates were not handled within " + Report.Seconds(timeout));
            await Task.Delay(PollEvery, ct);
        }
    }
}
