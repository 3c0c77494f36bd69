using System.Net;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Documents.Review;

/// <summary>
/// The public page under abuse, at the HTTP level: the limits come from the Review section of the configuration,
/// the rate limiter answers 429 per link, per client address and per link's comments, and every form POST is
/// answered with a redirect (Post/Redirect/Get) that changes nothing when refused.
/// </summary>
public sealed class ReviewAbuseTests
{
    private static Dictionary<string, string?> Settings(int perLink = 1000, int perIp = 1000, int comments = 1000) => new()
    {
        ["Review:MaxNameLength"] = "20",
        ["Review:MaxCommentLength"] = "50",
        ["Review:MaxProposalLength"] = "60",
        ["Review:MaxCommentsPerDocument"] = "2",
        ["Review:MaxRequestBytes"] = "2048",
        ["Review:RateLimit:WindowSeconds"] = "3600",
        ["Review:RateLimit:RequestsPerLink"] = perLink.ToString(),
        ["Review:RateLimit:RequestsPerIp"] = perIp.ToString(),
        ["Review:RateLimit:CommentsPerLink"] = comments.ToString(),
    };

    [Fact]
    public async Task The_configured_limits_refuse_long_fields_a_large_body_and_comments_past_the_documents_cap_and_the_form_shows_them()
    {
        await using var a = await ReviewArrange.StartAsync(withGroup: false, settings: Settings());
        var link = await a.SendForReviewAsync();
        using var http = a.Http();

        var page = await http.GetStringAsync(link);
        var longText = await Body(http, ReviewArrange.Post(link, "1.1.", "Иван", new string('я', 51)));
        var longName = await Body(http, ReviewArrange.Post(link, "1.1.", new string('И', 21), "Текст"));
        var longWording = await Body(http, ReviewArrange.Post(link, "1.1.", "Иван", "", new string('я', 61)));
        var large = await Body(http, ReviewArrange.Post(link, "1.1.", "Иван", new string('x', 40), new string('я', 500)));
        var first = await http.SendAsync(ReviewArrange.Post(link, "1.1.", "Иван", "Первый"));
        var second = await http.SendAsync(ReviewArrange.Post(link, "1.2.", "Иван", "Второй"));
        var third = await Body(http, ReviewArrange.Post(link, "1.1.", "Иван", "Третий"));
        await a.Host.IdleAsync();

        Assert.Contains("maxlength=\"20\"", page);
        Assert.Contains("до 50 символов", page);
        Assert.Contains("Слишком длинно: комментарий — не больше 50 символов (сейчас 51).", longText);
        Assert.Contains("Слишком длинно: имя — не больше 20 символов (сейчас 21).", longName);
        Assert.Contains("Слишком длинно: формулировка — не больше 60 символов (сейчас 61).", longWording);
        Assert.Contains("Слишком большой запрос: комментарий и формулировка — не больше 50 символов каждый. Ничего не сохранено.", large);
        Assert.Contains("sent=1", first.RequestMessage!.RequestUri!.Query);
        Assert.Contains("sent=2", second.RequestMessage!.RequestUri!.Query);
        Assert.Contains("К этому документу уже 2 комментариев — больше страница не принимает.", third);
        Assert.Equal(["Первый", "Второй"], (await a.ReviewAsync())!.Comments.Select(c => c.Text));
        Assert.Equal(2, a.Host.Tg.BotMessages(a.Olga.PrivateChat).Count(m => m.Text?.StartsWith("💬") == true));
    }

