using System.Globalization;
using System.Net;
using System.Text;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Review;
using BotPlatform.Core.Documents.Templates.Markup;
using BotPlatform.Core.Localization;
using BotPlatform.Core.People;
using Microsoft.Extensions.Options;

namespace BotPlatform.Bot.Documents.Review;

/// <summary>
/// The client's review page: GET shows the draft laid out like its PDF with every clause numbered; a plain
/// form per clause posts a comment (POST, then a redirect back). No script, no front-end build. The token in
/// the path is the only key; the page is never cached nor its address sent to another site as a referrer, and a form posted from
/// another site is refused (Origin / Sec-Fetch-Site).
/// </summary>
public static class ReviewPages
{
    public static WebApplication MapDocumentReview(this WebApplication app)
    {
        app.MapGet(ReviewAddress.Path + "{token}", ShowAsync);
        app.MapPost(ReviewAddress.Path + "{token}/comment", CommentAsync);
        return app;
    }

    private static async Task<IResult> ShowAsync(HttpContext http, string token, string? lang, int? sent, string? refused, DocumentReviews reviews,
        ReviewRefusals refusals, Organisation organisation, CancellationToken ct)
    {
        var language = Language(http, lang);
        var page = await reviews.OpenAsync(token, ct);
        if (refused is null) return Render(http, token, page, language, organisation, sent is not null ? ReviewPageTexts.Sent.In(language) : null, null, null);
        // After a refused POST: the reason and what was typed, kept for a few minutes on this host; a stale or foreign flag says only that it was refused.
        var refusal = refusals.Take(refused, token);
        return Render(http, token, page, language, organisation, null, refusal?.Problem ?? new Problem(ReviewProblems.Refused), refusal?.Input);
    }

    /// <summary>
    /// Post/Redirect/Get: whatever the outcome, a browser's form POST is answered with 303 to the page (a flag says what
    /// happened), so a reload never posts again. Only a cross-site form (403) and the rate limiter (429) answer in place.
    /// </summary>
    private static async Task<IResult> CommentAsync(HttpContext http, string token, DocumentReviews reviews, ReviewRefusals refusals,
        IOptions<ReviewOptions> options, Organisation organisation, CancellationToken ct)
    {
        var request = http.Request;
        var lang = Language(http, request.Query["lang"]);
        var limits = options.Value;
        if (CrossSite(request))
            return Html(http, StatusCodes.Status403Forbidden, Message(ReviewPageTexts.Refused.In(lang), ReviewPageTexts.Forbidden.In(lang), lang));
        if (request.ContentLength is null or 0 || request.ContentLength > limits.MaxRequestBytes || !request.HasFormContentType)
            return Refused(http, token, lang, refusals, new Problem(ReviewProblems.RequestTooLarge, limits.MaxCommentLength), null);
        var form = await request.ReadFormAsync(ct);
        if (form["lang"] is { Count: > 0 } formLang) lang = Language(http, formLang);
        var input = new CommentForm(form["clause"], form["name"], form["text"], form["proposal"]);
        var result = await reviews.CommentAsync(token, input, ct);
        if (result.IsOk) return SeeOther(http, $"{Page(token, lang)}&sent={result.Value!.No}#c-{result.Value.Clause}");
        // Unknown, revoked or closed links: the page itself says so (404 / 410).
        if (result.Problem!.Code is ReviewProblems.NotFound or ReviewProblems.Gone) return SeeOther(http, Page(token, lang));
        return Refused(http, token, lang, refusals, result.Problem, input);
    }

    private static IResult Refused(HttpContext http, string token, Lang lang, ReviewRefusals refusals, Problem problem, CommentForm? input)
    {
        var id = refusals.Keep(token, problem, input);
        var clause = input?.Clause is { Length: > 0 } c ? "#c-" + Uri.EscapeDataString(ReviewClauses.Normalise(c)) : "";
        return SeeOther(http, $"{Page(token, lang)}&refused={id}{clause}");
    }

    private static string Page(string token, Lang lang) => $"{ReviewAddress.Path}{Uri.EscapeDataString(token)}?lang={Code(lang)}";

