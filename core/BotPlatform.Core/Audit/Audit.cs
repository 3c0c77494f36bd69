namespace BotPlatform.Core.Audit;

/// <summary>One transition of one aggregate: who did what, for whom, when, and why.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    /// <summary>The aggregate, e.g. "person:12" or "payment:ЗО-2026-0042".</summary>
    public string Subject { get; set; } = "";
    public string Action { get; set; } = "";
    public long? ActorId { get; set; }
    public long? OnBehalfOfId { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Reason { get; set; }
    public string? Step { get; set; }
}

/// <summary>Append-only log of transitions; entries are never changed or removed.</summary>
public interface IAuditLog
{
    Task AppendAsync(AuditEntry entry, CancellationToken ct);
    Task<IReadOnlyList<AuditEntry>> ForSubjectAsync(string subject, CancellationToken ct);
}
