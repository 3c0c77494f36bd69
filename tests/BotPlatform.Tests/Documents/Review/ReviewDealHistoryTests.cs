using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Documents.Review;

/// <summary>The client's review as the deal's history tells it: the link, the client's comment and the accepted wording.</summary>
public sealed class ReviewDealHistoryTests : IAsyncLifetime
{
    private ReviewArrange _a = null!;

    public async Task InitializeAsync() => _a = await ReviewArrange.StartAsync(withGroup: false);

    public async Task DisposeAsync() => await _a.DisposeAsync();

    private Task AtAsync(int hour, int minute = 0)
    {
        _a.Host.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, hour, minute, 0, TimeSpan.FromHours(3)));
        return _a.Host.IdleAsync();
    }

    [Fact]
    public async Task The_review_link_the_clients_comment_and_the_accepted_wording_show_in_the_deals_history()
    {
        await AtAsync(11);
        var link = await _a.SendForReviewAsync();
        await AtAsync(12);
        using var http = _a.Http();
        await http.SendAsync(ReviewArrange.Post(link, "1.1.", "Иван", "Так точнее", "Новая формулировка пункта."));
        var notice = await _a.NoticeAsync(1);
        await AtAsync(13);
        await _a.Host.PressesAsync(_a.Olga, notice, ReviewArrange.AcceptButton);
        await _a.Host.IdleAsync();

        var history = await _a.Host.SaysAsync(_a.Olga, "/deal СДЛ-2026-0001 history", m => m.Text?.StartsWith("📜") == true);

        var lines = history.Text!.Split('\n');
        Assert.Contains("23.11.2026 11:00 🔗 Договор оказания услуг Д-2026-0001 — ссылка на согласование клиенту (Ольга Сотрудникова)", lines);
        Assert.Contains("23.11.2026 12:00 💬 Договор оказания услуг Д-2026-0001 — комментарий клиента к п. 1.1 (Иван, клиент)", lines);
        Assert.Contains("23.11.2026 13:00 ✏️ Договор оказания услуг Д-2026-0001 — текст изменён, версия 2 (Ольга Сотрудникова): "
            + "пункт 1.1.: формулировка Иван (комментарий 1)", lines);
    }
}