    private static IResult SeeOther(HttpContext http, string location)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Location = location;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    /// <summary>The rate limiter's answer: a page in the reader's language saying when to try again, with Retry-After.</summary>
    public static Task WriteTooManyAsync(HttpContext http, TimeSpan? retryAfter, CancellationToken ct)
    {
        var lang = Language(http, http.Request.Query["lang"]);
        var seconds = retryAfter is { } wait ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var minutes = (seconds + 59) / 60;
        var when = seconds < 120 ? ReviewPageTexts.Seconds.In(lang, seconds) : ReviewPageTexts.Minutes.In(lang, minutes);
        var result = Html(http, StatusCodes.Status429TooManyRequests, Message(ReviewPageTexts.TooManyTitle.In(lang), ReviewPageTexts.TooMany.In(lang, when), lang));
        return result.ExecuteAsync(http);
    }

    private static IResult Render(HttpContext http, string token, Result<ReviewPage> page, Lang lang, Organisation organisation, string? notice, Problem? problem,
        CommentForm? input)
    {
        if (!page.IsOk)
        {
            return page.Problem!.Code == ReviewProblems.Gone
                ? Html(http, StatusCodes.Status410Gone, Message(ReviewPageTexts.GoneTitle.In(lang), ReviewPageTexts.Gone.In(lang, page.Problem.Args[0]), lang))
                : Html(http, StatusCodes.Status404NotFound, Message(ReviewPageTexts.NotFoundTitle.In(lang), ReviewPageTexts.NotFound.In(lang), lang));
        }
        return Html(http, StatusCodes.Status200OK, Document(page.Value!, token, lang, organisation, notice, problem, input, Limits(http)));
    }

