using System.Net;
using BotPlatform.Core.Documents.Review;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Documents.Review;

/// <summary>What the review refuses, and that a refusal changes nothing.</summary>
public sealed class ReviewBadInputTests : IAsyncLifetime
{
    private ReviewArrange _a = null!;

    public async Task InitializeAsync() => _a = await ReviewArrange.StartAsync(withGroup: false);

    public async Task DisposeAsync() => await _a.DisposeAsync();

    [Fact]
    public async Task Without_a_project_group_the_link_goes_to_the_manager_to_forward_and_it_is_long_random_and_stored_only_hashed()
    {
        var link = await _a.SendForReviewAsync();

        var told = _a.Host.Tg.BotMessages(_a.Olga.PrivateChat).Single(m => m.Text?.StartsWith("🔗") == true);
        Assert.StartsWith("🔗 У клиента нет группы проекта — перешлите ему эту ссылку на согласование Д-2026-0001:", told.Text);
        var token = link[(link.LastIndexOf('/') + 1)..];
        Assert.Equal(43, token.Length);
        var review = (await _a.ReviewAsync())!;
        Assert.Equal(DocumentReviews.Hash(token), review.TokenHash);
        Assert.DoesNotContain(token, review.TokenHash);
    }

    [Fact]
    public async Task An_unknown_token_and_a_revoked_one_answer_404_and_a_new_link_revokes_the_old()
    {
        var first = await _a.SendForReviewAsync();
        var second = await _a.SendForReviewAsync();
        using var http = _a.Http();

        var unknown = await http.GetAsync("/review/" + new string('A', 43));
        var old = await http.GetAsync(first);
        var live = await http.GetAsync(second);
        await _a.Host.SaysAsync(_a.Olga, "/doc Д-2026-0001 review revoke", m => m.Text?.StartsWith("🔒") == true);
        var revoked = await http.GetAsync(second);
        var postToRevoked = await http.SendAsync(ReviewArrange.Post(second, "1.1.", "Иван", "Текст"));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Такой ссылки нет или её отозвали", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, postToRevoked.StatusCode);
        Assert.Empty((await _a.ReviewAsync())!.Comments);
        Assert.Equal("no-store", live.Headers.CacheControl?.ToString());
        Assert.Equal("same-origin", live.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Oversized_nameless_cross_site_and_unknown_clause_comments_are_refused_with_a_clear_message_and_nothing_is_kept()
    {
        var link = await _a.SendForReviewAsync();
        using var http = _a.Http();

        var tooLong = await http.SendAsync(ReviewArrange.Post(link, "1.1.", "Иван", new string('я', 2001)));
        var tooLongWording = await http.SendAsync(ReviewArrange.Post(link, "1.1.", "Иван", "", new string('я', 2001)));
        var nameless = await http.SendAsync(ReviewArrange.Post(link, "1.1.", "  ", "Текст"));
        var empty = await http.SendAsync(ReviewArrange.Post(link, "1.1.", "Иван", " "));
        var noClause = await http.SendAsync(ReviewArrange.Post(link, "9.9.", "Иван", "Текст"));
        var crossSite = await http.SendAsync(ReviewArrange.Post(link, "1.1.", "Иван", "Текст", origin: "https://evil.example"));
        var nullOrigin = await http.SendAsync(ReviewArrange.Post(link, "1.1.", "Иван", "Текст", origin: "null"));
        var huge = await http.SendAsync(ReviewArrange.Post(link, "1.1.", "Иван", new string('я', 40_000)));

        Assert.All(new[] { tooLong, tooLongWording, nameless, empty, noClause, huge }, r =>
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Contains("refused=", r.RequestMessage!.RequestUri!.Query);
        });
        Assert.Contains("Слишком длинно: комментарий — не больше 2000 символов (сейчас 2001).", WebUtility.HtmlDecode(await tooLong.Content.ReadAsStringAsync()));
        Assert.Contains("Слишком длинно: формулировка — не больше 2000 символов", WebUtility.HtmlDecode(await tooLongWording.Content.ReadAsStringAsync()));
        Assert.Contains("Представьтесь", await nameless.Content.ReadAsStringAsync());
        Assert.Contains("Напишите комментарий или предложите формулировку", await empty.Content.ReadAsStringAsync());
        Assert.Contains("Пункта 9.9. в тексте нет.", await noClause.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, nullOrigin.StatusCode);
        Assert.Contains("Слишком большой запрос: комментарий и формулировка — не больше 2000 символов каждый.", WebUtility.HtmlDecode(await huge.Content.ReadAsStringAsync()));
        Assert.Empty((await _a.ReviewAsync())!.Comments);
        Assert.DoesNotContain(_a.Host.Tg.BotMessages(_a.Olga.PrivateChat), m => m.Text?.StartsWith("💬") == true);
    }

    [Fact]
    public async Task A_comment_is_html_escaped_on_the_page()
    {
        var link = await _a.SendForReviewAsync();
        using var http = _a.Http();

        var posted = await http.SendAsync(ReviewArrange.Post(link, "1.1", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>"));
        var page = await http.GetStringAsync(link);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("sent=1", posted.RequestMessage!.RequestUri!.Query);
        Assert.DoesNotContain("<script>alert", page);
        Assert.DoesNotContain("<img src=x", page);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", page);
    }

    [Fact]
    public async Task Someone_who_is_not_the_documents_manager_pressing_accept_is_refused_and_the_text_stays()
    {
        var link = await _a.SendForReviewAsync();
        using var http = _a.Http();
        await http.SendAsync(ReviewArrange.Post(link, "1.1.", "Иван", "", "Новая формулировка пункта."));
        var notice = await _a.NoticeAsync(1);
        var before = (await _a.Host.DocAsync(ReviewArrange.Contract)).Text;
        var johnsMessage = await _a.Host.SaysAsync(_a.P.John, "/help");

        var answer = await _a.Host.Tg.WaitForCallbackAnswerAsync(_a.Host.Tg.PressCallbackData(_a.P.John, johnsMessage, notice.Button(ReviewArrange.AcceptButton)!.CallbackData!));

        Assert.True(answer.ShowAlert);
        Assert.Equal("Д-2026-0001 is not yours: the deal's manager, its author or an admin may act on it.", answer.Text);
        Assert.Equal(before, (await _a.Host.DocAsync(ReviewArrange.Contract)).Text);
        Assert.False((await _a.ReviewAsync())!.Comments[0].IsAccepted);
    }

    [Fact]
    public async Task A_stale_accept_after_a_newer_version_of_the_clause_is_refused_and_a_second_press_changes_nothing()
    {
        var link = await _a.SendForReviewAsync();
        using var http = _a.Http();
        await http.SendAsync(ReviewArrange.Post(link, "1.1.", "Иван", "", "Первая новая формулировка."));
        await http.SendAsync(ReviewArrange.Post(link, "1.1.", "Мария", "", "Вторая новая формулировка."));
        await http.SendAsync(ReviewArrange.Post(link, "1.2.", "Мария", "", "Другой пункт, другая формулировка."));
        var first = await _a.NoticeAsync(1);
        var second = await _a.NoticeAsync(2);
        var other = await _a.NoticeAsync(3);

        await _a.Host.PressesAsync(_a.Olga, first, ReviewArrange.AcceptButton);
        await _a.Host.Tg.WaitForBotMessageAsync(_a.Olga.PrivateChat, m => m.Text?.StartsWith("✅ Формулировка пункта 1.1.") == true);
        var stale = await _a.Host.PressesAsync(_a.Olga, second, ReviewArrange.AcceptButton);
        var again = await _a.Host.Tg.WaitForCallbackAnswerAsync(_a.Host.Tg.PressCallbackData(_a.Olga, first, ReviewButtons.AcceptButton(1, 1, Core.Localization.Lang.Ru).CallbackData!));
        await _a.Host.PressesAsync(_a.Olga, other, ReviewArrange.AcceptButton);
        await _a.Host.Tg.WaitForBotMessageAsync(_a.Olga.PrivateChat, m => m.Text?.StartsWith("✅ Формулировка пункта 1.2.") == true);

        Assert.True(stale.ShowAlert);
        Assert.Equal("Пункт 1.1. изменился после этого предложения (сейчас версия текста 2) — принять устаревшую формулировку нельзя. Откройте страницу согласования.", stale.Text);
        Assert.Equal("Формулировка из комментария 1 уже принята.", again.Text);
        var doc = await _a.Host.DocAsync(ReviewArrange.Contract);
        Assert.Equal(3, doc.CurrentTextVersion());
        Assert.Contains("Первая новая формулировка.", doc.Text);
        Assert.DoesNotContain("Вторая новая формулировка.", doc.Text);
        Assert.Contains("Другой пункт, другая формулировка.", doc.Text);
        Assert.Equal([true, false, true], (await _a.ReviewAsync())!.Comments.Select(c => c.IsAccepted));
    }

    [Fact]
    public async Task Only_a_draft_goes_for_review_and_only_its_manager_sends_it()
    {
        var notYours = await _a.Host.SaysAsync(_a.P.John, "/doc Д-2026-0001 review");
        await _a.Host.SaysAsync(_a.Olga, "/doc СЧ-2026-0001 submit", m => m.Text?.StartsWith("📤") == true);
        var notDraft = await _a.Host.SaysAsync(_a.Olga, "/doc СЧ-2026-0001 review");

        Assert.Equal("Д-2026-0001 is not yours: the deal's manager, its author or an admin may act on it.", notYours.Text);
        Assert.Equal("СЧ-2026-0001 — согласован: на согласование клиенту отправляют только черновик.", notDraft.Text);
        Assert.Null(await _a.ReviewAsync());
    }
}
