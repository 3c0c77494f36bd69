using BotPlatform.Core.Approvals;
using BotPlatform.Core.Calendar;
using BotPlatform.Core.Documents.Registry;

namespace BotPlatform.Core.Analytics.Projection;

/// <summary>
/// Working hours in hundredths and how many decisions (or stays) took exactly that long. Rows keep their hours
/// rounded to 0.01 h, so a bucket's list of (value, count) pairs is the exact multiset of its rows' hours, and a
/// median or 90th percentile read from merged buckets equals the one read from the rows themselves.
/// </summary>
public sealed class HoursCount
{
    public int Centi { get; set; }
    public int Count { get; set; }
}

/// <summary>How often one rejection reason (compared trimmed and case-blind) was given; its text as first written.</summary>
public sealed class ReasonTally
{
    /// <summary>The reason trimmed and in lower case: what groups it.</summary>
    public string Key { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTimeOffset FirstAt { get; set; }
    public int Count { get; set; }
}

public sealed class PersonCount
{
    public long PersonId { get; set; }
    public int Count { get; set; }
}

/// <summary>
/// One day of one approver at one step of one department (the local day of the decision): counts, the exact
/// hours, reasons and on whose behalf. A bucket with no actor counts the step's escalations of that day.
/// Kept by the projection in the same unit of work as the rows: /stats over a year reads these (days × steps ×
/// approvers) instead of every decision. The same class carries a change (signed counts) to apply to a bucket.
/// </summary>
public sealed class StepBucket
{
    /// <summary>"{day}|{department}|{step}|{actor}".</summary>
    public string Id { get; set; } = "";
    public DateOnly Day { get; set; }
    public string? Department { get; set; }
    public string Step { get; set; } = "";
    /// <summary>Who decided; null for the escalations bucket of the step and day.</summary>
    public long? ActorId { get; set; }
    public int Decided { get; set; }
    public int Approved { get; set; }
    public int Rejected { get; set; }
    public int Frozen { get; set; }
    public int DocumentsRequested { get; set; }
    public int OnBehalf { get; set; }
    /// <summary>Step visits escalated that day (each visit once).</summary>
    public int Escalations { get; set; }
    public List<HoursCount> Hours { get; set; } = [];
    public List<PersonCount> ForWhom { get; set; } = [];
    public List<ReasonTally> Reasons { get; set; } = [];

    public static string KeyOf(DateOnly day, string? department, string step, long? actorId) =>
        FormattableString.Invariant($"{day:yyyy-MM-dd}|{department}|{step}|{actorId}");

    /// <summary>Nothing left to count: the stored bucket is deleted (or the change is dropped).</summary>
    public bool IsEmpty => Decided == 0 && Approved == 0 && Rejected == 0 && Frozen == 0 && DocumentsRequested == 0 && OnBehalf == 0
        && Escalations == 0 && Hours.Count == 0 && ForWhom.Count == 0 && Reasons.Count == 0;

    public StepBucket EmptyCopy() => new() { Id = Id, Day = Day, Department = Department, Step = Step, ActorId = ActorId };

    /// <summary>Adds <paramref name="other"/> (times <paramref name="sign"/>) to this bucket; entries that reach zero go.</summary>
    public void Add(StepBucket other, int sign = 1)
    {
        Decided += sign * other.Decided;
        Approved += sign * other.Approved;
        Rejected += sign * other.Rejected;
        Frozen += sign * other.Frozen;
        DocumentsRequested += sign * other.DocumentsRequested;
        OnBehalf += sign * other.OnBehalf;
        Escalations += sign * other.Escalations;
        BucketMath.Merge(Hours, other.Hours, sign);
        foreach (var p in other.ForWhom)
        {
            var mine = ForWhom.FirstOrDefault(x => x.PersonId == p.PersonId);
            if (mine is null) ForWhom.Add(mine = new PersonCount { PersonId = p.PersonId });
            mine.Count += sign * p.Count;
            if (mine.Count == 0) ForWhom.Remove(mine);
        }
        foreach (var r in other.Reasons)
        {
            var mine = Reasons.FirstOrDefault(x => x.Key == r.Key);
            if (mine is null) Reasons.Add(mine = new ReasonTally { Key = r.Key, Text = r.Text, FirstAt = r.FirstAt });
            else if (sign * r.Count > 0 && r.FirstAt < mine.FirstAt) (mine.Text, mine.FirstAt) = (r.Text, r.FirstAt);
            mine.Count += sign * r.Count;
            if (mine.Count == 0) Reasons.Remove(mine);
        }
    }
}

/// <summary>One day (the local day a status was left) of documents of one kind and manager in one status: how many and their exact hours.</summary>
public sealed class SpanBucket
{
    /// <summary>"{day}|{kind}|{status}|{manager}".</summary>
    public string Id { get; set; } = "";
    public DateOnly Day { get; set; }
    public string Kind { get; set; } = "";
    public DocumentStatus Status { get; set; }
    public long ManagerId { get; set; }
    public int Count { get; set; }
    public List<HoursCount> Hours { get; set; } = [];

    public bool IsEmpty => Count == 0 && Hours.Count == 0;

    public SpanBucket EmptyCopy() => new() { Id = Id, Day = Day, Kind = Kind, Status = Status, ManagerId = ManagerId };

    public void Add(SpanBucket other, int sign = 1)
    {
        Count += sign * other.Count;
        BucketMath.Merge(Hours, other.Hours, sign);
    }
}

/// <summary>Turns rows into their buckets and two sets of rows into the change between them.</summary>
public static class BucketMath
{
    public static int Centi(double hours) => (int)Math.Round(hours * 100, MidpointRounding.AwayFromZero);

