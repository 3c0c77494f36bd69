using BotPlatform.Core.Billing.Nudges;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Sandbox;

/// <summary>The payment nudge demo: PRJ-0001 is paid monthly; a visitor moving the clock sees the reminder in the client's group and the PM's note.</summary>
[Collection(HostProcesses.Name)]
public sealed class SandboxNudgeTests : SandboxProcessTests
{
    [Fact]
    public async Task Moving_the_clock_towards_the_end_of_the_month_brings_the_payment_nudge_into_the_client_group_once()
    {
        const string pm = "k_novikova";
        var pmChat = (await Sandbox.StateAsync(pm))["state"]!["chat"]!["id"]!.GetValue<long>();
        var group = (await Sandbox.StateAsync(pm))["state"]!["chats"]!.AsArray().Single(c => c!["kind"]!.GetValue<string>() == "group")!["id"]!.GetValue<long>();
        async Task<int> CountAsync() => SandboxClient.Messages(await Sandbox.StateAsync(pm, group)).Count(m => SandboxClient.Text(m) == PaymentNudgeDefinition.Default.Text);

        // The nudge is 5 working days before the period's end, 2-5 weeks ahead: two weeks, then one working morning at a time.
        (await Sandbox.ClockAsync(new { hours = 336 })).EnsureSuccessStatusCode();
        var mornings = 0;
        while (await CountAsync() == 0 && mornings++ < 30) (await Sandbox.ClockAsync(new { morning = true })).EnsureSuccessStatusCode();
        var told = await Sandbox.WaitForMessageAsync(pm, m => SandboxClient.Text(m).StartsWith("💳 PRJ-0001", StringComparison.Ordinal), pmChat);
        (await Sandbox.ClockAsync(new { morning = true })).EnsureSuccessStatusCode();

        Assert.Equal(1, await CountAsync());
        Assert.Contains("клиенту в группе отправлено напоминание об оплате", SandboxClient.Text(told), StringComparison.Ordinal);
    }
}
