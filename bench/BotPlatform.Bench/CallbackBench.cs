using System.Diagnostics;
using BotPlatform.Core.Messaging;
using BotPlatform.Testing;

namespace BotPlatform.Bench;

/// <summary>
/// 2. Latency from a button press to its answerCallbackQuery while updates arrive at a steady rate: half are
/// presses of the /lang menu's buttons, half text messages (/whoami, plain text) whose replies pile up in the
/// outbox. The bot answers a press at once, outside the outbox, so the outbox backlog should not show here;
/// an inbox backlog (updates arriving faster than they are handled) does.
/// </summary>
internal static class CallbackBench
{
    private const int Users = 100;
    private static readonly TimeSpan LoadTime = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromMinutes(2);
    private static readonly (string Text, string Data)[] LanguageButtons = [("English", "lang:en"), ("Русский", "lang:ru")];

    public static async Task RunAsync(int updatesPerSecond, Report report, CancellationToken ct)
    {
        var total = (int)(updatesPerSecond * LoadTime.TotalSeconds);
        report.Section("2. callbacks: button press -> answerCallbackQuery latency under load",
            Report.Invariant($"{updatesPerSecond} updates/s for {LoadTime.TotalSeconds:0} s from {Users} users who did /start and /lang: ") +
            "every other update presses English/Русский on the user's /lang menu, the rest are /whoami or plain text.");
        report.Progress("starting the bot host");
        await using var host = await BenchHost.StartAsync(ct);
        var tg = host.Tg;

        var staff = await host.UnlinkedStaffAsync(ct);
        var users = Enumerable.Range(0, Users)
            .Select(i => tg.CreateUser(Report.Invariant($"Presser {i}"), i < staff.Count ? staff[i] : Report.Invariant($"bench_presser_{i}"), i % 2 == 0 ? "ru" : "en"))
            .ToList();
        report.Progress("users send /start and /lang; waiting for their menus");
        foreach (var user in users) tg.SendText(user, "/start");
        foreach (var user in users) tg.SendText(user, "/lang");
        var menus = await WaitForMenusAsync(tg, users, ct);

        report.Progress(Report.Invariant($"load: {total:#,0} updates at {updatesPerSecond} updates/s"));
        var presses = new List<string>();
        var fallbacks = 0;
        var random = new Random(20260101);
        var sent = 0;
        var clock = Stopwatch.StartNew();
        using (var timer = new PeriodicTimer(Tick))
        {
            while (sent < total)
            {
                var due = Math.Min(total, (int)(clock.Elapsed.TotalSeconds * updatesPerSecond));
                for (; sent < due; sent++)
                {
                    var user = users[random.Next(users.Count)];
                    if (sent % 2 == 0)
                    {
                        var (id, fellBack) = Press(tg, user, menus[user.Id], LanguageButtons[sent / 2 % 2]);
                        presses.Add(id);
                        if (fellBack) fallbacks++;
                    }
                    else
                    {
                        tg.SendText(user, sent % 4 == 1 ? "/whoami" : "hello");
                    }
                }
                if (sent < total) await timer.WaitForNextTickAsync(ct);
            }
        }
        var loadTime = clock.Elapsed;
        var backlog = tg.PendingUpdateCount + (await host.Get<IInboxStore>().PendingAsync(int.MaxValue, ct)).Count;

        var unanswered = 0;
        try
        {
            await tg.WaitUntilAsync(() => presses.TrueForAll(id => tg.CallbackAnswer(id) is not null), AnswerTimeout, ct);
        }
        catch (TimeoutException)
        {
            unanswered = presses.Count(id => tg.CallbackAnswer(id) is null);
        }
        var allAnswered = clock.Elapsed;
        var latencies = presses.Select(id => tg.CallbackAnswer(id)?.Latency).OfType<TimeSpan>().Order().ToList();

        report.Figure("offered load", Report.Count(sent / loadTime.TotalSeconds, "updates/s"),
            Report.Invariant($"{sent:#,0} updates in {Report.Seconds(loadTime)}: {presses.Count:#,0} presses, {sent - presses.Count:#,0} texts"));
        report.Figure("p50 press -> answer", Report.Millis(Stats.Percentile(latencies, 0.50)),
            "half the presses were answered faster (the fake's real-time clock, from the press to answerCallbackQuery)");
        report.Figure("p99 press -> answer", Report.Millis(Stats.Percentile(latencies, 0.99)),
            "99% of the presses were answered faster");
        report.Figure("max press -> answer", Report.Millis(latencies.Count == 0 ? TimeSpan.Zero : latencies[^1]),
            "the slowest answer");
        report.Figure("answered", Report.Invariant($"{latencies.Count:#,0}/{presses.Count:#,0}"),
            Report.Invariant($"the last one {Report.Seconds(allAnswered - loadTime)} after the load stopped") +
            (unanswered > 0 ? Report.Invariant($"; {unanswered} still unanswered after {Report.Seconds(AnswerTimeout)}") : ""));
        report.Figure("inbox backlog at the end", Report.Count(backlog, "updates"),
            "received or waiting in the fake but not yet handled when the load stopped; above zero, the host could not keep up and presses queued behind it");
        if (fallbacks > 0)
            report.Note(Report.Invariant($"{fallbacks:#,0} presses hit a menu whose buttons an earlier press had already edited away; ") +
                        "they were sent with that button's callback data (PressCallbackData), the same update as a press.");
    }

    /// <summary>Each user's /lang menu: the bot message with the language buttons.</summary>
    private static async Task<Dictionary<long, FakeMessage>> WaitForMenusAsync(BotApiEngine tg, List<FakeUser> users, CancellationToken ct)
    {
        var menus = new Dictionary<long, FakeMessage>();
        await tg.WaitUntilAsync(() =>
        {
            foreach (var user in users.Where(u => !menus.ContainsKey(u.Id)))
                if (tg.BotMessages(user.PrivateChat).FirstOrDefault(m => m.Button(LanguageButtons[0].Text) is not null) is { } menu)
                    menus[user.Id] = menu;
            return menus.Count == users.Count;
        }, TimeSpan.FromMinutes(2), ct);
        return menus;
    }

    /// <summary>Presses the button; once an earlier press's edit has removed it, sends the same callback data.</summary>
    private static (string Id, bool FellBack) Press(BotApiEngine tg, FakeUser user, FakeMessage menu, (string Text, string Data) button)
    {
        try
        {
            return (tg.PressButton(user, menu, button.Text), false);
        }
        catch (InvalidOperationException)
        {
            return (tg.PressCallbackData(user, menu, button.Data), true);
        }
    }
}