    internal static void Merge(List<HoursCount> into, List<HoursCount> from, int sign)
    {
        foreach (var h in from)
        {
            var mine = into.FirstOrDefault(x => x.Centi == h.Centi);
            if (mine is null) into.Add(mine = new HoursCount { Centi = h.Centi });
            mine.Count += sign * h.Count;
            if (mine.Count == 0) into.Remove(mine);
        }
    }

    /// <summary>The buckets of one request's rows: its decisions by day, department, step and actor, and its escalated visits.</summary>
    public static Dictionary<string, StepBucket> StepBuckets(IEnumerable<StepDecisionRow> rows, WorkingCalendar calendar)
    {
        var buckets = new Dictionary<string, StepBucket>(StringComparer.Ordinal);
        StepBucket At(DateOnly day, string? department, string step, long? actor)
        {
            var key = StepBucket.KeyOf(day, department, step, actor);
            if (!buckets.TryGetValue(key, out var bucket))
                buckets[key] = bucket = new StepBucket { Id = key, Day = day, Department = department, Step = step, ActorId = actor };
            return bucket;
        }
        var list = rows as IReadOnlyCollection<StepDecisionRow> ?? rows.ToList();
        foreach (var r in list)
        {
            if (r.DecidedAt is not { } at || r.Action is not { } action || !Stats.StatsService.Decided.Contains(action) || r.ActorId is not { } actor) continue;
            var b = At(calendar.LocalDate(at), r.Department, r.Step, actor);
            b.Decided++;
            if (action == ApprovalActions.Approved) b.Approved++;
            if (action == ApprovalActions.Frozen) b.Frozen++;
            if (action == ApprovalActions.DocumentsRequested) b.DocumentsRequested++;
            Merge(b.Hours, [new HoursCount { Centi = Centi(r.WorkingHours), Count = 1 }], 1);
            if (r.OnBehalfOfId is { } behalf)
            {
                b.OnBehalf++;
                b.Add(new StepBucket { ForWhom = [new PersonCount { PersonId = behalf, Count = 1 }] });
            }
            if (action == ApprovalActions.Rejected)
            {
                b.Rejected++;
                var text = (r.Reason ?? "").Trim();
                b.Add(new StepBucket { Reasons = [new ReasonTally { Key = text.ToLowerInvariant(), Text = text, FirstAt = at, Count = 1 }] });
            }
        }
        foreach (var visit in list.Where(r => r.EscalatedAt is not null).GroupBy(r => (r.RequestId, r.Seq)))
        {
            var first = visit.First();
            At(calendar.LocalDate(first.EscalatedAt!.Value), first.Department, first.Step, null).Escalations++;
        }
        return buckets;
    }

    public static Dictionary<string, SpanBucket> SpanBuckets(IEnumerable<DocumentStatusSpan> spans, WorkingCalendar calendar)
    {
        var buckets = new Dictionary<string, SpanBucket>(StringComparer.Ordinal);
        foreach (var s in spans)
        {
            if (s.Open || s.LeftAt is not { } left) continue;
            var day = calendar.LocalDate(left);
            var key = FormattableString.Invariant($"{day:yyyy-MM-dd}|{s.Kind}|{s.Status}|{s.ManagerId}");
            if (!buckets.TryGetValue(key, out var bucket))
                buckets[key] = bucket = new SpanBucket { Id = key, Day = day, Kind = s.Kind, Status = s.Status, ManagerId = s.ManagerId };
            bucket.Count++;
            Merge(bucket.Hours, [new HoursCount { Centi = Centi(s.WorkingHours), Count = 1 }], 1);
        }
        return buckets;
    }

    /// <summary>What to add to the stored buckets when <paramref name="before"/>'s rows become <paramref name="after"/>'s: unchanged rows cancel out.</summary>
    public static IReadOnlyList<StepBucket> Change(Dictionary<string, StepBucket> after, Dictionary<string, StepBucket> before)
    {
        foreach (var (key, old) in before)
        {
            if (!after.TryGetValue(key, out var bucket)) after[key] = bucket = old.EmptyCopy();
            bucket.Add(old, -1);
        }
        return after.Values.Where(b => !b.IsEmpty).ToList();
    }

    public static IReadOnlyList<SpanBucket> Change(Dictionary<string, SpanBucket> after, Dictionary<string, SpanBucket> before)
    {
        foreach (var (key, old) in before)
        {
            if (!after.TryGetValue(key, out var bucket)) after[key] = bucket = old.EmptyCopy();
            bucket.Add(old, -1);
        }
        return after.Values.Where(b => !b.IsEmpty).ToList();
    }

    /// <summary>
    /// The p-th percentile of merged hours, exactly as <see cref="Stats.Percentiles.Of"/> reads the rows: position
    /// (n - 1)·p in the sorted values, interpolated between the two closest ranks.
    /// </summary>
    public static double Percentile(IReadOnlyDictionary<int, int> counts, double p)
    {
        var n = counts.Values.Sum();
        if (n == 0) return 0;
        var h = (n - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, n - 1);
        double? x = null, y = null;
        var seen = 0;
        foreach (var (centi, count) in counts.OrderBy(c => c.Key))
        {
            if (x is null && lo < seen + count) x = centi / 100.0;
            if (hi < seen + count) { y = centi / 100.0; break; }
            seen += count;
        }
        return Math.Round(x!.Value + (h - lo) * (y!.Value - x.Value), 2);
    }

    public static Dictionary<int, int> Merged(IEnumerable<List<HoursCount>> lists)
    {
        var counts = new Dictionary<int, int>();
        foreach (var list in lists)
            foreach (var h in list) counts[h.Centi] = counts.GetValueOrDefault(h.Centi) + h.Count;
        return counts;
    }
}
