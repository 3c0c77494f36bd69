using BotPlatform.Core.Approvals;
using BotPlatform.Core.Messaging;
using BotPlatform.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Tests.Approvals;

/// <summary>The engine tells outcome observers about a request's end inside the unit of work of the decision.</summary>
public sealed class OutcomeObserverTests : IAsyncLifetime
{
    private const string Approve = "✅ Согласовать";
    private readonly RecordingObserver _observer = new();
    private BotHost _host = null!;
    private ApprovalPeople _p = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync(services: s => s.AddSingleton<IApprovalOutcomeObserver>(_observer));
        _p = await (await ApprovalPeople.JoinAsync(_host)).WithContractApproversAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Only_the_final_approval_is_reported_with_the_request_approved()
    {
        await _host.FileContractAsync(_p.Olga, "framework_edit");

        await _host.PressesAsync(_p.Lawyer!, _host.CardWith(_p.Lawyer!, Approve), Approve);
        await _host.IdleAsync();
        var afterLawyer = _observer.Seen.Count;
        await _host.PressesAsync(_p.Director!, _host.CardWith(_p.Director!, Approve), Approve);
        await _host.IdleAsync();

        Assert.Equal(0, afterLawyer);
        Assert.Equal([("СД-2026-0001", RequestStatus.Approved)], _observer.Seen);
        Assert.Single(_host.BotSaid(_p.Olga, "observer saw СД-2026-0001"));
    }

    [Fact]
    public async Task A_withdrawal_is_reported()
    {
        var request = await _host.FileContractAsync(_p.Olga, "framework_edit");

        await _host.Get<ApprovalEngine>().WithdrawAsync(request.Id, (await _host.Get<BotPlatform.Core.People.IPeopleStore>()
            .FindByUsernameAsync("emp_olga", default))!, new Outgoing("test:withdraw", _host.Time), default);

        Assert.Equal([("СД-2026-0001", RequestStatus.Withdrawn)], _observer.Seen);
    }

    [Fact]
    public async Task When_the_observer_fails_the_decision_is_not_stored()
    {
        await _host.FileContractAsync(_p.Olga, "framework_edit");
        await _host.PressesAsync(_p.Lawyer!, _host.CardWith(_p.Lawyer!, Approve), Approve);
        await _host.IdleAsync();
        _observer.Fail = true;
        var people = _host.Get<BotPlatform.Core.People.IPeopleStore>();
        var director = (await people.FindByUsernameAsync("dir_sergey", default))!;
        var r = await _host.RequestAsync("СД-2026-0001");

        await Assert.ThrowsAsync<InvalidOperationException>(() => _host.Get<ApprovalEngine>()
            .DecideAsync(r.Id, r.Current!.Seq, StepDecision.Approve, director, null, new Outgoing("test:decide", _host.Time), default));

        var stored = await _host.RequestAsync("СД-2026-0001");
        Assert.Equal(RequestStatus.InProgress, stored.Status);
        Assert.Equal("director", stored.Current!.Name);
    }

    private sealed class RecordingObserver : IApprovalOutcomeObserver
    {
        public List<(string, RequestStatus)> Seen { get; } = [];
        public bool Fail { get; set; }

        public Task OnClosedAsync(ApprovalRequest request, Outgoing outgoing, CancellationToken ct)
        {
            if (Fail) throw new InvalidOperationException("observer failed");
            Seen.Add((request.Number, request.Status));
            // What the observer sends goes out with the decision.
            if (request.InitiatorCard is { } card) outgoing.Send(card.ChatId, $"observer saw {request.Number}");
            return Task.CompletedTask;
        }
    }
}
