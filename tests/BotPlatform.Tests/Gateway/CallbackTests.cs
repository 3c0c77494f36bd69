using BotPlatform.Core.Messaging;
using BotPlatform.Testing;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Gateway;

public sealed class CallbackTests
{
    [Fact]
    public async Task A_button_press_is_answered_while_a_send_to_the_same_chat_is_stuck()
    {
        await using var host = await BotHost.StartAsync();
        var olga = await host.JoinedAsync("Ольга", "emp_olga");
        var menu = await host.SaysAsync(olga, "/lang");
        host.Tg.InjectFault(Fault.Timeout(TimeSpan.FromSeconds(20)), "sendMessage", olga.Id);
        var slow = new Outgoing("test:slow", host.Time);
        slow.Send(olga.Id, "медленное");
        await host.Get<IOutboxStore>().EnqueueAsync(slow.Messages, default);

        var answer = await host.PressesAsync(olga, menu, "English");

        Assert.Equal("Done: I will write to you in English now.", answer.Text);
        Assert.DoesNotContain(host.Tg.BotMessages(olga.PrivateChat), m => m.Text == "медленное");
        await host.Tg.WaitUntilAsync(() => host.Tg.BotMessages(olga.PrivateChat).Any(m => m.Text == "медленное"), TimeSpan.FromSeconds(20));
    }
}
