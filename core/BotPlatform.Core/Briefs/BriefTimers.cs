using System.Globalization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Core.Timers;
using Microsoft.Extensions.Logging;

namespace BotPlatform.Core.Briefs;

/// <summary>
/// The brief's stored timers, swept every minute: reading the shared Google Form's responses once per form
/// and sweep (backing off while Google fails), each response routed to its brief by the project's code it
/// carries, and the one follow-up two working days after sending. A form is read before the
/// follow-up fires, and while it cannot be read the follow-up waits, so an outage neither loses an
/// answer nor reminds a client who has answered. Downtime fires each overdue timer once.
/// </summary>
public sealed class BriefTimers(
    IBriefStore briefs,
    BriefDesk desk,
    IBriefForms forms,
    Projects.IProjectStore projects,
    Common.IUnitOfWork unitOfWork,
    IOutboxStore outbox,
    Organisation organisation,
    TimeProvider time,
    ILogger<BriefTimers> logger) : ITimerSource
{
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    public string Name => "briefs";

    /// <summary>Responses whose code names no project, warned about once each (they stay in the form, ignored).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _unrouted = new();

    public async Task<int> FireDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var fired = 0;
        var due = (await briefs.DueAsync(now, 100, ct)).Where(b => b.IsOpen).ToList();
        // Google is read outside the unit of work (a slow API never holds the database), each shared form once.
        var read = new Dictionary<string, (IReadOnlyList<BriefFormResponse>? Responses, Exception? Failure)>();
        foreach (var form in due.Where(b => b is { Mode: BriefMode.GoogleForms, FormId: not null, NextPollAt: { } poll } && poll <= now).GroupBy(b => b.FormId!))
        {
            try
            {
                var responses = await forms.ResponsesAsync(form.Key, form.Min(b => b.SentAt), ct);
                read[form.Key] = (responses, null);
                await WarnUnroutedAsync(form.Key, form.First().FormCodeQuestionId, responses, form.Select(b => b.ProjectCode), ct);
            }
            catch (BriefFormsException ex)
            {
                read[form.Key] = (null, ex);
                logger.LogWarning(ex, "Reading the responses of brief form {FormId} failed", form.Key);
            }
        }
        foreach (var open in due)
        {
            var (responses, failure) = open.FormId is { } formId && read.TryGetValue(formId, out var r) ? r : (null, null);
            fired += await unitOfWork.RunAsync(async () =>
            {
                if (await briefs.GetAsync(open.Id, ct) is not { IsOpen: true, NextTimerAt: { } at } brief || at > now) return 0;
                var outgoing = new Outgoing($"timer:briefs:{brief.Id}:{at.UtcTicks.ToString(CultureInfo.InvariantCulture)}", time);
                if (brief.Mode == BriefMode.GoogleForms && brief.NextPollAt <= now)
                {
                    if (failure is not null || responses is null)
                    {
                        brief.PollFailures++;
                        var backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, forms.PollInterval.Ticks << Math.Min(brief.PollFailures, 10)));
                        brief.NextPollAt = now + backoff;
                        brief.Record(BriefActions.PollFailed, now, reason: failure?.Message);
                        brief.Reschedule();
                        // Nothing is decided on an unread form: the follow-up waits for the next successful read.
                        if (brief.NextTimerAt <= now) brief.NextTimerAt = brief.NextPollAt;
                        await briefs.TryUpdateAsync(brief, ct);
                        return 0;
                    }
                    brief.PollFailures = 0;
                    if (responses.Where(r => Routes(r, brief)).OrderBy(r => r.SubmittedAt).FirstOrDefault() is { } response
                        && organisation.Briefs.Template(brief.TemplateCode) is { } template)
                    {
                        BriefDesk.TakeFormAnswers(brief, template, response);
                        await desk.CompleteAsync(brief, outgoing, now, ct);
                        await outbox.EnqueueAsync(outgoing.Messages, ct);
                        return 1;
                    }
                    brief.NextPollAt = now + forms.PollInterval;
                    brief.Reschedule();
                }
                if (brief.FollowUpAt is { } followUp && followUp <= now)
                {
                    var calendar = organisation.Calendar;
                    if (!calendar.IsWorkingMoment(now))
                    {
                        // After downtime at night the client hears from us in the morning, not at 3 a.m.
                        brief.FollowUpAt = calendar.NextWorkingMoment(now);
                        brief.Reschedule();
                        await briefs.TryUpdateAsync(brief, ct);
                        return 0;
                    }
                    await desk.RemindAsync(brief, outgoing, now, ct);
                    await outbox.EnqueueAsync(outgoing.Messages, ct);
                    return 1;
                }
                await briefs.TryUpdateAsync(brief, ct);
                return 0;
            }, ct);
        }
        return fired;
    }

    /// <summary>The response carries the brief's project code in the form's code question.</summary>
    private static bool Routes(BriefFormResponse response, Brief brief) =>
        brief.FormCodeQuestionId is { } id && response.Answers.TryGetValue(id, out var code)
        && string.Equals(code.Trim(), brief.ProjectCode, StringComparison.OrdinalIgnoreCase);

    private async Task WarnUnroutedAsync(string formId, string? codeQuestionId, IReadOnlyList<BriefFormResponse> responses, IEnumerable<string> awaited, CancellationToken ct)
    {
        var codes = awaited.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var response in responses)
        {
            var code = codeQuestionId is not null && response.Answers.TryGetValue(codeQuestionId, out var c) ? c.Trim() : "";
            if (codes.Contains(code) || _unrouted.ContainsKey(response.ResponseId)) continue;
            if (code.Length > 0 && await projects.FindByNumberAsync(code, ct) is not null) continue;
            _unrouted[response.ResponseId] = 0;
            logger.LogWarning("Brief form {FormId}: response {ResponseId} names no known project ({Code}); ignored", formId, response.ResponseId, code.Length == 0 ? "no code" : code);
        }
    }
}
