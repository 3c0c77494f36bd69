using BotPlatform.Core.Audit;
using BotPlatform.Core.Common;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.Timers;

namespace BotPlatform.Core.People;

/// <summary>
/// /away: a person's tasks go to a substitute through the last day away, and back automatically at
/// local midnight after it (a timer stored on the person).
/// </summary>
public sealed class Delegation(IPeopleStore people, IAuditLog audit, Organisation organisation, TimeProvider time,
    IEnumerable<IAbsenceObserver> observers)
{
    public async Task<Result<Absence>> GoAwayAsync(Person person, string untilText, string substituteRef, Outgoing outgoing,
        CancellationToken ct)
    {
        var today = organisation.Calendar.LocalDate(time.GetUtcNow());
        var parsed = ParseUntil(untilText);
        if (!parsed.IsOk) return Result<Absence>.Fail(parsed.Problem!);
        var until = parsed.Value;
        var substitute = await FindAsync(substituteRef, ct);
        if (substitute is null) return Result<Absence>.Fail(PeopleProblems.SubstituteUnknown, substituteRef);

        var endsAt = organisation.Calendar.StartOfLocalDay(until.AddDays(1));
        var result = Result<Absence>.Fail(PeopleProblems.NotRegistered);
        await people.ChangeAsync(person.Id, p =>
        {
            result = p.GoAway(substitute, until, today, endsAt);
            return result.IsOk;
        }, ct);
        if (!result.IsOk) return result;

        await audit.AppendAsync(new AuditEntry
        {
            Subject = $"person:{person.Id}", Action = "away:start", ActorId = person.Id, At = time.GetUtcNow(),
            Reason = $"until {until:yyyy-MM-dd}, substitute person:{substitute.Id}",
        }, ct);
        if (substitute.ChatId is { } chat)
            outgoing.Send(chat, PeopleTexts.SubstituteNotified.In(substitute.Language, person.Name, until.ToDateTime(TimeOnly.MinValue)));
        var away = await people.GetAsync(person.Id, ct) ?? person;
        foreach (var observer in observers) await observer.AwayStartedAsync(away, substitute, outgoing, ct);
        return result;
    }

    /// <summary>The last day away as typed ("25.12", "25.12.2026", "завтра"): a date, today or later.</summary>
    public Result<DateOnly> ParseUntil(string untilText)
    {
        var today = organisation.Calendar.LocalDate(time.GetUtcNow());
        if (!DateInput.TryParse(untilText, today, out var until)) return Result<DateOnly>.Fail(PeopleProblems.AwayBadDate, untilText);
        return until < today ? Result<DateOnly>.Fail(PeopleProblems.AwayDateInPast) : Result<DateOnly>.Ok(until);
    }

    /// <summary>Who acts for this person right now: their substitute while they are away, else themselves.</summary>
    public async Task<Person> ActingForAsync(Person person, CancellationToken ct)
    {
        if (person.Away is not { } away || away.EndsAt <= time.GetUtcNow()) return person;
        return await people.GetAsync(away.SubstituteId, ct) ?? person;
    }

    private async Task<Person?> FindAsync(string reference, CancellationToken ct)
    {
        var r = reference.Trim();
        if (long.TryParse(r, out var id)) return await people.FindByTelegramIdAsync(id, ct);
        return await people.FindByUsernameAsync(r, ct);
    }

}

/// <summary>Ends absences whose last day has passed, telling the person and their substitute once.</summary>
public sealed class AbsenceEndTimer(IPeopleStore people, IOutboxStore outbox, IAuditLog audit, TimeProvider time,
    IEnumerable<IAbsenceObserver> observers) : ITimerSource
{
    public string Name => "absence-end";

    public async Task<int> FireDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var fired = 0;
        foreach (var person in await people.AwayEndingByAsync(now, ct))
        {
            if (person.Away is not { } away) continue;
            // The key names the absence, so a replay after a crash stores the same messages once.
            var outgoing = new Outgoing($"timer:absence-end:{person.Id}:{away.Until:yyyyMMdd}", time);
            var substitute = await people.GetAsync(away.SubstituteId, ct);
            // Declined when another sweep ended it first: it fires once.
            if (await people.ChangeAsync(person.Id, p => p.Away?.Until == away.Until && p.ComeBack(), ct) is null) continue;
            if (person.ChatId is { } chat) outgoing.Send(chat, PeopleTexts.AwayEnded.In(person.Language));
            if (substitute?.ChatId is { } subChat)
                outgoing.Send(subChat, PeopleTexts.SubstitutionEnded.In(substitute.Language, person.Name));
            await outbox.EnqueueAsync(outgoing.Messages, ct);
            var back = await people.GetAsync(person.Id, ct) ?? person;
            foreach (var observer in observers) await observer.AwayEndedAsync(back, away.SubstituteId, outgoing, ct);
            await audit.AppendAsync(new AuditEntry
            {
                Subject = $"person:{person.Id}", Action = "away:end", At = now, Reason = $"until {away.Until:yyyy-MM-dd}",
            }, ct);
            fired++;
        }
        return fired;
    }
}
