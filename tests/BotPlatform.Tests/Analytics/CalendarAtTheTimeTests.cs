using BotPlatform.Core.Approvals;
using BotPlatform.Core.People;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Support;
using static BotPlatform.Tests.Analytics.AnalyticsHistory;

namespace BotPlatform.Tests.Analytics;

/// <summary>
/// Working hours of past items are counted on the calendar in force on those days. The organisation file here had 04.11.2026
/// as a holiday and 09:00-18:00 days; from 16.11.2026 its calendar changed to 10:00-19:00 days and a holiday list without 04.11.
/// </summary>
public sealed class CalendarAtTheTimeTests : IAsyncLifetime
{
    private readonly TestFolder _folder = new();
    private BotHost _host = null!;
    private ApprovalPeople _p = null!;

    public async Task InitializeAsync()
    {
        var yaml = File.ReadAllText(TestFiles.Path("TestData/organisation.test.yaml")).Replace("  holidays: [2026-11-04]\n", """
              holidays: [2026-11-04]
              calendar_changes:
                - from: 2026-11-16
                  working_hours: "10:00-19:00"
                  holidays: [2026-12-31]

            """, StringComparison.Ordinal);
        Assert.Contains("calendar_changes", yaml);
        var file = Path.Combine(_folder.Path, "organisation.yaml");
        await File.WriteAllTextAsync(file, yaml);
        _host = await BotHost.StartAsync(settings: new Dictionary<string, string?> { ["Organisation:File"] = file }); // Monday 23.11.2026 10:00
        _p = await (await ApprovalPeople.JoinAsync(_host)).WithContractApproversAsync(_host);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    /// <summary>
    /// Tue 03.11 16:00 -> Thu 05.11 11:00 on the old calendar: 2 + 0 (the holiday) + 2 = 4 h; on today's calendar it would be 3 + 9 + 1 = 13 h.
    /// Tue 17.11 09:30 -> 10:30 on the new one: 0.5 h (the day starts at 10:00); on the old one it would be 1 h.
    /// </summary>
    [Fact]
    public async Task Stats_count_a_past_decision_on_the_calendar_in_force_on_its_days()
    {
        var people = _host.Get<IPeopleStore>();
        var igor = (await people.FindByUsernameAsync("head_igor", default))!.Id;
        var petr = (await people.FindByUsernameAsync("lawyer_petr", default))!.Id;
        await DecidedAsync("ЗО-2026-0001", RequestKind.Payment, HeadStep, igor, T(3, 16), T(5, 11));
        await DecidedAsync("СД-2026-0001", RequestKind.Contract, LawyerStep, petr, T(17, 9, 30), T(17, 10, 30));

        var stats = await _host.SaysAsync(_p.Director!, "/stats 02.11.2026-20.11.2026 согласования");

        Assert.Contains("• Руководитель отдела: решений 1, медиана 4,0 ч, p90 4,0 ч", stats.Text);
        Assert.Contains("• Юрист: решений 1, медиана 0,5 ч, p90 0,5 ч", stats.Text);
        _host.AssertNoInvalidCalls();
    }

    private async Task DecidedAsync(string number, RequestKind kind, string step, long actor, DateTimeOffset received, DateTimeOffset decided)
    {
        var r = new ApprovalRequest
        {
            Number = number, Kind = kind, Status = RequestStatus.Approved, InitiatorId = actor, Department = "sales", CreatedAt = received,
            Counterparty = "ООО Ромашка",
        };
        r.History.Add(new HistoryEntry { At = received, Action = ApprovalActions.Submitted, ActorId = actor });
        r.History.Add(new HistoryEntry { At = decided, Action = ApprovalActions.Approved, Step = step, Seq = 1, ActorId = actor });
        r.StepSeq = 1;
        r.Refresh();
        await _host.Get<IApprovalStore>().InsertAsync(r, default);
    }
}
