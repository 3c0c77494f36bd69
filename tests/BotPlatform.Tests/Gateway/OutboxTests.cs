using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Testing;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Gateway;

public sealed class OutboxTests
{
    [Fact]
    public async Task Messages_queued_before_a_restart_are_delivered_after_it_once_each()
    {
        await using var host = await BotHost.StartAsync();
        var olga = await host.JoinedAsync("Ольга", "emp_olga");
        host.Tg.InjectFault(Fault.ServerError, "sendMessage", olga.Id, times: 1000);
        await EnqueueAsync(host, "test:restart", olga.Id, "первое", "второе");
        await host.Tg.WaitUntilAsync(() => host.Tg.Rejected.Any(r => r.ChatId == olga.Id && r.StatusCode == 500));

        await host.StopAsync();
        host.Tg.ClearFaults();
        host.Start();
        await host.Tg.WaitUntilAsync(() => host.Tg.BotMessages(olga.PrivateChat).Count == 3);
        await host.IdleAsync();

        Assert.Equal(["первое", "второе"], host.Tg.BotMessages(olga.PrivateChat).Skip(1).Select(m => m.Text));
    }

    [Fact]
    public async Task A_429_delays_that_chat_by_retry_after_while_other_chats_keep_receiving()
    {
        await using var host = await BotHost.StartAsync();
        var olga = await host.JoinedAsync("Ольга", "emp_olga");
        var igor = await host.JoinedAsync("Игорь", "head_igor");
        host.Tg.InjectFault(Fault.TooManyRequests(3), "sendMessage", olga.Id);

        await EnqueueAsync(host, "test:429-olga", olga.Id, "для Ольги");
        await EnqueueAsync(host, "test:429-igor", igor.Id, "для Игоря 1", "для Игоря 2");
        await host.Tg.WaitUntilAsync(() => host.Tg.BotMessages(olga.PrivateChat).Count == 2, TimeSpan.FromSeconds(15));

        var refused = host.Tg.Rejected.Single(r => r.ChatId == olga.Id && r.StatusCode == 429).At;
        var delivered = host.Tg.Sends.Last(s => s.ChatId == olga.Id).At;
        var igorsLast = host.Tg.Sends.Last(s => s.ChatId == igor.Id).At;
        Assert.True(delivered - refused >= TimeSpan.FromSeconds(3), $"resent after {delivered - refused}");
        Assert.True(igorsLast < refused + TimeSpan.FromSeconds(3), "the other chat waited for the paused one");
        Assert.Equal(3, host.Tg.BotMessages(igor.PrivateChat).Count);
    }

    [Fact]
    public async Task A_burst_of_300_messages_to_100_chats_stays_within_telegrams_limits()
    {
        await using var host = await BotHost.StartAsync();
        var anna = host.Tg.CreateUser("Анна", "admin_anna");
        var chats = new List<long>();
        for (var i = 0; i < 50; i++)
        {
            var user = host.Tg.CreateUser($"U{i}", $"user{i}");
            host.Tg.SendText(user, "/start");
            chats.Add(user.Id);
            chats.Add(host.Tg.CreateGroup($"Проект {i}", anna, user).Id);
        }
        await host.Tg.WaitUntilAsync(() => host.Tg.Sends.Count >= 50, TimeSpan.FromSeconds(30));
        var before = host.Tg.Sends.Count;

        for (var round = 0; round < 3; round++)
            await EnqueueAsync(host, $"test:burst:{round}", chats, c => $"сообщение {round} для {c}");
        await host.Tg.WaitUntilAsync(() => host.Tg.Sends.Count >= before + 300, TimeSpan.FromSeconds(60));

        Assert.InRange(host.Tg.MaxInWindow(TimeSpan.FromSeconds(1)), 1, 30);
        foreach (var chat in chats.Where(c => c > 0))
            Assert.InRange(host.Tg.MaxInWindow(TimeSpan.FromSeconds(3), chat), 1, 3);
        foreach (var chat in chats.Where(c => c < 0))
            Assert.InRange(host.Tg.MaxInWindow(TimeSpan.FromMinutes(1), chat), 1, 20);
        Assert.All(chats, c => Assert.Equal(
            [0, 1, 2], host.Tg.BotMessages(host.Tg.Chat(c)).Select(m => m.Text!).Where(t => t.StartsWith("сообщение", StringComparison.Ordinal)).Select(t => t[10] - '0')));
    }

