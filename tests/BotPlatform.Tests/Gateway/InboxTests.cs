using BotPlatform.Bot.Routing;
using BotPlatform.Core.Messaging;
using BotPlatform.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Tests.Gateway;

public sealed class InboxTests
{
    /// <summary>The fake numbers updates from 1, as Telegram numbers them upwards.</summary>
    private const long FirstUpdateId = 1;

    [Fact]
    public async Task An_update_received_before_a_crash_is_handled_exactly_once_after_restart()
    {
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string?> { ["Gateway:Dispatch"] = "false" });
        var olga = host.Tg.CreateUser("Ольга", "emp_olga");
        host.Tg.SendText(olga, "/start");
        var inbox = host.Get<IInboxStore>();
        await host.Tg.WaitUntilAsync(() => inbox.PendingAsync(10, default).Result.Count == 1);

        await host.RestartAsync(new Dictionary<string, string?> { ["Gateway:Dispatch"] = "true" });
        await host.Tg.WaitForBotMessageAsync(olga.PrivateChat);
        await host.IdleAsync();

        Assert.Single(host.Tg.BotMessages(olga.PrivateChat));
        Assert.Equal(InboxStatus.Done, (await host.Get<IInboxStore>().GetAsync(FirstUpdateId, default))?.Status);
    }

    [Fact]
    public async Task A_redelivered_update_is_not_handled_twice()
    {
        await using var host = await BotHost.StartAsync();
        var olga = await host.JoinedAsync("Ольга", "emp_olga");
        var writer = host.Get<BotPlatform.Bot.Telegram.InboxWriter>();
        var inbox = host.Get<IInboxStore>();
        var handled = (await inbox.GetAsync(FirstUpdateId, default))!;

        var stored = await writer.StoreAsync([System.Text.Json.JsonSerializer.Deserialize<global::Telegram.Bot.Types.Update>(
            handled.Payload, global::Telegram.Bot.JsonBotAPI.Options)!], default);
        await host.IdleAsync();

        Assert.Equal(0, stored);
        Assert.Single(host.Tg.BotMessages(olga.PrivateChat));
    }

    [Fact]
    public async Task A_failing_update_is_retried_then_parked_and_the_host_keeps_working()
    {
        await using var host = await BotHost.StartAsync(services: s => s.AddScoped<ICommandHandler, ExplodingCommand>());
        var anna = await host.JoinedAsync("Анна", "admin_anna");

        host.Tg.SendText(anna, "/explode");
        var inbox = host.Get<IInboxStore>();
        await host.Tg.WaitUntilAsync(() => inbox.ParkedAsync(10, default).Result.Count == 1, TimeSpan.FromSeconds(20));
        var whoami = await host.SaysAsync(anna, "/whoami");
        var admin = await host.SaysAsync(anna, "/admin");

        var parked = Assert.Single(await inbox.ParkedAsync(10, default));
        Assert.Equal(3, parked.Attempts);
        Assert.Contains("Boom", parked.LastError);
        Assert.Equal(3, ExplodingCommand.Calls);
        Assert.StartsWith("Имя: Анна Админова", whoami.Text);
        Assert.Contains("Необработанные обновления: 1", admin.Text);
        Assert.Contains($"#{parked.Id}: System.InvalidOperationException: Boom", admin.Text);
    }

    [Fact]
    public async Task Updates_of_one_chat_are_handled_in_order_while_other_chats_go_in_parallel()
    {
        await using var host = await BotHost.StartAsync();
        var olga = await host.JoinedAsync("Ольга", "emp_olga");
        var igor = await host.JoinedAsync("Игорь", "head_igor");

        foreach (var lang in new[] { "en", "ru", "en", "ru", "en" }) host.Tg.SendText(olga, "/lang " + lang);
        host.Tg.SendText(igor, "/whoami");
        await host.Tg.WaitUntilAsync(() => host.Tg.BotMessages(olga.PrivateChat).Count == 6);
        await host.Tg.WaitForBotMessageAsync(igor.PrivateChat);

        var answers = host.Tg.BotMessages(olga.PrivateChat).Skip(1).Select(m => m.Text![..4]).ToArray();
        Assert.Equal(["Done", "Гото", "Done", "Гото", "Done"], answers);
    }

    private sealed class ExplodingCommand : ICommandHandler
    {
        public static int Calls;
        public string Command => "explode";

        public Task HandleAsync(UpdateContext context, CancellationToken ct)
        {
            Interlocked.Increment(ref Calls);
            context.Reply("this must never be sent");
            throw new InvalidOperationException("Boom");
        }
    }
}
