using BotPlatform.Core.Analytics.Stats;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Support;
using static BotPlatform.Tests.Analytics.AnalyticsHistory;

namespace BotPlatform.Tests.Analytics;

/// <summary>/stats over a seeded history: every figure equals the table computed by hand in this file, on both engines.</summary>
public abstract class StatsTests(StorageEngine engine) : IAsyncLifetime
{
    public sealed class LiteDb() : StatsTests(StorageEngine.LiteDb);

    public sealed class Postgres() : StatsTests(StorageEngine.Postgres);

    private BotHost _host = null!;
    private ApprovalPeople _p = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync(storage: engine); // Monday 23.11.2026 10:00
        _p = await (await ApprovalPeople.JoinAsync(_host)).WithContractApproversAsync(_host);
        await SeedAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<StatsReport> ReportAsync(string? department = null)
    {
        var stats = _host.Get<StatsService>();
        return stats.ComputeAsync(stats.Period(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 20)), StatsScope.All, department, default);
    }

    /// <summary>
    /// Percentiles interpolate between closest ranks: position (n - 1)·p of the sorted hours.
    /// Head step: Сергей's twenty 1 h plus Игорь's 1 2 3 4 5 6 7 8 6 4 (30 values: twenty-one 1s, then 2 3 4 4 5 6 6 7 8):
    ///   median at 14.5 = 1; p90 at 26.1 = x26 (6) + 0.1·(x27 6 - 6) = 6; approved 26, rejected 2: 2/28 = 7.1 %.
    /// Finance step: 2 2 3 9 1 5 -> 1 2 2 3 5 9: median (2+3)/2 = 2.5; p90 at 4.5 = 5 + 0.5·4 = 7; 4 approved, 2 rejected: 33.3 %.
    /// Lawyer: 1 1 2 2 3 3 4 4 9 18: median 3; p90 at 8.1 = 9 + 0.1·9 = 9.9; 9 approved, 1 rejected: 10 %.
    /// Director: seven 2 h: 2 and 2; 0 %; waiting СД-2026-0008 (33 h) and СД-2026-0010 (28 h).
    /// </summary>
    [Fact]
    public async Task Per_step_figures_equal_the_hand_computed_table()
    {
        var report = await ReportAsync();

        var steps = report.Approvals!.Steps.ToDictionary(s => s.Name);
        Assert.Equal([LawyerStep, FinanceStep, DirectorStep, HeadStep], report.Approvals.Steps.Select(s => s.Name)); // slowest median first
        Expect(steps[HeadStep], decided: 30, median: 1, p90: 6, approved: 26, rejected: 2, rate: 7.1, waiting: 0);
        Expect(steps[FinanceStep], decided: 6, median: 2.5, p90: 7, approved: 4, rejected: 2, rate: 33.3, waiting: 0);
        Expect(steps[LawyerStep], decided: 10, median: 3, p90: 9.9, approved: 9, rejected: 1, rate: 10, waiting: 0);
        Expect(steps[DirectorStep], decided: 7, median: 2, p90: 2, approved: 7, rejected: 0, rate: 0, waiting: 2);
        Assert.Equal(("СД-2026-0008", 33.0), (steps[DirectorStep].OldestNumber, steps[DirectorStep].OldestHours));
    }

    /// <summary>
    /// Игорь: 1 2 3 4 5 6 7 8 6 4 -> 1 2 3 4 4 5 6 6 7 8: median 4.5; p90 at 8.1 = 7 + 0.1·1 = 7.1; 6 approved, 2 rejected: 25 %.
    /// Мария: 2 2 3 9 5 -> 2 2 3 5 9: median 3; p90 at 3.6 = 5 + 0.6·4 = 7.4; 1 of 5 rejected: 20 %.
    /// Анна: one 1 h rejection on behalf of Мария (escalated): 100 %.
    /// Сергей: twenty 1 h and seven 2 h: median at 13 = 1; p90 at 23.4 = 2.
    /// </summary>
    [Fact]
    public async Task Per_approver_figures_count_a_delegated_decision_against_who_acted_and_name_the_assignee()
    {
        var report = await ReportAsync();

        var people = report.Approvals!.Approvers.ToDictionary(s => s.Name);
        Expect(people["Игорь Начальников"], decided: 10, median: 4.5, p90: 7.1, approved: 6, rejected: 2, rate: 25, waiting: 0);
        Expect(people["Мария Финансова"], decided: 5, median: 3, p90: 7.4, approved: 4, rejected: 1, rate: 20, waiting: 0);
        Expect(people["Анна Админова"], decided: 1, median: 1, p90: 1, approved: 0, rejected: 1, rate: 100, waiting: 0);
        Assert.Equal(1, people["Анна Админова"].OnBehalf);
        Assert.Equal(["Мария Финансова"], people["Анна Админова"].ForWhom);
        Expect(people["Пётр Законов"], decided: 10, median: 3, p90: 9.9, approved: 9, rejected: 1, rate: 10, waiting: 0);
        Expect(people["Сергей Директоров"], decided: 27, median: 1, p90: 2, approved: 27, rejected: 0, rate: 0, waiting: 2);
        Assert.Equal(5, people.Count);
    }

    [Fact]
    public async Task Rejection_reasons_are_grouped_quick_ones_matched_whatever_the_case_and_the_counters_add_up()
    {
        var report = await ReportAsync();

        var a = report.Approvals!;
        Assert.Equal(
            [new ReasonCount("Нет бюджета", true, 3), new ReasonCount("Не тот подрядчик", false, 1), new ReasonCount("Нет подписи клиента", false, 1)],
            a.Reasons);
        Assert.Equal((1, 1, 2, 1), (a.Freezes, a.DocumentRequests, a.Escalations, a.OnBehalf));
    }

    /// <summary>
    /// Specifications: drafts 1 1 1 1 1 3 3 3 3 (S10 still a draft): median 1, p90 at 7.2 = 3; on approval 2 h (8); approved 1 h (8); printed 4 h (4).
    /// Framework contracts: drafts 2 h (10), approved 5 h (9).
    /// Now (Mon 23.11 10:00): a draft since Mon 16.11 09:00 = 9·5 + 1 = 46 h; on approval since Mon 12:00 = 6 + 36 + 1 = 43 h with the
    /// director; approved (the print queue) since Tue 11:00 = 7 + 27 + 1 = 35 h; 13 printed, the oldest since Mon 13:00 = 42 h; 4 sent since Mon 17:00 = 38 h.
    /// </summary>
    [Fact]
    public async Task Documents_show_the_time_in_each_status_by_kind_and_where_they_stall_now_with_who_holds_them()
    {
        var report = await ReportAsync();

        var d = report.Documents!;
        Assert.Equal(
            [
                ("framework_contract", DocumentStatus.Draft, 10, 2.0, 2.0), ("framework_contract", DocumentStatus.Approved, 9, 5.0, 5.0),
                ("specification", DocumentStatus.Draft, 9, 1.0, 3.0), ("specification", DocumentStatus.OnApproval, 8, 2.0, 2.0),
                ("specification", DocumentStatus.Approved, 8, 1.0, 1.0), ("specification", DocumentStatus.Printed, 4, 4.0, 4.0),
            ],
            d.Durations.Select(x => (x.Kind, x.Status, x.Count, x.Median, x.P90)));
        Assert.Equal(
            [
                new Stall(DocumentStatus.Draft, 1, "СП-2026-0010", 46, "Ольга Сотрудникова"),
                new Stall(DocumentStatus.OnApproval, 1, "СП-2026-0009", 43, "Сергей Директоров"),
                new Stall(DocumentStatus.Approved, 1, "Д-2026-0010", 35, "\u0001"),
                new Stall(DocumentStatus.Printed, 13, "СП-2026-0005", 42, "Ольга Сотрудникова"),
                new Stall(DocumentStatus.Sent, 4, "СП-2026-0001", 38, "Ольга Сотрудникова"),
            ],
            d.Stalls);
    }

    [Fact]
    public async Task The_director_reads_it_in_the_chat_a_head_sees_his_department_and_an_employee_is_refused()
    {
        var director = await _host.SaysAsync(_p.Director!, "/stats 02.11.2026-20.11.2026");
        var head = await _host.SaysAsync(_p.Igor, "/stats 02.11.2026-20.11.2026 согласования");
        var employee = await _host.SaysAsync(_p.Olga, "/stats");
        var wrong = await _host.SaysAsync(_p.Director!, "/stats вчера");

        Assert.StartsWith("📊 Аналитика за 02.11.2026 – 20.11.2026", director.Text);
        Assert.Contains("• Юрист: решений 10, медиана 3,0 ч, p90 9,9 ч, отклонено 10% (1 из 10)", director.Text);
        Assert.Contains("• Директор: решений 7, медиана 2,0 ч, p90 2,0 ч, отклонено 0% (0 из 7), ждут 2 (дольше всех СД-2026-0008 — 33,0 ч)", director.Text);
        Assert.Contains("• Анна Админова: решений 1, медиана 1,0 ч, p90 1,0 ч, отклонено 100% (1 из 1), за других 1 (Мария Финансова)", director.Text);
        Assert.Contains("• Нет бюджета — 3", director.Text);
        Assert.Contains("• «Не тот подрядчик» — 1 (свой текст)", director.Text);
        Assert.Contains("Заморозок: 1 · запросов документов: 1 · эскалаций: 2 · решений за другого: 1", director.Text);
        Assert.Contains("• на согласовании: 1, дольше всех СП-2026-0009 — 43,0 ч, у: Сергей Директоров", director.Text);
        Assert.Contains("• согласован: 1, дольше всех Д-2026-0010 — 35,0 ч, у: очередь печати", director.Text);

        Assert.Contains("Отдел: Отдел продаж", head.Text);
        Assert.Contains("• Руководитель отдела: решений 10, медиана 4,5 ч, p90 7,1 ч, отклонено 25% (2 из 8)", head.Text);
        Assert.DoesNotContain("Документы", head.Text);
        Assert.StartsWith("Аналитику видят директор", employee.Text);
        Assert.StartsWith("Не понял «вчера».", wrong.Text);
        _host.AssertNoInvalidCalls();
    }

    private static void Expect(DecisionFigure f, int decided, double median, double p90, int approved, int rejected, double rate, int waiting) =>
        Assert.Equal((decided, median, p90, approved, rejected, (double?)rate, waiting),
            (f.Decided, f.Median, f.P90, f.Approved, f.Rejected, f.RejectionRate, f.Waiting));
}