    [Fact]
    public async Task A_person_who_blocked_the_bot_is_marked_skipped_and_shown_to_admins()
    {
        await using var host = await BotHost.StartAsync();
        var anna = await host.JoinedAsync("Анна", "admin_anna");
        var olga = await host.JoinedAsync("Ольга", "emp_olga");
        host.Tg.BlockBot(olga);

        await EnqueueAsync(host, "test:blocked-1", olga.Id, "первое");
        await host.IdleAsync();
        var callsAfterFirst = host.Tg.Requests.Count(r => r.ChatId == olga.Id);
        await EnqueueAsync(host, "test:blocked-2", olga.Id, "второе");
        await host.IdleAsync();
        var admin = await host.SaysAsync(anna, "/admin");

        var person = await host.Get<IPeopleStore>().FindByTelegramIdAsync(olga.Id, default);
        Assert.NotNull(person!.BlockedBotAt);
        Assert.Equal(callsAfterFirst, host.Tg.Requests.Count(r => r.ChatId == olga.Id));
        Assert.Contains("Ольга Сотрудникова: заблокировал(а) бота", admin.Text);
    }

    [Fact]
    public async Task A_person_who_unblocks_and_writes_again_receives_messages_again()
    {
        await using var host = await BotHost.StartAsync();
        var olga = await host.JoinedAsync("Ольга", "emp_olga");
        host.Tg.BlockBot(olga);
        await EnqueueAsync(host, "test:blocked", olga.Id, "пропущено");
        await host.IdleAsync();

        host.Tg.UnblockBot(olga);
        var answer = await host.SaysAsync(olga, "/whoami");

        Assert.StartsWith("Имя: Ольга", answer.Text);
        Assert.Null((await host.Get<IPeopleStore>().FindByTelegramIdAsync(olga.Id, default))!.BlockedBotAt);
    }

    [Fact]
    public async Task A_group_migrated_to_a_supergroup_keeps_receiving_at_its_new_id()
    {
        await using var host = await BotHost.StartAsync();
        var anna = host.Tg.CreateUser("Анна", "admin_anna");
        var group = host.Tg.CreateGroup("Проект Альфа", anna);
        await EnqueueAsync(host, "test:group-before", group.Id, "до миграции");
        await host.Tg.WaitUntilAsync(() => host.Tg.BotMessages(group).Count == 1);

        var supergroup = host.Tg.MigrateToSupergroup(group);
        await EnqueueAsync(host, "test:group-after", group.Id, "после миграции");
        await host.Tg.WaitUntilAsync(() => host.Tg.BotMessages(supergroup).Any(m => m.Text == "после миграции"));
        await EnqueueAsync(host, "test:group-later", group.Id, "ещё позже");
        await host.Tg.WaitUntilAsync(() => host.Tg.BotMessages(supergroup).Any(m => m.Text == "ещё позже"));

        Assert.Equal(["до миграции"], host.Tg.BotMessages(group).Select(m => m.Text));
        Assert.Equal(["после миграции", "ещё позже"], host.Tg.BotMessages(supergroup).Select(m => m.Text));
    }

    [Fact]
    public async Task Server_errors_and_timeouts_are_retried_until_the_message_goes_out_once()
    {
        await using var host = await BotHost.StartAsync();
        var olga = await host.JoinedAsync("Ольга", "emp_olga");
        host.Tg.InjectFault(Fault.ServerError, "sendMessage", olga.Id, times: 2);
        host.Tg.InjectFault(Fault.Timeout(TimeSpan.FromSeconds(5)), "sendMessage", olga.Id);

        await EnqueueAsync(host, "test:retry", olga.Id, "дойдёт");
        await host.Tg.WaitUntilAsync(() => host.Tg.BotMessages(olga.PrivateChat).Count == 2, TimeSpan.FromSeconds(30));
        await host.IdleAsync();

        Assert.Equal(["дойдёт"], host.Tg.BotMessages(olga.PrivateChat).Skip(1).Select(m => m.Text));
        Assert.Equal(2, host.Tg.Rejected.Count(r => r.ChatId == olga.Id && r.StatusCode == 500));
        Assert.True(host.Tg.Requests.Count(r => r.ChatId == olga.Id && r.Method == "sendMessage") >= 5, "the timed-out call was retried");
    }

    private static Task EnqueueAsync(BotHost host, string key, long chatId, params string[] texts) =>
        EnqueueAsync(host, key, [chatId], _ => "", texts);

    private static async Task EnqueueAsync(BotHost host, string key, IEnumerable<long> chats, Func<long, string> text, params string[] texts)
    {
        var outgoing = new Outgoing(key, host.Time);
        foreach (var chat in chats)
        {
            if (texts.Length == 0) outgoing.Send(chat, text(chat));
            foreach (var t in texts) outgoing.Send(chat, t);
        }
        await host.Get<IOutboxStore>().EnqueueAsync(outgoing.Messages, default);
    }
}
