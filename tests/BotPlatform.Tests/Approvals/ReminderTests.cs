using BotPlatform.Core.Approvals;
using BotPlatform.Core.Audit;
using BotPlatform.Core.People;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Approvals;

/// <summary>The worked example to the minute, Europe/Moscow: submitted Friday 16:00, the head silent.</summary>
public sealed class ReminderTests
{
    private static readonly TimeSpan Msk = TimeSpan.FromHours(3);

    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, Msk);

    public static TheoryData<bool, DateTimeOffset[], DateTimeOffset, DateTimeOffset> Examples => new()
    {
        // An ordinary week: reminders Mon 11:00, Mon 15:00, Tue 10:00, Tue 14:00; strong Tue 16:00; ops Tue 17:00.
        { false, [At(23, 11), At(23, 15), At(24, 10), At(24, 14)], At(24, 16), At(24, 17) },
        // Monday a public holiday: everything moves by a working day.
        { true, [At(24, 11), At(24, 15), At(25, 10), At(25, 14)], At(25, 16), At(25, 17) },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Reminders_strong_reminder_and_escalation_arrive_at_the_exact_working_times(
        bool mondayHoliday, DateTimeOffset[] reminders, DateTimeOffset strong, DateTimeOffset escalation)
    {
        await using var host = await StartAsync(mondayHoliday);
        var p = await ApprovalPeople.JoinAsync(host);
        await host.AdvanceToAsync(At(20, 16));
        await host.FilePaymentAsync(p.Olga);

        foreach (var due in reminders)
        {
            await host.AdvanceToAsync(due.AddMinutes(-1));
            var before = host.BotSaid(p.Igor, "⏰ Напоминание").Count;
            await host.AdvanceToAsync(due);
            Assert.Equal(before + 1, host.BotSaid(p.Igor, "⏰ Напоминание").Count);
        }
        await host.AdvanceToAsync(strong.AddMinutes(-1));
        Assert.Empty(host.BotSaid(p.Igor, "❗ Настойчивое напоминание"));
        await host.AdvanceToAsync(strong);
        Assert.Single(host.BotSaid(p.Igor, "❗ Настойчивое напоминание"));
        await host.AdvanceToAsync(escalation.AddMinutes(-1));
        Assert.Empty(host.BotSaid(p.Anna, "🚨 Эскалация"));
        await host.AdvanceToAsync(escalation);

        var card = Assert.Single(host.BotSaid(p.Anna, "🚨 Эскалация"));
        Assert.Contains("ЗО-2026-0001 ждёт решения", card.Text);
        Assert.Equal(4, host.BotSaid(p.Igor, "⏰ Напоминание").Count);
        host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task The_ops_manager_decides_on_behalf_of_the_assignee_and_the_audit_keeps_both_names()
    {
        await using var host = await StartAsync(mondayHoliday: false);
        var p = await ApprovalPeople.JoinAsync(host);
        await host.AdvanceToAsync(At(20, 16));
        await host.FilePaymentAsync(p.Olga);
        await host.AdvanceToAsync(At(24, 17));
        var escalated = host.CardWith(p.Anna, "✅ Согласовать");
        var headCard = host.BotSaid(p.Igor, "Нужно ваше решение")[0];

        await host.PressesAsync(p.Anna, escalated, "✅ Согласовать");
        await host.IdleAsync();

        var audit = await host.Get<IAuditLog>().ForSubjectAsync("approval:ЗО-2026-0001", default);
        var approved = Assert.Single(audit, e => e.Action == ApprovalActions.Approved);
        var request = await host.RequestAsync("ЗО-2026-0001");
        var people = host.Get<IPeopleStore>();
        Assert.Equal((await people.FindByUsernameAsync("admin_anna", default))!.Id, approved.ActorId);
        Assert.Equal((await people.FindByUsernameAsync("head_igor", default))!.Id, approved.OnBehalfOfId);
        Assert.Contains("Анна Админова (за: Игорь Начальников)", host.Latest(headCard));
        Assert.Contains("Анна Админова (за: Игорь Начальников)", host.Latest(escalated));
        Assert.Equal("Финансовый менеджер", request.Current!.Title);
    }

    [Fact]
    public async Task Downtime_across_several_reminder_times_fires_once_after_the_restart_and_never_again()
    {
        await using var host = await StartAsync(mondayHoliday: false);
        var p = await ApprovalPeople.JoinAsync(host);
        await host.AdvanceToAsync(At(20, 16));
        await host.FilePaymentAsync(p.Olga);

        await host.StopAsync();
        host.Time.SetUtcNow(At(24, 12));
        host.Start();
        await host.IdleAsync();
        var afterRestart = host.BotSaid(p.Igor, "⏰ Напоминание").Count;
        await host.AdvanceToAsync(At(24, 13, 59));

        Assert.Equal(1, afterRestart);
        Assert.Single(host.BotSaid(p.Igor, "⏰ Напоминание"));
        await host.AdvanceToAsync(At(24, 14));
        Assert.Equal(2, host.BotSaid(p.Igor, "⏰ Напоминание").Count);
        var audit = await host.Get<IAuditLog>().ForSubjectAsync("approval:ЗО-2026-0001", default);
        Assert.Equal(2, audit.Count(e => e.Action == ApprovalActions.Reminder));
    }

    [Fact]
    public async Task Reminders_due_to_one_person_at_once_arrive_as_one_digest()
    {
        await using var host = await StartAsync(mondayHoliday: false);
        var p = await ApprovalPeople.JoinAsync(host);
        await host.AdvanceToAsync(At(20, 16));
        await host.FilePaymentAsync(p.Olga, "ООО Ромашка");
        await host.FilePaymentAsync(p.Olga, "ИП Васильев");
        await host.FilePaymentAsync(p.John, "Acme Ltd");
        var before = host.Tg.BotMessages(p.Igor.PrivateChat).Count;

        await host.AdvanceToAsync(At(23, 11));

        var digest = Assert.Single(host.Tg.BotMessages(p.Igor.PrivateChat).Skip(before));
        Assert.Contains("Вас ждут заявки (3)", digest.Text);
        Assert.Equal(["ЗО-2026-0001", "ЗО-2026-0002", "ЗО-2026-0003"], digest.Buttons.Select(b => b.Text));
    }

    private static async Task<BotHost> StartAsync(bool mondayHoliday)
    {
        var settings = new Dictionary<string, string?>();
        if (mondayHoliday)
        {
            var yaml = await File.ReadAllTextAsync(TestFiles.Path("TestData/organisation.test.yaml"));
            var path = Path.Combine(Path.GetTempPath(), $"org-holiday-{Guid.NewGuid():N}.yaml");
            await File.WriteAllTextAsync(path, yaml.Replace("holidays: [2026-11-04]", "holidays: [2026-11-04, 2026-11-23]"));
            settings["Organisation:File"] = path;
        }
        return await BotHost.StartAsync(now: At(20, 15), settings: settings);
    }
}
