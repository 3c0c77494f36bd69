using BotPlatform.Bot.Telegram;

namespace BotPlatform.Tests.Gateway;

public sealed class RateGateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly OutboxOptions Options = new() { GlobalPerSecond = 30, PrivateChatBurst = 3, GroupPerMinute = 20, SafetyMargin = 0 };

    [Fact]
    public void A_private_chat_gets_a_burst_of_three_then_waits_a_window_after_the_answers()
    {
        var gate = new RateGate(Options);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(T0, gate.NextAllowed(42, T0));
            RateGate.Complete(gate.Take(42), T0 + TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(T0 + TimeSpan.FromMilliseconds(3100), gate.NextAllowed(42, T0));
    }

    [Fact]
    public void A_send_without_an_answer_holds_its_slot()
    {
        var gate = new RateGate(Options with { PrivateChatBurst = 1 });
        gate.Take(42);

        Assert.Equal(DateTimeOffset.MaxValue, gate.NextAllowed(42, T0 + TimeSpan.FromHours(1)));
    }

    [Fact]
    public void A_group_gets_twenty_messages_a_minute()
    {
        var gate = new RateGate(Options);
        for (var i = 0; i < 20; i++) RateGate.Complete(gate.Take(-100), T0 + TimeSpan.FromSeconds(i));

        Assert.Equal(T0 + TimeSpan.FromMinutes(1), gate.NextAllowed(-100, T0 + TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public void Thirty_sends_to_different_chats_fill_the_global_second()
    {
        var gate = new RateGate(Options);
        for (var chat = 1; chat <= 30; chat++) RateGate.Complete(gate.Take(chat), T0);

        Assert.Equal(T0 + TimeSpan.FromSeconds(1), gate.NextAllowed(31, T0));
        Assert.Equal(T0 + TimeSpan.FromSeconds(1), gate.NextAllowed(31, T0 + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void The_safety_margin_stretches_every_window()
    {
        var gate = new RateGate(Options with { GlobalPerSecond = 1, SafetyMargin = 0.1 });
        RateGate.Complete(gate.Take(1), T0);

        Assert.Equal(T0 + TimeSpan.FromMilliseconds(1100), gate.NextAllowed(2, T0));
    }
}
