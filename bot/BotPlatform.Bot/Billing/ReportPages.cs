using System.Globalization;
using System.Net;
using System.Text;
using BotPlatform.Core.Billing;
using BotPlatform.Core.Localization;
using BotPlatform.Core.People;
using BotPlatform.Core.Projects;

namespace BotPlatform.Bot.Billing;

/// <summary>
/// The client's report page and the task pages it links to, behind the report's token: /r/{token},
/// /r/{token}/t/{task}, /r/{token}/pdf; ?lang=en for English. Anything else (an unknown, revoked or expired
/// token, a task not in the report) is the same plain 404 page: nothing about why is leaked.
/// </summary>
public static class ReportPages
{
    public static WebApplication MapReportPages(this WebApplication app)
    {
        app.MapGet("/r/{token}", async (string token, string? lang, ReportSharing sharing, Organisation organisation, CancellationToken ct) =>
            await sharing.OpenAsync(token, ct) is { } report
                ? Html(ReportHtml.Report(report, token, Language(lang, organisation), organisation))
                : NotFound(Language(lang, organisation)));

        app.MapGet("/r/{token}/t/{taskId:long}", async (string token, long taskId, string? lang, ReportSharing sharing, IProjectTaskStore tasks,
            ITimeEntryStore entries, Organisation organisation, CancellationToken ct) =>
        {
            var language = Language(lang, organisation);
            if (await sharing.OpenAsync(token, ct) is not { } report || report.Lines.FirstOrDefault(l => l.TaskId == taskId) is not { } line
                || await tasks.GetAsync(taskId, ct) is not { } task)
                return NotFound(language);
            var worked = (await entries.ByTaskAsync(taskId, ct)).Where(e => !e.IsRunning && e.Hours > 0 && e.Date <= report.To).OrderBy(e => e.Date).ToList();
            return Html(ReportHtml.Task(report, line, task, worked, token, language, organisation));
        });

        app.MapGet("/r/{token}/pdf", async (string token, string? lang, ReportSharing sharing, IReportPdf pdf, Organisation organisation, CancellationToken ct) =>
        {
            var language = Language(lang, organisation);
            if (await sharing.OpenAsync(token, ct) is not { } report) return NotFound(language);
            return Results.File(pdf.Render(report, organisation.Billing.Brand.Name ?? organisation.Name, language), "application/pdf", $"{report.Number}.pdf");
        });
        return app;
    }

    private static Lang Language(string? lang, Organisation organisation) =>
        lang is { } code && Langs.TryParse(code, out var parsed) ? parsed : organisation.DefaultLanguage;

    private static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8");

    private static IResult NotFound(Lang lang) => Results.Content(ReportHtml.NotFound(lang), "text/html; charset=utf-8", Encoding.UTF8, 404);
}
