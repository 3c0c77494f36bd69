using BotPlatform.Testing;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace BotPlatform.Tests.Testing;

public sealed class FaultTests : FakeTelegramTestBase
{
    [Fact]
    public async Task Too_many_requests_carries_retry_after_and_hits_only_the_next_call()
    {
        var alice = StartedUser();
        Fake.InjectFault(Fault.TooManyRequests(3), method: "sendMessage");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(alice.Id, "first"));
        await Bot.SendMessage(alice.Id, "second");

        Assert.Equal((429, "Too Many Requests: retry after 3", 3), (error.ErrorCode, error.Message, error.Parameters?.RetryAfter));
        Assert.Equal(["second"], Fake.BotMessages(alice.PrivateChat).Select(m => m.Text));
    }

    [Fact]
    public async Task Forbidden_and_server_error_hit_the_next_n_calls_and_change_nothing()
    {
        var alice = StartedUser();
        var card = await Bot.SendMessage(alice.Id, "card");
        Fake.InjectFault(Fault.Forbidden, times: 2);
        Fake.InjectFault(Fault.ServerError);

        var codes = new List<int>();
        foreach (var attempt in new Func<Task>[]
                 {
                     () => Bot.SendMessage(alice.Id, "lost 1"),
                     () => Bot.EditMessageText(alice.Id, card.MessageId, "lost 2"),
                     () => Bot.DeleteMessage(alice.Id, card.MessageId),
                 })
        {
            codes.Add((await Assert.ThrowsAsync<ApiRequestException>(attempt)).ErrorCode);
        }

        await Bot.SendMessage(alice.Id, "delivered");

        Assert.Equal([403, 403, 500], codes);
        Assert.Equal(["card", "delivered"], Fake.BotMessages(alice.PrivateChat).Select(m => m.Text));
        Assert.Equal(0, Fake.BotMessages(alice.PrivateChat)[0].EditCount);
        Assert.Equal(3, Fake.Rejected.Count(r => r.FaultInjected));
    }

    [Fact]
    public async Task A_fault_for_one_chat_leaves_other_chats_alone()
    {
        var alice = StartedUser("Alice", "alice");
        var bob = StartedUser("Bob", "bob");
        Fake.InjectFault(Fault.ServerError, chatId: bob.Id);

        await Bot.SendMessage(alice.Id, "to alice");
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(bob.Id, "to bob"));

        Assert.Equal(500, error.ErrorCode);
        Assert.Single(Fake.BotMessages(alice.PrivateChat));
        Assert.Empty(Fake.BotMessages(bob.PrivateChat));
    }

    [Fact]
    public async Task A_timeout_holds_the_call_until_the_client_gives_up_and_does_not_apply_it()
    {
        var alice = StartedUser();
        Fake.InjectFault(Fault.Timeout(TimeSpan.FromSeconds(30)), method: "sendMessage");
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Bot.SendMessage(alice.Id, "lost", cancellationToken: giveUp.Token));
        await Bot.SendMessage(alice.Id, "delivered");

        Assert.Equal(["delivered"], Fake.BotMessages(alice.PrivateChat).Select(m => m.Text));
    }

    [Fact]
    public async Task A_timeout_that_runs_out_drops_the_connection()
    {
        var alice = StartedUser();
        Fake.InjectFault(Fault.Timeout(TimeSpan.FromMilliseconds(200)), method: "sendMessage");

        await Assert.ThrowsAsync<RequestException>(() => Bot.SendMessage(alice.Id, "lost"));

        Assert.Empty(Fake.BotMessages(alice.PrivateChat));
        Assert.Contains(Fake.Requests, r => r is { Method: "sendMessage", StatusCode: 504, FaultInjected: true });
    }

    [Fact]
    public async Task Faults_without_a_method_do_not_hit_polling()
    {
        var alice = StartedUser();
        Fake.InjectFault(Fault.ServerError);

        await Bot.GetUpdates();
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(alice.Id, "hit"));

        Assert.Equal(500, error.ErrorCode);
    }
}
