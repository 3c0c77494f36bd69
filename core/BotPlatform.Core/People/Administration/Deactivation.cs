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
public sealed record DeactivationOutcome(Person Leaver, Person Substitute, int Moved);

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
    IEnumerable<ILeaverObserver> leavers,
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
        await outbox.EnqueueAsync(outgoing.Messages, ct);
        foreach (var observer in observers) observer.Changed(gone);
        return Result<DeactivationOutcome>.Ok(new DeactivationOutcome(gone, substitute, moved));
    }
}
