using BotPlatform.Core.Common;

namespace BotPlatform.Core.Finance.Ledger;

public enum LedgerKind
{
    Income,
    Expense,
}

/// <summary>Whether a category's money comes every period regardless of work (rent, software) or with the work (ads, contractors).</summary>
public enum CostNature
{
    Variable,
    Fixed,
}

/// <summary>One income or expense: typed in with /income or /expense, or written when an invoice or a payment request is paid.</summary>
public sealed class LedgerEntry : IVersioned
{
    public long Id { get; set; }
    public int Version { get; set; }
    public LedgerKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public decimal Amount { get; set; }
    public string Currency { get; set; } = "";
    /// <summary>A category code from the organisation file (income categories, or the approvals' cost items).</summary>
    public string Category { get; set; } = "";
    public CostNature Nature { get; set; }
    public long? ProjectId { get; set; }
    public long? ClientId { get; set; }
    /// <summary>From whom (income) or to whom (expense).</summary>
    public string Counterparty { get; set; } = "";
    public string? Comment { get; set; }
    public long EnteredBy { get; set; }
    public DateTimeOffset EnteredAt { get; set; }
    /// <summary>What wrote it when not a person's dialog: "request:ЗО-2026-0001", "invoice:СЧ-2026-0003"; null for /income and /expense.</summary>
    public string? Source { get; set; }
}

/// <summary>The ledger of income and expenses; entries are appended, never changed.</summary>
public interface ILedgerStore
{
    Task<LedgerEntry?> GetAsync(long id, CancellationToken ct);
    /// <summary>A zero id gets the next one.</summary>
    Task InsertAsync(LedgerEntry entry, CancellationToken ct);
    /// <summary>
    /// Many entries at once, all or none (an import, the benchmark's seeding): one bulk write instead of a round trip
    /// each. Each entry gets its id as <see cref="InsertAsync"/> gives it.
    /// </summary>
    Task InsertManyAsync(IReadOnlyCollection<LedgerEntry> entries, CancellationToken ct);
    /// <summary>Entries dated from..to inclusive, in date then id order.</summary>
    Task<IReadOnlyList<LedgerEntry>> BetweenAsync(DateOnly from, DateOnly to, CancellationToken ct);
    /// <summary>The project's entries, in date then id order.</summary>
    Task<IReadOnlyList<LedgerEntry>> ByProjectAsync(long projectId, CancellationToken ct);
    /// <summary>Entries written by the source (e.g. one paid request), in id order.</summary>
    Task<IReadOnlyList<LedgerEntry>> BySourceAsync(string source, CancellationToken ct);
}
