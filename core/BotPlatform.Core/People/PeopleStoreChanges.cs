namespace BotPlatform.Core.People;

public static class PeopleStoreChanges
{
    /// <summary>
    /// Applies a change to the freshest copy of a person and saves it under optimistic concurrency,
    /// re-reading and re-applying when someone else saved first. The change returns false to decline
    /// (nothing to do in the current state); then nothing is saved and null comes back, as it does for
    /// an unknown person. Returns the saved person otherwise.
    /// </summary>
    public static async Task<Person?> ChangeAsync(this IPeopleStore people, long personId, Func<Person, bool> change, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 16; attempt++)
        {
            if (await people.GetAsync(personId, ct) is not { } person || !change(person)) return null;
            if (await people.TryUpdateAsync(person, ct)) return person;
        }
        throw new InvalidOperationException($"Person {personId} keeps changing concurrently");
    }
}
