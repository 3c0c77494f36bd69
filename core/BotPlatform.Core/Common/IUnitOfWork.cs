namespace BotPlatform.Core.Common;

/// <summary>
/// Runs several store writes as one atomic step: all of them are stored, or none (a crash in the
/// middle loses nothing and doubles nothing). Steps do not interleave with each other, so a
/// read-check-write inside one sees no concurrent change. The work must only call stores: it runs
/// under the storage's write lock.
/// </summary>
public interface IUnitOfWork
{
    Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken ct);
}

/// <summary>Sequences that never repeat a value and never skip one (human numbers like ЗО-2026-0042).</summary>
public interface ISequenceStore
{
    /// <summary>The next value of the named sequence, starting at 1.</summary>
    Task<long> NextAsync(string name, CancellationToken ct);
}
