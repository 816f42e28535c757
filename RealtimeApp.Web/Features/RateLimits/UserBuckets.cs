using System.Threading.RateLimiting;
using RealtimeApp.Domain.RateLimits;

namespace RealtimeApp.Web.Features.RateLimits;

/// <summary>
/// One user's two token buckets, built from the limits they were resolved with. Tokens are added in proportion to the
/// time elapsed, topped up right before each attempt, so the rate is exact at any size and the retry time is precise.
/// </summary>
internal sealed class UserBuckets
{
    /// <summary>New buckets for <paramref name="limits"/>; what was spent from <paramref name="previous"/> stays spent (a change never refills a budget).</summary>
    public UserBuckets(EffectiveRateLimits limits, long version, bool isAdmin, UserBuckets? previous = null)
    {
        Limits = limits;
        Version = version;
        IsAdmin = isAdmin;
        Messages = Create(MessageBucket(limits), previous?.Messages, previous?.Limits.MessagesPerMinute.Value ?? 0);
        Requests = Create(RequestBucket(limits), previous?.Requests, previous?.Limits.Burst.Value ?? 0);
    }

    /// <summary>The same buckets, confirmed against a newer snapshot whose limits for this user did not change.</summary>
    public UserBuckets(UserBuckets kept, long version, bool isAdmin)
    {
        ArgumentNullException.ThrowIfNull(kept);
        (Limits, Messages, Requests) = (kept.Limits, kept.Messages, kept.Requests);
        (Version, IsAdmin) = (version, isAdmin);
    }

    public EffectiveRateLimits Limits { get; }

    /// <summary>The snapshot version the limits were last checked against.</summary>
    public long Version { get; }

    public bool IsAdmin { get; }

    public TokenBucketRateLimiter Messages { get; }

    public TokenBucketRateLimiter Requests { get; }

    /// <summary>True when both buckets are full: dropping them loses nothing.</summary>
    public bool IsIdle => Messages.IdleDuration is not null && Requests.IdleDuration is not null;


    /// <summary>The message bucket's shape: a minute's budget, refilled one token at a time across the minute.</summary>
    public static (int Size, TimeSpan Interval) MessageBucket(EffectiveRateLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return (limits.MessagesPerMinute.Value, Interval(TimeSpan.FromMinutes(1), limits.MessagesPerMinute.Value));
    }

    /// <summary>The request bucket's shape: the burst, refilled at the per-second rate.</summary>
    public static (int Size, TimeSpan Interval) RequestBucket(EffectiveRateLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return (limits.Burst.Value, Interval(TimeSpan.FromSeconds(1), limits.RequestsPerSecond.Value));
    }

    /// <summary>Takes one token; otherwise returns how long until one is there.</summary>
    public static TimeSpan? TryTake(TokenBucketRateLimiter bucket)
    {
        bucket.TryReplenish();
        using var lease = bucket.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : bucket.ReplenishmentPeriod;
    }

    // One token every window/rate, added by elapsed time (not by a timer), so even 100,000/s stays exact.
    private static TimeSpan Interval(TimeSpan window, int rate) => TimeSpan.FromTicks(Math.Max(1, window.Ticks / rate));

    private static TokenBucketRateLimiter Create((int Size, TimeSpan Interval) shape, TokenBucketRateLimiter? previous, int previousSize)
    {
        var size = shape.Size;
        var bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = size,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = shape.Interval,
            QueueLimit = 0,
            AutoReplenishment = false,
        });
        if (previous is not null)
        {
            previous.TryReplenish();
            var spent = previousSize - (previous.GetStatistics()?.CurrentAvailablePermits ?? previousSize);
            if (Math.Min(spent, size) is var carried and > 0)
            {
                using var lease = bucket.AttemptAcquire((int)carried);
            }
        }

        return bucket;
    }
}
