using BotPlatform.Core.Documents.Registry;

namespace BotPlatform.Core.Analytics.Stats;

public enum StatsScope
{
    All,
    Approvals,
    Documents,
}

/// <summary>[From, To) in instants, with the local days it covers for display.</summary>
public sealed record StatsPeriod(DateTimeOffset From, DateTimeOffset To, DateOnly FirstDay, DateOnly LastDay);

/// <summary>A step's or an approver's figures over the period (hours are working hours).</summary>
public sealed record DecisionFigure(
    string Name,
    int Decided,
    double Median,
    double P90,
    int Approved,
    int Rejected,
    double? RejectionRate,
    int Waiting,
    string? OldestNumber,
    double OldestHours,
    int OnBehalf,
    IReadOnlyList<string> ForWhom);

public sealed record ReasonCount(string Reason, bool Quick, int Count);

public sealed record ApprovalStats(
    IReadOnlyList<DecisionFigure> Steps,
    IReadOnlyList<DecisionFigure> Approvers,
    IReadOnlyList<ReasonCount> Reasons,
    int Freezes,
    int DocumentRequests,
    int Escalations,
    int OnBehalf);

/// <summary>How long documents of a kind stayed in a status (closed spans in the period).</summary>
public sealed record StatusDuration(string Kind, string KindTitle, DocumentStatus Status, int Count, double Median, double P90);

/// <summary>Documents sitting in a status now: how many, the oldest, and who holds it.</summary>
public sealed record Stall(DocumentStatus Status, int Count, string OldestNumber, double OldestHours, string Holder);

public sealed record DocumentStats(IReadOnlyList<StatusDuration> Durations, IReadOnlyList<Stall> Stalls);

public sealed record StatsReport(StatsPeriod Period, string? Department, ApprovalStats? Approvals, DocumentStats? Documents);

public static class Percentiles
{
    /// <summary>
    /// The p-th percentile with linear interpolation between closest ranks (Excel's PERCENTILE.INC, numpy's
    /// default): position (n - 1)·p in the sorted values. The median is p = 0.5.
    /// </summary>
    public static double Of(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToArray();
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return Math.Round(sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]), 2);
    }
}
