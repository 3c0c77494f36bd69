namespace BotPlatform.Core.Common;

/// <summary>
/// An aggregate stored with optimistic concurrency: a store accepts an update only when the stored
/// version still equals <see cref="Version"/>, then increments it. Two simultaneous decisions on the
/// same aggregate therefore produce exactly one change.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
