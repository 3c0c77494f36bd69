using BotPlatform.Core.Audit;
using BotPlatform.Core.Common;
using BotPlatform.Core.Messaging;

namespace BotPlatform.Core.People.Administration;

/// <summary>Features holding a person's open work (approvals) hand it to the substitute when the person leaves.</summary>
public interface ILeaverObserver
{
    /// <summary>Moves the leaver's open work to <paramref name="substitute"/>; returns how many items moved.</summary>
    Task<int> LeftAsync(Person leaver, Person substitute, Person admin, Outgoing outgoing, CancellationToken ct);
}

/// <param name="Moved">How many open items (approval steps, tasks) went to the substitute.</param>
/// <param name="Headed">Departments the leaver headed, by name, and whether the substitute heads them now (else they have no head).</param>
/// <param name="LostSubstitute">People away whose substitute the leaver was: their absence ended, and their work is theirs again.</param>
public sealed record DeactivationOutcome(Person Leaver, Person Substitute, int Moved, IReadOnlyList<(string Department, bool SubstituteHeads)> Headed,
    IReadOnlyList<Person> LostSubstitute);

/// <summary>
/// An admin deactivates a leaver: their open work goes to the substitute the admin picks, or else to the
/// head of their department; from then on the bot answers them only that their access is closed.
/// </summary>
public sealed class Deactivation(
    IPeopleStore people,
    Organisation organisation,
    IAuditLog audit,
    IOutboxStore outbox,
    TimeProvider time,
    PeopleAdministration administration,
    IEnumerable<ILeaverObserver> leavers,
    IEnumerable<IAbsenceObserver> absences,
    IEnumerable<IPersonChangeObserver> observers)
{
    /// <summary>Who would take over by default: the head of the leaver's department, if that is someone else and active.</summary>
    public async Task<Person?> DefaultSubstituteAsync(Person leaver, CancellationToken ct)
    {
        if (leaver.Department is not { } code || !organisation.Departments.TryGetValue(code, out var department)
            || department.Head is not { } head) return null;
        var found = long.TryParse(head, out var id) ? await people.FindByTelegramIdAsync(id, ct) : await people.FindByUsernameAsync(head, ct);
        return found is { IsActive: true, ChatId: not null } && found.Id != leaver.Id ? found : null;
    }

    public async Task<Result<DeactivationOutcome>> DeactivateAsync(Person admin, long leaverId, long? substituteId, CancellationToken ct)
    {
        if (!PeopleAdministration.IsAdmin(admin)) return Result<DeactivationOutcome>.Fail(PeopleProblems.NotAllowed);
        if (await people.GetAsync(leaverId, ct) is not { } leaver) return Result<DeactivationOutcome>.Fail(PeopleProblems.PersonUnknown);
        if (leaver.IsDeactivated) return Result<DeactivationOutcome>.Fail(PeopleProblems.AlreadyDeactivated, leaver.Name);
        var substitute = substituteId is { } sid ? await people.GetAsync(sid, ct) : await DefaultSubstituteAsync(leaver, ct);
        if (substitute is not { IsActive: true, ChatId: not null } || substitute.Id == leaver.Id)
            return Result<DeactivationOutcome>.Fail(PeopleProblems.NoSubstitute, leaver.Name);

        var now = time.GetUtcNow();
        if (await people.ChangeAsync(leaver.Id, p => p.Deactivate(now), ct) is not { } gone)
            return Result<DeactivationOutcome>.Fail(PeopleProblems.AlreadyDeactivated, leaver.Name);
        await audit.AppendAsync(new AuditEntry
        {
            Subject = $"person:{gone.Id}", Action = "person:deactivated", ActorId = admin.Id, At = now, Reason = $"substitute person:{substitute.Id}",
        }, ct);

        // Keyed by the leaver, so a replay after a crash stores the same messages once.
        var outgoing = new Outgoing($"leaver:{gone.Id}", time);
        var moved = 0;
        foreach (var observer in leavers) moved += await observer.LeftAsync(gone, substitute, admin, outgoing, ct);
        if (gone.ChatId is { } chat) outgoing.Send(chat, PeopleTexts.AccessClosed.In(gone.Language));
        if (substitute.ChatId is { } subChat && moved > 0)
            outgoing.Send(subChat, AdministrationTexts.YouTookOver.In(substitute.Language, gone.Name, moved));
        var headed = await HandOverDepartmentsAsync(gone, substitute, admin, outgoing, ct);
        await outbox.EnqueueAsync(outgoing.Messages, ct);
        var lost = await EndAbsencesAsync(gone, outgoing, ct);
        await outbox.EnqueueAsync(outgoing.Messages, ct);
        foreach (var observer in observers) observer.Changed(gone);
        return Result<DeactivationOutcome>.Ok(new DeactivationOutcome(gone, substitute, moved, headed, lost));
    }

    /// <summary>
    /// A leaver who headed a department stops being its head. A substitute from the same department is the
    /// natural successor and becomes head; one from elsewhere does not (an admin of finance did not ask to run
    /// sales): the department is left without a head, its head's steps go to the ops manager (see StepRouter),
    /// and the admin is told to name a head.
    /// </summary>
    private async Task<IReadOnlyList<(string, bool)>> HandOverDepartmentsAsync(Person leaver, Person substitute, Person admin, Outgoing outgoing,
        CancellationToken ct)
    {
        var headed = new List<(string, bool)>();
        foreach (var department in organisation.Departments.Values.Where(d => IsHead(d.Head, leaver)).ToList())
        {
            var successor = string.Equals(substitute.Department, department.Code, StringComparison.OrdinalIgnoreCase)
                ? PeopleAdministration.Reference(substitute) : null;
            var saved = await administration.ChangeDepartmentAsync(department.Code, d =>
            {
                d.Head = successor;
                if (!d.ChangedInBot.Contains(ManagedFields.Head)) d.ChangedInBot.Add(ManagedFields.Head);
            }, ct);
            if (saved is null) continue;
            await audit.AppendAsync(new AuditEntry
            {
                Subject = $"department:{saved.Id}", Action = "department:head", ActorId = admin.Id, At = time.GetUtcNow(),
                Reason = successor is null ? $"{leaver.Name} left; no head" : $"{leaver.Name} → {substitute.Name}",
            }, ct);
            if (successor is not null && substitute.ChatId is { } chat)
                outgoing.Send(chat, AdministrationTexts.YouAreHead.In(substitute.Language, saved.Name, leaver.Name));
            headed.Add((saved.Name, successor is not null));
        }
        return headed;
    }

    private static bool IsHead(string? head, Person person) => head is { Length: > 0 } h
        && (string.Equals(Person.NormaliseUsername(h), person.Username, StringComparison.Ordinal)
            || (long.TryParse(h, out var id) && id == person.TelegramUserId));

    /// <summary>
    /// Someone away whose substitute the leaver was has no substitute any more: the absence ends, so their
    /// steps come back to them (the ones delegated to the leaver too) and their reminders and escalations run
    /// as for anyone; they are told and may name another substitute with /away.
    /// </summary>
    private async Task<IReadOnlyList<Person>> EndAbsencesAsync(Person leaver, Outgoing outgoing, CancellationToken ct)
    {
        var lost = new List<Person>();
        foreach (var person in (await people.ListAsync(ct)).Where(p => p.Away?.SubstituteId == leaver.Id))
        {
            if (await people.ChangeAsync(person.Id, p => p.Away?.SubstituteId == leaver.Id && p.ComeBack(), ct) is not { } back) continue;
            await audit.AppendAsync(new AuditEntry
            {
                Subject = $"person:{back.Id}", Action = "away:end", At = time.GetUtcNow(), Reason = $"substitute person:{leaver.Id} left",
            }, ct);
            if (back.ChatId is { } chat) outgoing.Send(chat, AdministrationTexts.SubstituteLeft.In(back.Language, leaver.Name));
            foreach (var observer in absences) await observer.AwayEndedAsync(back, leaver.Id, outgoing, ct);
            lost.Add(back);
        }
        return lost;
    }
}