    private static ReviewOptions Limits(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<ReviewOptions>>().Value;

    private static string Document(ReviewPage page, string token, Lang lang, Organisation organisation, string? notice, Problem? problem, CommentForm? input,
        ReviewOptions limits)
    {
        var doc = page.Document;
        var open = page.State == ReviewState.Open;
        var comments = page.Review.Comments.ToLookup(c => c.Clause);
        var body = new StringBuilder();
        body.Append("<header class=\"bar\"><span>").Append(E(page.Seller)).Append("</span>")
            .Append(LanguageSwitch(lang)).Append("</header>");
        body.Append("<p class=\"meta\">").Append(E(ReviewPageTexts.Meta.In(lang, DocumentTexts.StatusName(doc.Status).In(lang), doc.CurrentTextVersion(),
            Local(organisation, doc.TextVersions.Count > 0 ? doc.TextVersions[^1].At : doc.CreatedAt)))).Append("</p>");
        body.Append("<p class=\"intro\">").Append(E(open ? ReviewPageTexts.Intro.In(lang) : ReviewPageTexts.ReadOnly.In(lang))).Append("</p>");
        if (notice is not null && open) body.Append("<p class=\"notice ok\" role=\"status\">").Append(E(notice)).Append("</p>");
        var problemShown = false;
        body.Append("<article class=\"sheet\"><div class=\"docno\">").Append(E(doc.Number)).Append("</div>");
        foreach (var block in page.Blocks.Select(b => b.Block))
        {
            switch (block)
            {
                case TitleBlock t:
                    body.Append("<h1>").Append(Runs(t.Runs)).Append("</h1>");
                    break;
                case HeadingBlock h:
                    body.Append("<h2>").Append(h.Number.Length > 0 ? E(h.Number) + " " : "").Append(Runs(h.Runs)).Append("</h2>");
                    break;
                case ClauseBlock c:
                    var mine = problem is not null && input is not null && ReviewClauses.Normalise(input.Clause ?? "") == c.Number;
                    problemShown |= mine;
                    Clause(body, token, c, comments[c.Number], lang, organisation, open, mine ? problem : null, mine ? input : null, limits);
                    break;
                case ParagraphBlock p:
                    body.Append("<p class=\"").Append(p.Align.ToString().ToLowerInvariant()).Append("\">").Append(Runs(p.Runs)).Append("</p>");
                    break;
                case TableBlock table:
                    Table(body, table);
                    break;
                case SignaturesBlock s:
                    body.Append("<div class=\"signatures\"><div>").Append(string.Join("<br>", s.Left.Select(Runs)))
                        .Append("</div><div>").Append(string.Join("<br>", s.Right.Select(Runs))).Append("</div></div>");
                    break;
                case PageBreakBlock:
                    body.Append("<hr class=\"pagebreak\">");
                    break;
            }
        }
        body.Append("</article>");
        if (problem is not null && !problemShown)
            body.Insert(0, "<p class=\"notice error\" role=\"alert\">" + E(ProblemTexts.Render(problem, lang)) + "</p>");
        if (doc.TextVersions.Count > 0)
        {
            body.Append("<section class=\"versions\"><h3>").Append(E(ReviewPageTexts.Versions.In(lang))).Append("</h3><ol>");
            foreach (var v in doc.TextVersions)
            {
                var line = v.No == 1
                    ? ReviewPageTexts.VersionGenerated.In(lang, v.No, Local(organisation, v.At))
                    : ReviewPageTexts.VersionEdited.In(lang, v.No, Local(organisation, v.At), v.Reason ?? ReviewPageTexts.VersionEditedPlain.In(lang));
                body.Append("<li>").Append(E(line)).Append("</li>");
            }
            body.Append("</ol></section>");
        }
        return Layout(ReviewPageTexts.Title.In(lang, doc.Title, doc.Number), body.ToString(), lang);
    }

    private static void Clause(StringBuilder body, string token, ClauseBlock c, IEnumerable<ReviewComment> comments, Lang lang, Organisation organisation, bool open,
        Problem? problem, CommentForm? input, ReviewOptions limits)
    {
        body.Append("<section class=\"clause level").Append(c.Level).Append("\" id=\"c-").Append(E(c.Number)).Append("\">")
            .Append("<div class=\"num\">").Append(E(c.Number)).Append("</div><div class=\"text\">").Append(Runs(c.Runs)).Append("</div>");
        var list = comments.ToList();
        if (list.Count > 0 || open) body.Append("<div class=\"discussion\">");
        foreach (var comment in list)
        {
            body.Append("<div class=\"comment").Append(comment.IsAccepted ? " accepted" : "").Append("\" id=\"comment-").Append(comment.No).Append("\">")
                .Append("<div class=\"who\"><b>").Append(E(comment.Author)).Append("</b> <time>").Append(E(Local(organisation, comment.At))).Append("</time></div>");
            if (comment.Text.Length > 0) body.Append("<div class=\"said\">").Append(E(comment.Text)).Append("</div>");
            if (comment.Proposal is { } proposal)
                body.Append("<div class=\"proposal\"><span>").Append(E(ReviewPageTexts.Proposed.In(lang))).Append("</span><q>").Append(E(proposal)).Append("</q></div>");
            if (comment.AcceptedVersion is { } version)
                body.Append("<div class=\"accepted-note\">").Append(E(ReviewPageTexts.AcceptedAt.In(lang, version))).Append("</div>");
            foreach (var reply in comment.Replies)
                body.Append("<div class=\"reply\"><span>").Append(E(ReviewPageTexts.ManagerReply.In(lang, reply.Author))).Append("</span> ")
                    .Append(E(reply.Text)).Append("</div>");
            body.Append("</div>");
        }
        if (open)
        {
            body.Append("<details").Append(problem is not null ? " open" : "").Append("><summary>").Append(E(ReviewPageTexts.Comment.In(lang)))
                .Append("</summary>");
            if (problem is not null) body.Append("<p class=\"notice error\" role=\"alert\">").Append(E(ProblemTexts.Render(problem, lang))).Append("</p>");
            // Relative to /review/TOKEN, so that it also works behind a proxy that adds a path prefix.
            // The language rides in the address too: a refusal before the form is read (too large, rate limited) still answers in it.
            body.Append("<form method=\"post\" action=\"").Append(E(Uri.EscapeDataString(token))).Append("/comment?lang=").Append(Code(lang))
                .Append("\" class=\"comment-form\">")
                .Append("<input type=\"hidden\" name=\"clause\" value=\"").Append(E(c.Number)).Append("\">")
                .Append("<input type=\"hidden\" name=\"lang\" value=\"").Append(Code(lang)).Append("\">")
                .Append("<label>").Append(E(ReviewPageTexts.YourName.In(lang)))
                .Append("<input name=\"name\" autocomplete=\"name\" maxlength=\"").Append(limits.MaxNameLength).Append("\" value=\"").Append(E(input?.Author ?? ""))
                .Append("\"></label>")
                .Append("<label>").Append(E(ReviewPageTexts.YourComment.In(lang))).Append(" <small>").Append(E(ReviewPageTexts.Limit.In(lang, limits.MaxCommentLength)))
                .Append("</small><textarea name=\"text\" rows=\"3\">").Append(E(input?.Text ?? "")).Append("</textarea></label>")
                .Append("<label>").Append(E(ReviewPageTexts.YourProposal.In(lang)))
                .Append("<textarea name=\"proposal\" rows=\"3\">").Append(E(input?.Proposal ?? ""))
                .Append("</textarea></label>")
                .Append("<button type=\"submit\">").Append(E(ReviewPageTexts.Send.In(lang))).Append("</button></form></details>");
        }
        if (list.Count > 0 || open) body.Append("</div>");
        body.Append("</section>");
    }

    private static void Table(StringBuilder body, TableBlock table)
    {
        body.Append("<div class=\"table\"><table><thead><tr>");
        for (var i = 0; i < table.Header.Count; i++) body.Append("<th").Append(AlignOf(table, i)).Append('>').Append(Runs(table.Header[i])).Append("</th>");
        body.Append("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            body.Append("<tr>");
            for (var i = 0; i < row.Count; i++) body.Append("<td").Append(AlignOf(table, i)).Append('>').Append(Runs(row[i])).Append("</td>");
            body.Append("</tr>");
        }
        body.Append("</tbody></table></div>");
    }

    private static string AlignOf(TableBlock table, int i) =>
        i < table.Columns.Count && table.Columns[i].Align is not Align.Left and not Align.Justify
            ? $" class=\"{table.Columns[i].Align.ToString().ToLowerInvariant()}\""
            : "";

    private static string Runs(IReadOnlyList<Run> runs) => string.Concat(runs.Select(r =>
    {
        var text = E(r.Text);
        if (r.Italic) text = "<em>" + text + "</em>";
        if (r.Bold) text = "<strong>" + text + "</strong>";
        return text;
    }));

    private static string Message(string title, string text, Lang lang) =>
        Layout(title, $"<article class=\"sheet message\"><h1>{E(title)}</h1><p>{E(text)}</p></article>", lang);

    private static string LanguageSwitch(Lang lang) => lang == Lang.En
        ? "<nav class=\"lang\"><a href=\"?lang=ru\" hreflang=\"ru\">Русский</a> · <b>English</b></nav>"
        : "<nav class=\"lang\"><b>Русский</b> · <a href=\"?lang=en\" hreflang=\"en\">English</a></nav>";

    private static string Layout(string title, string body, Lang lang) => $$"""
        <!doctype html>
        <html lang="{{Code(lang)}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>{{E(title)}}</title>
        <style>{{Css}}</style>
        </head>
        <body>
        <main>{{body}}</main>
        </body>
        </html>
        """;

    private static IResult Html(HttpContext http, int status, string html)
    {
        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";
        // The token is in the path: never sent to another site; same-origin keeps the form's Origin header honest.
        headers["Referrer-Policy"] = "same-origin";
        headers["X-Content-Type-Options"] = "nosniff";
        headers["X-Robots-Tag"] = "noindex";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>A form posted from another site: the browser says so in Sec-Fetch-Site, or its Origin names another host (or none, "null").</summary>
    private static bool CrossSite(HttpRequest request)
    {
        if (request.Headers["Sec-Fetch-Site"].ToString() is { Length: > 0 } site) return site is not ("same-origin" or "none");
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0) return false;
        return !Uri.TryCreate(origin, UriKind.Absolute, out var uri) || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Russian first: English only when the reader picks it (the switch at the top); the document itself stays as written.</summary>
    private static Lang Language(HttpContext http, string? lang) =>
        lang is { Length: > 0 } && lang.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Lang.En : Lang.Ru;

    private static string Code(Lang lang) => lang == Lang.En ? "en" : "ru";

    private static string Local(Organisation organisation, DateTimeOffset at) =>
        organisation.Calendar.ToLocal(at).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Css = """
        *{box-sizing:border-box}
        body{margin:0;background:#e9ebee;color:#1d1d1f;font:16px/1.5 "DejaVu Serif",Georgia,"Times New Roman",serif}
        main{max-width:210mm;margin:0 auto;padding:12px}
        .bar{display:flex;justify-content:space-between;gap:12px;font:14px/1.4 "DejaVu Sans",Arial,sans-serif;color:#555;padding:4px 2px}
        .lang a{color:#2a5db0}
        .meta,.intro{font:14px/1.45 "DejaVu Sans",Arial,sans-serif;margin:6px 2px;color:#333}
        .notice{font:15px/1.4 "DejaVu Sans",Arial,sans-serif;padding:10px 12px;border-radius:6px;margin:8px 0}
        .notice.ok{background:#e6f4ea;border:1px solid #9ccfaa}
        .notice.error{background:#fdecea;border:1px solid #e7a19a;color:#8a1c12}
        .sheet{background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.18);padding:20mm 15mm 20mm 25mm;margin:8px 0;position:relative}
        .docno{position:absolute;top:8mm;right:15mm;font:12px "DejaVu Sans",Arial,sans-serif;color:#555}
        h1{font-size:20px;text-align:center;margin:0 0 14px}
        h2{font-size:16px;margin:18px 0 8px}
        p{margin:0 0 8px}
        p.justify{text-align:justify}p.center{text-align:center}p.right{text-align:right}
        .clause{display:grid;grid-template-columns:3.2em 1fr;column-gap:4px;margin:0 0 8px;scroll-margin-top:10px}
        .clause.level2{grid-template-columns:4.2em 1fr;padding-left:1.2em}
        .clause .num{font-weight:bold}
        .clause .text{text-align:justify}
        .clause:target .text{background:#fff7d6}
        .discussion{grid-column:2;font:14px/1.45 "DejaVu Sans",Arial,sans-serif}
        .comment{border-left:3px solid #8fb3e8;background:#f4f8fe;padding:6px 10px;margin:6px 0;border-radius:0 6px 6px 0}
        .comment.accepted{border-left-color:#3c9a5f;background:#eef8f1}
        .comment time{color:#777;font-size:12px;margin-left:6px}
        .proposal q{display:block;background:#fff;border:1px dashed #b7c4d6;padding:4px 8px;margin-top:2px;quotes:"«" "»"}
        .accepted-note{color:#2d7a48;font-weight:bold;margin-top:4px}
        .reply{background:#fff;border:1px solid #d7dde6;border-radius:6px;padding:4px 8px;margin-top:6px}
        .reply span{font-weight:bold}
        details{margin:4px 0 10px}
        summary{cursor:pointer;color:#2a5db0;list-style:none;display:inline-block;padding:2px 0}
        summary::-webkit-details-marker{display:none}
        .comment-form{display:grid;gap:8px;background:#f7f7f9;border:1px solid #ddd;border-radius:6px;padding:10px;margin-top:6px}
        .comment-form label{display:grid;gap:2px;font-size:13px;color:#444}
        .comment-form input,.comment-form textarea{font:15px/1.4 "DejaVu Sans",Arial,sans-serif;padding:6px 8px;border:1px solid #bbb;border-radius:4px;width:100%}
        .comment-form button{justify-self:start;font:15px "DejaVu Sans",Arial,sans-serif;background:#2a5db0;color:#fff;border:0;border-radius:6px;padding:8px 16px;cursor:pointer}
        .table{overflow-x:auto;margin:8px 0}
        table{border-collapse:collapse;width:100%;font-size:14px}
        th,td{border:1px solid #444;padding:3px 6px;vertical-align:top}
        th{background:#f0f0f0}
        td.right,th.right{text-align:right}td.center,th.center{text-align:center}
        .signatures{display:grid;grid-template-columns:1fr 1fr;gap:24px;margin-top:18px;font-size:14px}
        .pagebreak{border:0;border-top:1px dashed #bbb;margin:18px -15mm 18px -25mm}
        .versions{font:14px/1.45 "DejaVu Sans",Arial,sans-serif;background:#fff;padding:10px 16px;margin:8px 0;box-shadow:0 1px 4px rgba(0,0,0,.12)}
        .versions h3{margin:4px 0}
        .message h1{text-align:left}
        @media (max-width:640px){
          main{padding:4px}
          p.justify,.clause .text{text-align:left;hyphens:auto}
          .sheet{padding:14px 12px}
          .docno{position:static;text-align:right;margin-bottom:6px}
          .clause,.clause.level2{grid-template-columns:2.8em 1fr;padding-left:0}
          .discussion{grid-column:1 / -1}
          .signatures{grid-template-columns:1fr}
          .pagebreak{margin:14px -12px}
        }
        @media print{body{background:#fff}.bar,.intro,details,.notice,.versions{display:none}.sheet{box-shadow:none;padding:0}}
        """;
}
