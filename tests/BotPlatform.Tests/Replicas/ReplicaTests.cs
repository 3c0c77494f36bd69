using System.Collections.Concurrent;
using BotPlatform.Bot.Routing;
using BotPlatform.Bot.Telegram;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Messaging;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Tests.Replicas;

/// <summary>
/// Three hosts on one PostgreSQL database behind the fake Bot API, which delivers the webhook to them
/// in turn (a load balancer): every update handled once, each chat in order, the bot as a whole within
/// Telegram's limits, and two presses on one card at two replicas make one decision.
/// </summary>
public sealed class ReplicaTests
{
    private const string Secret = "replicas-secret";
    private const string Approve = "✅ Согласовать";

    [Fact]
    public async Task Three_replicas_handle_1000_updates_from_100_users_once_each_in_order_per_chat_within_telegrams_limits()
    {
        var handled = new HandledUpdates();
        await using var first = await StartAsync(handled);
        await using var second = first.StartReplica();
        await using var third = first.StartReplica();
        BehindOneWebhook(first, second, third);
        var users = Enumerable.Range(0, 100).Select(i => first.Tg.CreateUser($"U{i}", $"user{i}")).ToList();
        var before = first.Tg.Sends.Count;

        for (var n = 0; n < 10; n++)
            foreach (var user in users)
                first.Tg.SendText(user, $"/tick {n}");
        await first.Tg.WaitUntilAsync(() => first.Tg.Sends.Count >= before + 1000, TimeSpan.FromSeconds(150));
        await first.IdleAsync();

        var all = handled.All;
        Assert.Equal(1000, all.Count);
        Assert.All(all.GroupBy(h => h.UpdateId), g => Assert.Single(g));
        foreach (var chat in all.GroupBy(h => h.ChatId))
            Assert.Equal(Enumerable.Range(0, 10), chat.Select(h => h.N));
        foreach (var user in users)
            Assert.Equal(Enumerable.Range(0, 10).Select(n => $"tick {n}"), first.Tg.BotMessages(user.PrivateChat).Select(m => m.Text));
        Assert.Equal(3, all.Select(h => h.Replica).Distinct().Count());
        Assert.All(first.Tg.WebhookDeliveriesByReplica, count => Assert.InRange(count, 300, 400));
        Assert.Equal(before + 1000, first.Tg.Sends.Count);
        Assert.InRange(first.Tg.MaxInWindow(TimeSpan.FromSeconds(1)), 1, 30);
        foreach (var user in users)
            Assert.InRange(first.Tg.MaxInWindow(TimeSpan.FromSeconds(3), user.Id), 1, 3);
        Assert.Empty(first.Tg.Rejected);
        Assert.Empty(await first.Get<IInboxStore>().PendingAsync(1, default));
    }

    [Fact]
    public async Task Two_presses_on_one_card_at_two_replicas_at_the_same_moment_make_one_decision()
    {
        await using var first = await StartAsync(new HandledUpdates());
        await using var second = first.StartReplica();
        BehindOneWebhook(first, second);
        var p = await ApprovalPeople.JoinAsync(first);
        await first.FilePaymentAsync(p.Olga);
        var headCard = first.CardWith(p.Igor, Approve);
        await first.PressesAsync(p.Igor, headCard, Approve);
        await first.IdleAsync();
        var mariaCard = first.CardWith(p.Maria, Approve);
        var request = await first.RequestAsync("ЗО-2026-0001");
        var anchor = await first.SaysAsync(p.Anna, "/whoami");
        first.Tg.PressCallbackData(p.Anna, anchor, ApprovalButtons.Data(request.Id, 0, ApprovalButtons.Show));
        var annaCard = await first.Tg.WaitForBotMessageAsync(p.Anna.PrivateChat, m => m.Button(Approve) is not null);
        var deliveries = first.Tg.WebhookDeliveriesByReplica.ToArray();

        var one = first.Tg.PressButton(p.Maria, mariaCard, Approve);
        var other = first.Tg.PressButton(p.Anna, annaCard, Approve);
        var answers = new[] { await first.Tg.WaitForCallbackAnswerAsync(one), await first.Tg.WaitForCallbackAnswerAsync(other) };
        await first.IdleAsync();

        // The two presses went to different replicas.
        Assert.Equal([1, 1], first.Tg.WebhookDeliveriesByReplica.Zip(deliveries, (now, then) => now - then));
        request = await first.RequestAsync("ЗО-2026-0001");
        Assert.Single(request.History, e => e.Action == ApprovalActions.Approved && e.Step == "Финансовый менеджер");
        Assert.Single(answers, a => a.Text == "Согласовано: ЗО-2026-0001");
        Assert.Single(answers, a => a.Text is "Уже решено: Мария Финансова (ЗО-2026-0001)." or "Уже решено: Анна Админова (ЗО-2026-0001).");
        Assert.Equal(StepKind.Tasks, request.Current!.Kind);
    }

    private static Task<BotHost> StartAsync(HandledUpdates handled) => BotHost.StartAsync(storage: StorageEngine.Postgres,
        settings: new Dictionary<string, string?>
        {
            ["Telegram:WebhookUrl"] = "https://bot.example.org" + Webhook.Path,
            ["Telegram:WebhookSecret"] = Secret,
        },
        services: services => services
            .AddSingleton(handled)
            .AddSingleton<ReplicaTag>()
            .AddScoped<ICommandHandler, TickCommand>());

    /// <summary>The fake delivers each update to the next host in turn, as a load balancer would.</summary>
    private static void BehindOneWebhook(params BotHost[] hosts) =>
        hosts[0].Tg.WebhookReplicas = hosts.Select(h => h.CreateClient()).ToList();

    public sealed record Handled(long UpdateId, long ChatId, int N, Guid Replica);

    /// <summary>Every update the test command handled, in the order handled, across all hosts.</summary>
    public sealed class HandledUpdates
    {
        private readonly ConcurrentQueue<Handled> _all = new();
        public IReadOnlyList<Handled> All => _all.ToArray();
        public void Add(Handled handled) => _all.Enqueue(handled);
    }

    /// <summary>One per host (each host's container makes its own).</summary>
    public sealed class ReplicaTag
    {
        public Guid Id { get; } = Guid.NewGuid();
    }

    /// <summary>A test command: /tick N records which host handled it and answers "tick N".</summary>
    private sealed class TickCommand(HandledUpdates handled, ReplicaTag replica) : ICommandHandler
    {
        public string Command => "tick";
        public bool OpenToEveryone => true;

        public Task HandleAsync(UpdateContext context, CancellationToken ct)
        {
            var n = int.Parse(context.Args[0]);
            handled.Add(new Handled(context.Update.Id, context.ChatId, n, replica.Id));
            context.Reply($"tick {n}");
            return Task.CompletedTask;
        }
    }
}