    [Fact]
    public async Task A_refused_post_and_a_good_one_are_answered_with_a_redirect_so_a_reload_posts_nothing()
    {
        await using var a = await ReviewArrange.StartAsync(withGroup: false, settings: Settings());
        var link = await a.SendForReviewAsync();
        using var http = a.RawHttp();

        var good = await http.SendAsync(ReviewArrange.Post(link, "1.1.", "Иван", "Хороший"));
        var bad = await http.SendAsync(ReviewArrange.Post(link, "1.1.", "Иван", new string('я', 51)));
        var shown = await http.GetAsync(bad.Headers.Location);
        var foreign = await http.GetAsync(link + "?refused=" + new string('0', 32));

        Assert.Equal(HttpStatusCode.SeeOther, good.StatusCode);
        Assert.StartsWith(new Uri(link).AbsolutePath + "?lang=ru&sent=1#c-1.1.", good.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.SeeOther, bad.StatusCode);
        Assert.Contains("&refused=", bad.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("Слишком длинно: комментарий — не больше 50 символов (сейчас 51).", WebUtility.HtmlDecode(await shown.Content.ReadAsStringAsync()));
        Assert.Contains("Комментарий не принят — ничего не сохранено.", WebUtility.HtmlDecode(await foreign.Content.ReadAsStringAsync()));
        Assert.Single((await a.ReviewAsync())!.Comments);
    }

    [Fact]
    public async Task One_link_past_its_limit_gets_a_localised_429_with_retry_after_while_another_link_still_opens()
    {
        await using var a = await ReviewArrange.StartAsync(withGroup: false, settings: Settings(perLink: 3));
        var link = await a.SendForReviewAsync();
        var invoice = await a.SendInvoiceForReviewAsync();
        using var http = a.RawHttp();

        var views = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) views.Add((await http.GetAsync(link)).StatusCode);
        var refused = await http.GetAsync(link);
        var refusedEnglish = await http.GetAsync(link + "?lang=en");
        var refusedPost = await http.SendAsync(ReviewArrange.Post(link, "1.1.", "Иван", "Текст"));
        var other = await http.GetAsync(invoice);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], views);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var wait = refused.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(wait, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("<title>Слишком много запросов</title>", body);
        Assert.Contains("слишком много запросов. Попробуйте снова через", body);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Too many requests", await refusedEnglish.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedPost.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Empty((await a.ReviewAsync())!.Comments);
    }

    [Fact]
    public async Task Comments_to_one_link_past_their_limit_get_429_and_reach_nobody_while_the_page_still_opens()
    {
        await using var a = await ReviewArrange.StartAsync(withGroup: false, settings: Settings(comments: 1));
        var link = await a.SendForReviewAsync();
        using var http = a.RawHttp();

        var posted = await http.SendAsync(ReviewArrange.Post(link, "1.1.", "Иван", "Первый"));
        var tooMany = await http.SendAsync(ReviewArrange.Post(link, "1.1.", "Иван", "Второй"));
        var view = await http.GetAsync(link);
        await a.Host.IdleAsync();

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, tooMany.StatusCode);
        Assert.NotNull(tooMany.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        Assert.Equal(["Первый"], (await a.ReviewAsync())!.Comments.Select(c => c.Text));
        Assert.Single(a.Host.Tg.BotMessages(a.Olga.PrivateChat), m => m.Text?.StartsWith("💬") == true);
    }

    [Fact]
    public async Task One_client_address_past_its_limit_gets_429_on_every_link_while_another_address_still_opens_them()
    {
        await using var a = await ReviewArrange.StartAsync(withGroup: false, settings: Settings(perIp: 3));
        var link = await a.SendForReviewAsync();
        var invoice = await a.SendInvoiceForReviewAsync();
        using var noisy = a.RawHttp("127.0.0.1");
        using var quiet = a.RawHttp("127.0.0.2");

        var views = new List<HttpStatusCode>();
        foreach (var l in new[] { link, invoice, link }) views.Add((await noisy.GetAsync(l)).StatusCode);
        var refusedHere = await noisy.GetAsync(invoice);
        var refusedPost = await noisy.SendAsync(ReviewArrange.Post(link, "1.1.", "Иван", "Текст"));
        var elsewhere = await quiet.GetAsync(invoice);
        var elsewherePost = await quiet.SendAsync(ReviewArrange.Post(link, "1.1.", "Мария", "Текст"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], views);
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedHere.StatusCode);
        Assert.NotNull(refusedHere.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedPost.StatusCode);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, elsewherePost.StatusCode);
        Assert.Equal(["Мария"], (await a.ReviewAsync())!.Comments.Select(c => c.Author));
    }

    private static async Task<string> Body(HttpClient http, HttpRequestMessage request) =>
        WebUtility.HtmlDecode(await (await http.SendAsync(request)).Content.ReadAsStringAsync());
}
