namespace RealtimeApp.Web.Features.RateLimits;

/// <summary>
/// Token buckets every node spends from, so a user has one budget across the cluster (Redis when the backplane is
/// Redis). <see cref="UserRateLimiter"/> falls back to its own per-node buckets while the shared ones cannot answer.
/// </summary>
public interface ISharedBuckets
{
    /// <summary>
    /// Takes one token from the bucket <paramref name="key"/> holding at most <paramref name="size"/> tokens and gaining
    /// one every <paramref name="interval"/>. Returns <see cref="TimeSpan.Zero"/> when taken, otherwise how long until a
    /// token is there; null when the shared buckets are unreachable (the caller decides alone).
    /// </summary>
    ValueTask<TimeSpan?> TryTakeAsync(string key, int size, TimeSpan interval);
}

/// <summary>One node, nothing to share: the limiter's own buckets decide.</summary>
internal sealed class NoSharedBuckets : ISharedBuckets
{
    public static readonly NoSharedBuckets Instance = new();

    public ValueTask<TimeSpan?> TryTakeAsync(string key, int size, TimeSpan interval) => ValueTask.FromResult<TimeSpan?>(null);
}
