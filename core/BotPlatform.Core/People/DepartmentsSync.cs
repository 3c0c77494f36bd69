namespace BotPlatform.Core.People;

/// <summary>
/// Keeps <see cref="Organisation.Departments"/> (held in memory, read synchronously everywhere) equal to the
/// stored departments when several replicas share one database: an admin's edit on one host is seen by
/// every other host at its next update, page or job. Before each of those the host asks the store for the
/// departments' stamp (<see cref="IDepartmentStore.StampAsync"/>: one aggregate over a table of a dozen
/// rows) and reloads them only when it moved. Cheaper than reading the list every time, and no cache can
/// go stale, since the check runs before every business step rather than on a timer.
/// </summary>
public sealed class DepartmentsSync(Organisation organisation, IDepartmentStore departments)
{
    private long _seen = -1;
    private readonly SemaphoreSlim _reload = new(1, 1);

    /// <summary>Reloads the departments when another host changed them since the last check.</summary>
    public async Task EnsureCurrentAsync(CancellationToken ct)
    {
        var stamp = await departments.StampAsync(ct);
        if (stamp == Volatile.Read(ref _seen)) return;
        await _reload.WaitAsync(ct);
        try
        {
            // Read the stamp first: an edit after it only makes the next check reload again.
            stamp = await departments.StampAsync(ct);
            if (stamp == _seen) return;
            organisation.UseDepartments(await departments.ListAsync(ct));
            Volatile.Write(ref _seen, stamp);
        }
        finally
        {
            _reload.Release();
        }
    }
}
