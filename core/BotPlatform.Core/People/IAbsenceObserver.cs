using BotPlatform.Core.Messaging;

namespace BotPlatform.Core.People;

/// <summary>Features whose work follows a person to their substitute (approvals) hear about absences here.</summary>
public interface IAbsenceObserver
{
    Task AwayStartedAsync(Person person, Person substitute, Outgoing outgoing, CancellationToken ct);
    Task AwayEndedAsync(Person person, long substituteId, Outgoing outgoing, CancellationToken ct);
}
