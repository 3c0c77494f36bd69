using BotPlatform.Core.Localization;
using BotPlatform.Core.People;
using BotPlatform.Core.Timers;
using BotPlatform.Testing;
using Microsoft.Net.Http.Headers;

namespace BotPlatform.Bot.Sandbox;

public sealed record SendRequest(string Persona, long Chat, string Text, int? ReplyTo);

public sealed record PressRequest(string Persona, long Chat, int Message, string Data);

public sealed record ClockRequest(double? Hours, bool Morning);

/// <summary>
/// The page's API under /sandbox/: the state (long-polled), and a persona's actions done through the
/// emulator's control API, so the host sees them exactly as updates from Telegram.
/// </summary>
public static class SandboxApi
{
    private static readonly TimeSpan LongPoll = TimeSpan.FromSeconds(25);
    private static readonly TimeSpan AnswerWait = TimeSpan.FromSeconds(5);
    private const long MaxUploadBytes = 20L * 1024 * 1024;

    public static WebApplication MapSandboxApi(this WebApplication app)
    {
        app.Services.GetRequiredService<SandboxRun>();
        var api = app.MapGroup("/sandbox/api");
        api.MapGet("/state", StateAsync);
        api.MapPost("/send", Send);
        api.MapPost("/upload", UploadAsync);
        api.MapPost("/press", PressAsync);
        api.MapPost("/clock", ClockAsync);
        api.MapPost("/reset", Reset);
        app.MapGet("/sandbox/files/{fileId}", File);
        return app;
    }

    /// <summary>The state for a persona and chat; with <c>since</c>, waits until it differs from that tag (or 25 s pass).</summary>
    private static async Task<IResult> StateAsync(
        SandboxRun run, SandboxViews views, IHostApplicationLifetime lifetime,
        string? persona, long? chat, string? lang, string? since, CancellationToken ct)
    {
        var language = Language(lang);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct, lifetime.ApplicationStopping);
        wait.CancelAfter(LongPoll);
        while (true)
        {
            var change = run.Engine.NextChange;
            var (json, tag) = views.Build(persona, chat, language);
            if (tag != since || wait.IsCancellationRequested)
            {
                return Results.Text($$"""{"tag":"{{tag}}","state":{{json}}}""", "application/json");
            }

            try
            {
                await change.WaitAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // Time is up or the host stops: answer with what there is.
            }
        }
    }

    private static IResult Send(SendRequest request, SandboxRun run, Personas personas) => Act(personas, request.Persona, user =>
    {
        var text = request.Text.Trim();
        if (text.Length is 0 or > 4096) return Results.BadRequest("text must be 1-4096 characters");
        var chat = run.Engine.Chat(request.Chat);
        var sent = request.ReplyTo is { } replyTo
            ? run.Engine.Reply(user, chat, run.Engine.Message(chat, replyTo), text)
            : run.Engine.SendText(user, chat, text);
        return Results.Ok(new { message = sent.MessageId });
    });

    /// <summary>A file from the page's file picker, as a document or a photo: multipart persona, chat, kind, caption, file.</summary>
    private static async Task<IResult> UploadAsync(HttpRequest http, SandboxRun run, Personas personas, CancellationToken ct)
    {
        if (!http.HasFormContentType) return Results.BadRequest("multipart form expected");
        var form = await http.ReadFormAsync(ct);
        if (form.Files.GetFile("file") is not { Length: > 0 and <= MaxUploadBytes } file)
        {
            return Results.BadRequest("a file of up to 20 MB is expected");
        }

        if (!long.TryParse(form["chat"], System.Globalization.CultureInfo.InvariantCulture, out var chatId)) return Results.BadRequest("chat expected");
        using var content = new MemoryStream();
        await file.CopyToAsync(content, ct);
        var caption = form["caption"].ToString().Trim() is { Length: > 0 } c ? c : null;
        return Act(personas, form["persona"], user =>
        {
            var chat = run.Engine.Chat(chatId);
            var sent = form["kind"] == "photo"
                ? run.Engine.SendPhoto(user, chat, content.ToArray(), caption)
                : run.Engine.SendDocument(user, chat, Path.GetFileName(file.FileName), content.ToArray(),
                    string.IsNullOrWhiteSpace(file.ContentType) ? "application/octet-stream" : file.ContentType, caption);
            return Results.Ok(new { message = sent.MessageId });
        });
    }

    /// <summary>Presses an inline button with the callback data the page shows, as a Telegram client does; returns the bot's answer.</summary>
    private static async Task<IResult> PressAsync(PressRequest request, SandboxRun run, Personas personas, CancellationToken ct)
    {
        string? queryId = null;
        var pressed = Act(personas, request.Persona, user =>
        {
            var message = run.Engine.Message(run.Engine.Chat(request.Chat), request.Message);
            queryId = run.Engine.PressCallbackData(user, message, request.Data);
            return Results.Ok();
        });
        if (queryId is null) return pressed;
        try
        {
            var answer = await run.Engine.WaitForCallbackAnswerAsync(queryId, AnswerWait, ct);
            return Results.Ok(new { text = answer.Text, alert = answer.ShowAlert });
        }
        catch (TimeoutException)
        {
            return Results.Ok(new { text = (string?)null, alert = false });
        }
    }

    /// <summary>Moves business time (hours, or to the next working morning) and sweeps the timers at once.</summary>
    private static async Task<IResult> ClockAsync(
        ClockRequest request, string? lang, SandboxRun run, SandboxViews views, Organisation organisation, TimerSweep sweep, CancellationToken ct)
    {
        var now = run.Clock.GetUtcNow();
        var by = request.Morning ? SandboxClock.NextWorkingMorning(organisation.Calendar, now) - now : TimeSpan.FromHours(request.Hours ?? 0);
        if (by <= TimeSpan.Zero || by > TimeSpan.FromDays(31)) return Results.BadRequest("hours must be between 0 and 744");
        run.Clock.Advance(by);
        await sweep.RunAsync(ct);
        return Results.Ok(views.Clock(Language(lang)));
    }

    /// <summary>Stops the host once this answer is out; Program starts it again on fresh demo data.</summary>
    private static IResult Reset(HttpContext http, SandboxRun run, IHostApplicationLifetime lifetime)
    {
        http.Response.OnCompleted(() =>
        {
            run.Session.RequestReset(lifetime);
            return Task.CompletedTask;
        });
        return Results.Accepted(value: new { generation = run.Generation });
    }

    /// <summary>A document or photo from a chat, shown inline in the browser.</summary>
    private static IResult File(string fileId, SandboxRun run, HttpResponse response)
    {
        if (run.Engine.File(fileId) is not { } file) return Results.NotFound();
        var name = file.FileName ?? (file.MimeType == "image/jpeg" ? "photo.jpg" : "file");
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileNameStar = name }.ToString();
        return Results.Bytes(file.Content, file.MimeType ?? "application/octet-stream");
    }

    private static IResult Act(Personas personas, string? persona, Func<FakeUser, IResult> action)
    {
        if (personas.Find(persona) is not { } user) return Results.BadRequest("unknown persona");
        try
        {
            return action(user);
        }
        catch (InvalidOperationException e)
        {
            // The emulator refuses what a Telegram client could not do (write in someone else's chat, press on a deleted message).
            return Results.BadRequest(e.Message);
        }
    }

    public static Lang Language(string? code) => Langs.TryParse(code, out var lang) ? lang : Lang.Ru;
}
