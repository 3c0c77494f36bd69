using BotPlatform.Core.Approvals;
using BotPlatform.Testing;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Approvals;

/// <summary>
/// The seed path as people live it: /pay in the chat, the buttons on the cards, the files;
/// written once, run on both storage engines.
/// </summary>
public abstract class SeedPathTests(StorageEngine storage) : IAsyncLifetime
{
    public sealed class LiteDb() : SeedPathTests(StorageEngine.LiteDb);

    public sealed class Postgres() : SeedPathTests(StorageEngine.Postgres);

    private const string Submit = "✅ Отправить";
    private const string Approve = "✅ Согласовать";
    private const string Reject = "❌ Отклонить";
    private BotHost _host = null!;
    private ApprovalPeople _p = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync(storage: storage);
        _p = await ApprovalPeople.JoinAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Rejected_with_a_reason_then_a_second_request_approved_paid_and_the_payment_order_attached()
    {
        // The employee files a request; the head approves it.
        var first = await _host.FillsPaymentAsync(_p.Olga);
        await _host.PressesAsync(_p.Olga, first, Submit);
        await _host.PressesAsync(_p.Igor, await WaitForCardAsync(_p.Igor, "ЗО-2026-0001"), Approve);

        // The finance manager rejects: without a reason she is asked again, with one it is done.
        await _host.PressesAsync(_p.Maria, await WaitForCardAsync(_p.Maria, "ЗО-2026-0001"), Reject);
        await _host.Tg.WaitForBotMessageAsync(_p.Maria.PrivateChat, m => m.Button("Нет бюджета") is not null);
        var askedAgain = await _host.SaysAsync(_p.Maria, " ");
        await _host.SaysAsync(_p.Maria, "В ноябре бюджет на рекламу исчерпан");
        var rejected = await _host.Tg.WaitForBotMessageAsync(_p.Olga.PrivateChat, m => m.Text?.StartsWith("❌ ЗО-2026-0001") == true);

        // A second request goes all the way.
        var second = await _host.FillsPaymentAsync(_p.Olga, amount: "48 000,00");
        await _host.PressesAsync(_p.Olga, second, Submit);
        await _host.PressesAsync(_p.Igor, await WaitForCardAsync(_p.Igor, "ЗО-2026-0002"), Approve);
        await _host.PressesAsync(_p.Maria, await WaitForCardAsync(_p.Maria, "ЗО-2026-0002"), Approve);
        await _host.PressesAsync(_p.Chief, await WaitForCardAsync(_p.Chief, "ЗО-2026-0002", "✅ Готово"), "✅ Готово");
        await _host.PressesAsync(_p.Nina, await WaitForCardAsync(_p.Nina, "ЗО-2026-0002", "📎 Приложить файл"), "📎 Приложить файл");
        await _host.Tg.WaitForBotMessageAsync(_p.Nina.PrivateChat, m => m.ForceReply);
        _host.Tg.SendDocument(_p.Nina, _p.Nina.PrivateChat, "pp-118.pdf", "%PDF payment order"u8.ToArray(), "application/pdf");
        var paid = await _host.Tg.WaitForBotMessageAsync(_p.Olga.PrivateChat, m => m.Text?.StartsWith("💸 ЗО-2026-0002 оплачена") == true);
        await _host.IdleAsync();

        Assert.Equal("Причина не может быть пустой. Напишите её текстом.", askedAgain.Text);
        Assert.Contains("Мария Финансова", rejected.Text);
        Assert.Contains("В ноябре бюджет на рекламу исчерпан", rejected.Text);
        Assert.Contains("Нина Счетова", paid.Text);
        Assert.Equal(RequestStatus.Rejected, (await _host.RequestAsync("ЗО-2026-0001")).Status);
        var done = await _host.RequestAsync("ЗО-2026-0002");
        Assert.Equal(RequestStatus.Paid, done.Status);
        Assert.Equal(["submitted", "approved", "approved", "task_done", "task_done", "paid"],
            done.History.Select(e => e.Action));
        Assert.Contains("Статус: оплачена", _host.Latest(second));
        Assert.Empty(_host.Tg.Message(_p.Olga.PrivateChat, second.MessageId).Buttons);
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task The_head_as_initiator_approves_right_on_the_submission_card()
    {
        var card = await _host.FillsPaymentAsync(_p.Igor);

        await _host.PressesAsync(_p.Igor, card, Submit);
        await _host.Tg.WaitUntilAsync(() => _host.Tg.Message(_p.Igor.PrivateChat, card.MessageId).Button(Approve) is not null);
        var own = _host.Tg.Message(_p.Igor.PrivateChat, card.MessageId);
        await _host.PressesAsync(_p.Igor, own, Approve);
        var financeCard = await WaitForCardAsync(_p.Maria, "ЗО-2026-0001");
        await _host.IdleAsync();

        Assert.Contains("Вы руководитель отдела — согласуйте заявку прямо здесь.", own.Text);
        Assert.Equal([Approve, Reject], own.Buttons.Select(b => b.Text));
        Assert.DoesNotContain(_host.Tg.BotMessages(_p.Igor.PrivateChat), m => m.MessageId != card.MessageId && m.Button(Approve) is not null);
        Assert.Contains("Игорь Начальников", financeCard.Text);
        Assert.Contains("✅", _host.Latest(own));
        Assert.Empty(_host.Tg.Message(_p.Igor.PrivateChat, card.MessageId).Buttons);
        Assert.Equal("Финансовый менеджер", (await _host.RequestAsync("ЗО-2026-0001")).Current!.Title);
        _host.AssertNoInvalidCalls();
    }

    private Task<FakeMessage> WaitForCardAsync(FakeUser user, string number, string button = Approve) =>
        _host.Tg.WaitForBotMessageAsync(user.PrivateChat, m => m.Button(button) is not null && m.Text?.Contains(number) == true);
}
