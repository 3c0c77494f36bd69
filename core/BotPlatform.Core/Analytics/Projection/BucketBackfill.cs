using BotPlatform.Core.Common;
using BotPlatform.Core.People;

namespace BotPlatform.Core.Analytics.Projection;

/// <summary>
/// Builds the daily buckets once from the rows already stored, for an installation whose analytics rows predate
/// the buckets; from then on the projection keeps them. Run at start-up; marked done (as digests are marked sent)
/// in the same unit of work, so it runs exactly once, also across replicas.
/// </summary>
public sealed class BucketBackfill(IAnalyticsStore analytics, IUnitOfWork unitOfWork, Organisation organisation, TimeProvider time)
{
    public const string Marker = "buckets:v1";

    public async Task<bool> RunAsync(CancellationToken ct)
    {
        if (await analytics.DigestSentAsync(Marker, ct)) return false;
        return await unitOfWork.RunAsync(async () =>
        {
            if (!await analytics.TryMarkDigestAsync(Marker, time.GetUtcNow(), ct)) return false;
            // Buckets already there were kept by the projection (e.g. data written before this first start): adding the rows again would count them twice.
            if ((await analytics.StepBucketsAsync(DateOnly.MinValue, DateOnly.MaxValue, ct)).Count > 0
                || (await analytics.SpanBucketsAsync(DateOnly.MinValue, DateOnly.MaxValue, ct)).Count > 0) return false;
            var rows = (await analytics.DecidedAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, ct))
                .Concat(await analytics.OpenStepsAsync(ct)).DistinctBy(r => r.Id);
            var steps = new Dictionary<string, StepBucket>(StringComparer.Ordinal);
            foreach (var request in rows.GroupBy(r => r.RequestId))
                Merge(steps, BucketMath.StepBuckets(request, organisation.Calendar).Values, b => b.Id, b => b.EmptyCopy(), (a, b) => a.Add(b));
            var spans = BucketMath.SpanBuckets(await analytics.ClosedSpansAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, ct), organisation.Calendar);
            await analytics.AddStepsAsync([], steps.Values.Where(b => !b.IsEmpty).ToList(), ct);
            await analytics.AddSpansAsync([], spans.Values.ToList(), ct);
            return true;
        }, ct);
    }

    private static void Merge<T>(Dictionary<string, T> into, IEnumerable<T> buckets, Func<T, string> id, Func<T, T> emptyCopy, Action<T, T> add)
    {
        foreach (var bucket in buckets)
        {
            if (!into.TryGetValue(id(bucket), out var mine)) into[id(bucket)] = mine = emptyCopy(bucket);
            add(mine, bucket);
        }
    }
}
