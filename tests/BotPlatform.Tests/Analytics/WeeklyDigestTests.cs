using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Support;
using MiniExcelLibs;
using static BotPlatform.Tests.Analytics.AnalyticsHistory;

namespace BotPlatform.Tests.Analytics;

/// <summary>The weekly digest: Monday at nine, once, to the director and the ops manager, with two PNG charts and the raw rows.</summary>
public sealed class WeeklyDigestTests : IAsyncLifetime
{
    private BotHost _host = null!;
    private ApprovalPeople _p = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync(now: T(22, 12)); // Sunday
        _p = await (await ApprovalPeople.JoinAsync(_host)).WithContractApproversAsync(_host);
        await SeedAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>
    /// Last week (16-22.11): Сергей's twenty 1 h, the lawyer's 4, 9 and 18 h: 23 decisions, median 1, p90 at 19.8 = 1 + 0.8·3 = 3.4,
    /// 1 rejected of 23 verdicts (4 %). The week before (9-15.11): 15 decisions 1 2 2 2 3 3 4 4 5 5 6 6 7 8 9: median 4, p90 at 12.6 = 7.6,
    /// 4 rejected of 14 verdicts (29 %). Waiting at Monday 09:00: СД-2026-0008 since Tue 13:00 = 5 + 27 = 32 h, СД-2026-0010 since Wed 09:00 = 27 h.
    /// </summary>
    [Fact]
    public async Task The_digest_arrives_on_monday_at_the_start_of_the_working_day_once_with_its_charts_and_file()
    {
        await _host.AdvanceToAsync(T(23, 8, 59));
        Assert.Empty(_host.BotSaid(_p.Director!, "Недельная сводка"));

        await _host.AdvanceToAsync(T(23, 9));
        await _host.RestartAsync();
        await _host.AdvanceToAsync(T(23, 12));
        await _host.AdvanceToAsync(T(24, 9));

        foreach (var reader in new[] { _p.Director!, _p.Anna })
        {
            var digest = Assert.Single(_host.BotSaid(reader, "🗓 Недельная сводка за 16.11 – 22.11.2026"));
            Assert.Contains("Решений: 23 (неделей раньше 15); медиана 1,0 ч (4,0); p90 3,4 ч (7,6); отклонено 4% (29%)", digest.Text);
            Assert.Contains("Самые медленные шаги (медиана):\n1. Юрист — 9,0 ч (p90 16,2 ч, решений 3)\n2. Руководитель отдела — 1,0 ч (p90 1,0 ч, решений 20)\n",
                digest.Text);
            Assert.Contains("• СД-2026-0008 «Директор» — 32,0 раб. ч, у: Сергей Директоров\n• СД-2026-0010 «Директор» — 27,0 раб. ч, у: Сергей Директоров",
                digest.Text);
            Assert.Contains("Причины отклонения:\n• Нет подписи клиента — 1", digest.Text);
            var photos = _host.Tg.BotMessages(reader.PrivateChat).Where(m => m.Photo is not null).ToList();
            Assert.Equal(["Время решения по согласующим (медиана, раб. ч)", "Документы по статусам сейчас"], photos.Select(m => m.Caption));
            foreach (var photo in photos)
            {
                Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, photo.Photo!.Content[..4]);
                Assert.Equal((900, 520), (photo.Photo.Width, photo.Photo.Height));
            }
            var file = Assert.Single(_host.Tg.BotMessages(reader.PrivateChat), m => m.Document?.FileName == "Решения 2026-11-16 – 2026-11-22.xlsx");
            using var stream = new MemoryStream(file.Document!.Content);
            var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
            Assert.Equal(23, rows.Count);
            var rejected = Assert.Single(rows, r => (string)r["Решение"] == "отклонено");
            Assert.Equal(("СД-2026-0009", "Юрист", "Пётр Законов", 9.0, "Нет подписи клиента"),
                ((string)rejected["Номер"], (string)rejected["Шаг"], (string)rejected["Кто решил"], Convert.ToDouble(rejected["Рабочих часов"]),
                    (string)rejected["Причина"]));
            Assert.Equal(20, rows.Count(r => (string)r["Кто решил"] == "Сергей Директоров"));
        }
        Assert.Empty(_host.BotSaid(_p.Igor, "Недельная сводка"));
        File.WriteAllBytes(Path.Combine(AppContext.BaseDirectory, "weekly-digest-approvers.png"),
            _host.Tg.BotMessages(_p.Director!.PrivateChat).First(m => m.Photo is not null).Photo!.Content);
        _host.AssertNoInvalidCalls();
    }
}
