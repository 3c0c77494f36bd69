using System.Text;
using System.Text.Json;
using BotPlatform.Core.Localization;

namespace BotPlatform.Bot.Sandbox;

/// <summary>
/// The sandbox page at /: plain HTML rendered here, with its stylesheet and small script inlined from
/// Sandbox/Page (embedded resources), so nothing needs a front-end build. Russian unless ?lang=en
/// (remembered in a cookie).
/// </summary>
public static class SandboxPage
{
    private const string LanguageCookie = "sandbox_lang";
    private static readonly Lazy<string> Css = new(() => Resource("sandbox.css"));
    private static readonly Lazy<string> Script = new(() => Resource("sandbox.js"));

    public static WebApplication MapSandboxPage(this WebApplication app)
    {
        app.MapGet("/", (HttpContext http, Personas personas, SandboxRun run) =>
        {
            var requested = http.Request.Query["lang"].ToString();
            if (Langs.TryParse(requested, out _))
            {
                http.Response.Cookies.Append(LanguageCookie, requested, new CookieOptions { SameSite = SameSiteMode.Lax, IsEssential = true });
            }

            var lang = SandboxApi.Language(requested is { Length: > 0 } ? requested : http.Request.Cookies[LanguageCookie]);
            return Results.Content(Render(lang, personas.All(lang), run.Generation), "text/html; charset=utf-8");
        });
        return app;
    }

    public static string Render(Lang lang, IReadOnlyList<Persona> personas, string generation)
    {
        string L(string key) => MessageHtml.Escape(SandboxTexts.Page[key].In(lang));
        var code = lang == Lang.En ? "en" : "ru";
        var config = JsonSerializer.Serialize(new
        {
            lang = code,
            generation,
            firstPersona = personas.FirstOrDefault()?.User.Username,
            labels = SandboxTexts.Page.ToDictionary(p => p.Key, p => p.Value.In(lang)),
        });
        var people = new StringBuilder();
        foreach (var persona in personas)
        {
            var name = persona.User.FirstName;
            people.Append($"""
                      <li><button type="button" class="persona" data-persona="{MessageHtml.Escape(persona.User.Username ?? "")}">
                        <span class="avatar">{MessageHtml.Escape(Initials(name))}</span>
                        <span class="who"><b>{MessageHtml.Escape(name)}</b><small>{MessageHtml.Escape(persona.Label)}</small></span>
                        <span class="unread" hidden></span>
                      </button></li>

                """);
        }

        return $"""
            <!doctype html>
            <html lang="{code}">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{L("title")}</title>
              <style>{Css.Value}</style>
            </head>
            <body>
              <header class="top">
                <div class="brand">BotPlatform <span>{L("sandbox")}</span></div>
                <div class="clock" id="clock">
                  <span class="clock-label">{L("clock")}</span>
                  <b id="clock-text">…</b>
                  <span id="clock-zone" class="muted"></span>
                  <span id="clock-state" class="pill"></span>
                  <span id="clock-offset" class="muted"></span>
                  <button type="button" class="clock-button" data-hours="1">{L("plus1")}</button>
                  <button type="button" class="clock-button" data-hours="4">{L("plus4")}</button>
                  <button type="button" class="clock-button" data-morning="true">{L("morning")}</button>
                  <button type="button" class="clock-button" data-hours="168">{L("plus7d")}</button>
                </div>
                <div class="actions">
                  <button type="button" id="reset">{L("reset")}</button>
                  <nav class="lang"><a href="/?lang=ru" class="{(code == "ru" ? "on" : "")}">RU</a><a href="/?lang=en" class="{(code == "en" ? "on" : "")}">EN</a></nav>
                </div>
              </header>
              <p class="intro">{L("intro")}</p>
              <main>
                <aside class="column people">
                  <h2>{L("people")}</h2>
                  <ul id="personas">
            {people}      </ul>
                  <p class="note">{L("langHint")}</p>
                  <p class="note">{L("missing")}</p>
                </aside>
                <aside class="column chats">
                  <h2>{L("chats")}</h2>
                  <ul id="chats"></ul>
                </aside>
                <section class="chat">
                  <div class="chat-head"><b id="chat-title"></b><small id="chat-members"></small></div>
                  <div id="messages" class="messages"><p class="empty">{L("pickPerson")}</p></div>
                  <div id="reply-keyboard" class="reply-keyboard" hidden></div>
                  <div id="reply-bar" class="reply-bar" hidden>
                    <span>↩ {L("replyTo")}: <i id="reply-preview"></i></span>
                    <button type="button" id="reply-cancel" title="{L("cancelReply")}">×</button>
                  </div>
                  <div id="menu" class="menu" hidden></div>
                  <form id="composer" class="composer" autocomplete="off">
                    <button type="button" id="menu-button" class="menu-button">{L("menu")}</button>
                    <label class="attach" title="{L("attachFile")}">📎<input type="file" id="file-document" hidden></label>
                    <label class="attach" title="{L("attachPhoto")}">🖼<input type="file" id="file-photo" accept="image/jpeg,image/png" hidden></label>
                    <input id="text" name="text" placeholder="{L("placeholder")}">
                    <button type="submit" id="send">{L("send")}</button>
                  </form>
                </section>
              </main>
              <div id="toast" class="toast" hidden></div>
              <div id="overlay" class="overlay" hidden></div>
              <script>window.SANDBOX = {config};</script>
              <script>{Script.Value}</script>
            </body>
            </html>
            """;
    }

    private static string Initials(string name) =>
        string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).Select(w => char.ToUpperInvariant(w[0])));

    private static string Resource(string name)
    {
        using var stream = typeof(SandboxPage).Assembly.GetManifestResourceStream("BotPlatform.Bot.Sandbox." + name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
