using BotPlatform.Core.Common;

namespace BotPlatform.Core.Printing;

public enum PrintJobState
{
    Queued,
    /// <summary>An agent took it; the lease ends at <see cref="PrintJob.LeaseUntil"/>, after which another agent may take it.</summary>
    Claimed,
    Printed,
    /// <summary>Gave up after <see cref="PrintJob.MaxAttempts"/> attempts.</summary>
    Failed,
    /// <summary>The document was annulled before it was printed.</summary>
    Cancelled,
}

/// <summary>A document waiting for the office printer; printing agents claim, print and acknowledge it.</summary>
public sealed class PrintJob : IVersioned
{
    public const int MaxAttempts = 3;
    public const string DocumentsPrinter = "documents";
    public const string LabelsPrinter = "labels";

    public long Id { get; set; }
    public int Version { get; set; }
    public long DocumentId { get; set; }
    public string DocumentNumber { get; set; } = "";
    public string FileKey { get; set; } = "";
    public string FileName { get; set; } = "";
    public int Copies { get; set; } = 1;
    public bool Duplex { get; set; }
    public string Printer { get; set; } = DocumentsPrinter;
    public PrintJobState State { get; set; }
    /// <summary>How many times an agent claimed it.</summary>
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset? PrintedAt { get; set; }
    public DateTimeOffset? FailedAt { get; set; }
    public string? Error { get; set; }

    /// <summary>Queued, or claimed by an agent whose lease ran out (it crashed or lost the network).</summary>
    public bool IsClaimable(DateTimeOffset now) =>
        State == PrintJobState.Queued || (State == PrintJobState.Claimed && LeaseUntil is { } until && until <= now);

    public Problem? Claim(string agent, DateTimeOffset now, TimeSpan lease)
    {
        if (!IsClaimable(now)) return new Problem(PrintProblems.NotClaimable, Id, State);
        State = PrintJobState.Claimed;
        ClaimedBy = agent;
        ClaimedAt = now;
        LeaseUntil = now + lease;
        Attempts++;
        return null;
    }

    /// <summary>For an address label: what it says (the document codes, the recipient); null for a document.</summary>
    public AddressLabel? Label { get; set; }

    public Problem? AckPrinted(string agent, DateTimeOffset now)
    {
        if (State == PrintJobState.Printed) return new Problem(PrintProblems.AlreadyPrinted, Id, ClaimedBy ?? "");
        if (State != PrintJobState.Claimed || ClaimedBy != agent) return new Problem(PrintProblems.NotClaimedByAgent, Id, agent);
        State = PrintJobState.Printed;
        PrintedAt = now;
        LeaseUntil = null;
        return null;
    }

    /// <summary>The agent still works on the job: its lease is extended (also when it ran out and nobody took the job since).</summary>
    public Problem? Renew(string agent, DateTimeOffset now, TimeSpan lease)
    {
        if (State != PrintJobState.Claimed || ClaimedBy != agent) return new Problem(PrintProblems.NotClaimedByAgent, Id, agent);
        LeaseUntil = now + lease;
        return null;
    }

    /// <summary>The lease of the last attempt ran out (the agent died): the job fails for good instead of being claimed again.</summary>
    public bool ExpireForGood(DateTimeOffset now)
    {
        if (State != PrintJobState.Claimed || Attempts < MaxAttempts || LeaseUntil is not { } until || until > now) return false;
        State = PrintJobState.Failed;
        FailedAt = now;
        Error ??= "lease expired";
        LeaseUntil = null;
        return true;
    }

    /// <summary>The agent could not print: back to the queue, or failed for good after the last attempt.</summary>
    public Problem? Fail(string agent, string error, DateTimeOffset now)
    {
        if (State != PrintJobState.Claimed || ClaimedBy != agent) return new Problem(PrintProblems.NotClaimedByAgent, Id, agent);
        Error = error;
        LeaseUntil = null;
        if (Attempts >= MaxAttempts)
        {
            State = PrintJobState.Failed;
            FailedAt = now;
        }
        else
        {
            State = PrintJobState.Queued;
            ClaimedBy = null;
        }
        return null;
    }

    public bool Cancel()
    {
        if (State is PrintJobState.Printed or PrintJobState.Failed or PrintJobState.Cancelled) return false;
        State = PrintJobState.Cancelled;
        LeaseUntil = null;
        return true;
    }
}

public interface IPrintJobStore
{
    Task<PrintJob?> GetAsync(long id, CancellationToken ct);
    Task<IReadOnlyList<PrintJob>> ByDocumentAsync(long documentId, CancellationToken ct);
    /// <summary>The oldest jobs for the printer an agent may claim now (queued, or claimed with an expired lease).</summary>
    Task<IReadOnlyList<PrintJob>> ClaimableAsync(string printer, DateTimeOffset now, int limit, CancellationToken ct);
    Task<IReadOnlyList<PrintJob>> ByStateAsync(PrintJobState state, int limit, CancellationToken ct);
    Task InsertAsync(PrintJob job, CancellationToken ct);
    Task<bool> TryUpdateAsync(PrintJob job, CancellationToken ct);
}

public static class PrintProblems
{
    public const string NotFound = "printing.not_found";
    public const string NotClaimable = "printing.not_claimable";
    public const string AlreadyPrinted = "printing.already_printed";
    public const string NotClaimedByAgent = "printing.not_claimed_by_agent";
}
