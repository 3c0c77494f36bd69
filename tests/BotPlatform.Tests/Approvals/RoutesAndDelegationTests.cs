using BotPlatform.Core.Approvals;
using BotPlatform.Core.Audit;
using BotPlatform.Core.People;
using BotPlatform.Testing;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Approvals;

/// <summary>Contract routes by document kind, /away substitutes, and the accounting deadline.</summary>
public sealed class RoutesAndDelegationTests : IAsyncLifetime
{
    private const string Approve = "✅ Согласовать";
    private BotHost _host = null!;
    private ApprovalPeople _p = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync();
        _p = await ApprovalPeople.JoinAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_specification_goes_through_the_lawyer_the_cto_and_the_director()
    {
        await _p.WithContractApproversAsync(_host);
        var request = await _host.FileContractAsync(_p.Olga, "specification");

        await ApproveAsync(_p.Lawyer!);
        await ApproveAsync(_p.Cto!);
        await ApproveAsync(_p.Director!);

        Assert.Equal("СД-2026-0001", request.Number);
        var done = await _host.RequestAsync("СД-2026-0001");
        Assert.Equal(RequestStatus.Approved, done.Status);
        Assert.Equal(["Юрист", "Технический директор", "Директор"],
            done.History.Where(e => e.Action == ApprovalActions.Approved).Select(e => e.Step));
        Assert.Single(_host.BotSaid(_p.Olga, "🎉 СД-2026-0001 согласована полностью"));
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task A_framework_contract_edit_skips_the_cto()
    {
        await _p.WithContractApproversAsync(_host);
        await _host.FileContractAsync(_p.Olga, "framework_edit");

        await ApproveAsync(_p.Lawyer!);
        await ApproveAsync(_p.Director!);

        Assert.Equal(RequestStatus.Approved, (await _host.RequestAsync("СД-2026-0001")).Status);
        Assert.DoesNotContain(_host.Tg.BotMessages(_p.Cto!.PrivateChat), m => m.TextOrCaption?.Contains("СД-2026-0001") == true);
    }

    [Fact]
    public async Task While_the_head_is_away_the_substitute_decides_on_his_behalf_and_it_comes_back_after_the_date()
    {
        await _host.FilePaymentAsync(_p.Olga, "ООО Ромашка");
        var igorsCard = _host.CardWith(_p.Igor, Approve);

        await _host.SaysAsync(_p.Igor, "/away 24.11 @eng_john");
        await _host.IdleAsync();
        var handedOver = _host.CardWith(_p.John, "✅ Approve");
        await _host.FilePaymentAsync(_p.Olga, "ИП Васильев");
        var newOne = _host.CardWith(_p.John, "✅ Approve");
        await _host.PressesAsync(_p.John, newOne, "✅ Approve");
        await _host.IdleAsync();

        Assert.Contains("You are standing in for Игорь Начальников", handedOver.Text);
        Assert.Contains("ЗО-2026-0001", handedOver.Text);
        Assert.Contains("ЗО-2026-0002", newOne.Text);
        Assert.DoesNotContain(_host.Tg.BotMessages(_p.Igor.PrivateChat), m => m.Text?.Contains("ЗО-2026-0002") == true);
        var audit = await _host.Get<IAuditLog>().ForSubjectAsync("approval:ЗО-2026-0002", default);
        var people = _host.Get<IPeopleStore>();
        var approved = Assert.Single(audit, e => e.Action == ApprovalActions.Approved);
        Assert.Equal((await people.FindByUsernameAsync("eng_john", default))!.Id, approved.ActorId);
        Assert.Equal((await people.FindByUsernameAsync("head_igor", default))!.Id, approved.OnBehalfOfId);

        await _host.AdvanceToAsync(new DateTimeOffset(2026, 11, 25, 0, 1, 0, TimeSpan.FromHours(3)));
        var late = await _host.Tg.WaitForCallbackAnswerAsync(
            _host.Tg.PressCallbackData(_p.John, handedOver, handedOver.Button("✅ Approve")!.CallbackData!));
        var back = _host.CardWith(_p.Igor, Approve);

        Assert.Contains("Игорь Начальников is back", _host.Latest(handedOver));
        Assert.Empty(_host.Tg.Message(_p.John.PrivateChat, handedOver.MessageId).Buttons);
        Assert.Equal("This is not yours to decide: ЗО-2026-0001 waits for someone else.", late.Text);
        Assert.NotEqual(igorsCard.MessageId, back.MessageId);
        Assert.Contains("ЗО-2026-0001", back.Text);
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task The_chief_accountant_is_reminded_on_the_payment_day_morning_and_an_overdue_payment_is_reported()
    {
        await _host.FilePaymentAsync(_p.Olga);
        await _host.PressesAsync(_p.Igor, _host.CardWith(_p.Igor, Approve), Approve);
        await _host.IdleAsync();
        await _host.PressesAsync(_p.Maria, _host.CardWith(_p.Maria, Approve), Approve);
        await _host.IdleAsync();
        var msk = TimeSpan.FromHours(3);

        await _host.AdvanceToAsync(new DateTimeOffset(2026, 11, 24, 8, 59, 0, msk));
        Assert.Empty(_host.BotSaid(_p.Chief, "Сегодня срок оплаты"));
        await _host.AdvanceToAsync(new DateTimeOffset(2026, 11, 24, 9, 0, 0, msk));
        Assert.Single(_host.BotSaid(_p.Chief, "📅 Сегодня срок оплаты по ЗО-2026-0001"));
        await _host.AdvanceToAsync(new DateTimeOffset(2026, 11, 24, 17, 59, 0, msk));
        Assert.Empty(_host.BotSaid(_p.Maria, "Просрочена оплата"));
        await _host.AdvanceToAsync(new DateTimeOffset(2026, 11, 24, 18, 0, 0, msk));

        var report = Assert.Single(_host.BotSaid(_p.Maria, "⚠️ Просрочена оплата по ЗО-2026-0001"));
        Assert.Contains("срок 24.11.2026", report.Text);
        Assert.Contains("Ольга Бухгалтерова", report.Text);
    }

    [Fact]
    public async Task A_due_date_of_the_request_is_the_payment_deadline()
    {
        await _host.FilePaymentAsync(_p.Olga, due: new DateOnly(2026, 11, 27));
        await _host.PressesAsync(_p.Igor, _host.CardWith(_p.Igor, Approve), Approve);
        await _host.IdleAsync();
        await _host.PressesAsync(_p.Maria, _host.CardWith(_p.Maria, Approve), Approve);
        await _host.IdleAsync();

        Assert.Contains("Срок: 27.11.2026", _host.CardWith(_p.Chief, "✅ Готово").Text);
    }

    private async Task ApproveAsync(FakeUser approver)
    {
        var card = await _host.Tg.WaitForBotMessageAsync(approver.PrivateChat, m => m.Button(Approve) is not null);
        await _host.PressesAsync(approver, card, Approve);
        await _host.IdleAsync();
    }
}
