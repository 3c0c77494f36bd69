using BotPlatform.Core.Analytics.Projection;
using BotPlatform.Core.Approvals;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Analytics;

/// <summary>The analytics rows follow every transition of a request made through the engine, in the same unit of work.</summary>
public sealed class ProjectionTests : IAsyncLifetime
{
    private static readonly TimeSpan Msk = TimeSpan.FromHours(3);
    private BotHost _host = null!;
    private ApprovalPeople _p = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync();
        _p = await ApprovalPeople.JoinAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_decision_turns_the_open_row_into_a_decided_one_and_opens_the_next_step()
    {
        var request = await _host.FiledAsync(_p.Olga);
        var store = _host.Get<IAnalyticsStore>();
        var waiting = Assert.Single(await store.OpenStepsAsync(default));

        await _host.AdvanceToAsync(new DateTimeOffset(2026, 11, 23, 17, 0, 0, Msk));
        await _host.DecidedAsync(request, _p.Igor, StepDecision.Reject, "Нет бюджета");

        Assert.Equal(("Руководитель отдела", request.Number), (waiting.Step, waiting.Number));
        Assert.Empty(await store.OpenStepsAsync(default));
        var decided = Assert.Single(await store.DecidedAsync(_host.Time.GetUtcNow().AddDays(-1), _host.Time.GetUtcNow().AddMinutes(1), default));
        var igor = await _host.PersonAsync(_p.Igor);
        Assert.Equal((ApprovalActions.Rejected, igor.Id, "Нет бюджета", 7.0, 1),
            (decided.Action, decided.ActorId, decided.Reason, decided.WorkingHours, decided.Reminders));
    }
}
