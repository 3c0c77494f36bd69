using System.Globalization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Core.Timers;
using Microsoft.Extensions.Logging;

namespace BotPlatform.Core.Briefs;

/// <summary>
/// The brief's stored timers, swept every minute: reading a Google Form's responses (backing off while
/// Google fails) and the one follow-up two working days after sending. A form is read before the
/// follow-up fires, and while it cannot be read the follow-up waits, so an outage neither loses an
/// answer nor reminds a client who has answered. Downtime fires each overdue timer once.
/// </summary>
public sealed class BriefTimers(
    IBriefStore briefs,
    BriefDesk desk,
    IBriefForms forms,
    Common.IUnitOfWork unitOfWork,
    IOutboxStore outbox,
    Organisation organisation,
    TimeProvider time,
    ILogger<BriefTimers> logger) : ITimerSource
{
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    public string Name => "briefs";

    public async Task<int> FireDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var fired = 0;
        foreach (var due in await briefs.DueAsync(now, 100, ct))
        {
            if (!due.IsOpen) continue;
            // Google is read outside the unit of work: a slow API never holds the database.
            IReadOnlyList<BriefFormResponse>? responses = null;
            Exception? failure = null;
            if (due is { Mode: BriefMode.GoogleForms, FormId: { } formId, NextPollAt: { } poll } && poll <= now)
            {
                try
                {
                    responses = await forms.ResponsesAsync(formId, ct);
                }
                catch (BriefFormsException ex)
                {
                    failure = ex;
                    logger.LogWarning(ex, "Reading the responses of brief {BriefId} failed", due.Id);
                }
            }
            fired += await unitOfWork.RunAsync(async () =>
            {
                if (await briefs.GetAsync(due.Id, ct) is not { IsOpen: true, NextTimerAt: { } at } brief || at > now) return 0;
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
                    if (responses.OrderBy(r => r.SubmittedAt).FirstOrDefault() is { } response
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
}
