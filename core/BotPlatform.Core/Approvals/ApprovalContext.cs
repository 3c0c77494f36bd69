using BotPlatform.Core.Localization;
using BotPlatform.Core.People;

namespace BotPlatform.Core.Approvals;

/// <summary>What one approvals operation needs to know about people: everyone by id, and who acts for whom now.</summary>
public sealed class PeopleDirectory(IReadOnlyDictionary<long, Person> people, DateTimeOffset now)
{
    public static async Task<PeopleDirectory> LoadAsync(IPeopleStore store, DateTimeOffset now, CancellationToken ct) =>
        new((await store.ListAsync(ct)).ToDictionary(p => p.Id), now);

    public DateTimeOffset Now { get; } = now;

    public Person? this[long id] => people.GetValueOrDefault(id);

    public string Name(long? id) => id is { } i && people.TryGetValue(i, out var p) ? p.Name : "—";

    public string Name(long id) => Name((long?)id);

    public Lang LangOf(long id) => people.TryGetValue(id, out var p) ? p.Language : Langs.Default;

    public IEnumerable<Person> WithRole(Role role) => people.Values.Where(p => p.IsActive && p.Has(role)).OrderBy(p => p.Id);

    /// <summary>The substitute while the person is away, else the person.</summary>
    public Person ActingFor(Person person) =>
        person.Away is { } away && away.EndsAt > Now && people.GetValueOrDefault(away.SubstituteId) is { } substitute ? substitute : person;

    public Person? FindRef(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference)) return null;
        if (long.TryParse(reference, out var telegramId)) return people.Values.FirstOrDefault(p => p.TelegramUserId == telegramId);
        var username = Person.NormaliseUsername(reference);
        return people.Values.FirstOrDefault(p => p.Username == username);
    }

    /// <summary>
    /// Whether <paramref name="actor"/> may act on the assignment: an assignee, an assignee's active
    /// substitute, or the ops manager. On behalf of whom is null when the actor is an assignee.
    /// </summary>
    public bool MayAct(Assignment assignment, Person actor, out long? onBehalfOf)
    {
        onBehalfOf = null;
        if (assignment.AssigneeIds.Contains(actor.Id)) return true;
        foreach (var id in assignment.AssigneeIds)
        {
            if (this[id] is { } assignee && ActingFor(assignee).Id == actor.Id)
            {
                onBehalfOf = id;
                return true;
            }
        }
        if (!actor.Has(Role.OpsManager)) return false;
        onBehalfOf = assignment.AssigneeIds.FirstOrDefault();
        return true;
    }
}
