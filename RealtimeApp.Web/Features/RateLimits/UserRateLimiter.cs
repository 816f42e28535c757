using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.RateLimits;
using RealtimeApp.Domain.Users;

namespace RealtimeApp.Web.Features.RateLimits;

/// <summary>
/// The one place users' budgets are spent, shared by the UI and the WebSocket API: a token bucket per user for chat
/// messages (whichever channel sends) and one for API requests, both from the user's effective policy. When the
/// policies change the next call compares the user's new limits with the ones their buckets were built from and
/// rebuilds only on a difference (what was spent stays spent). With several nodes the tokens are taken from
/// <see cref="ISharedBuckets"/> (one budget per user across the cluster), and from these per-node buckets only while
/// the shared ones cannot answer.
/// </summary>
public sealed class UserRateLimiter(RateLimitPolicyCache policies, RateLimitRefusals refusals, ISharedBuckets shared)
{
    private readonly ConcurrentDictionary<string, UserBuckets> _users = new(StringComparer.Ordinal);

    /// <summary>Users with buckets in memory (idle ones are dropped by <see cref="DropIdle"/>).</summary>
    public int TrackedUsers => _users.Count;

    /// <summary>The user's limits as they stand now, each with its source.</summary>
    public async ValueTask<EffectiveRateLimits> GetLimitsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return (await GetBucketsAsync(actor, cancellationToken)).Limits;
    }

    /// <summary>Takes one chat message from the user's budget; null when allowed, otherwise a refusal saying when to retry.</summary>
    public async ValueTask<Failure?> TryAcquireMessageAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);

        var buckets = await GetBucketsAsync(actor, cancellationToken);
        if (await TakeAsync(actor.UserId + ":messages", UserBuckets.MessageBucket(buckets.Limits), buckets.Messages) is not { } wait)
        {
            return null;
        }

        var limit = buckets.Limits.MessagesPerMinute;
        refusals.Record(actor.UserId, actor.DisplayName, RateLimitKind.Messages, limit.Source);
        return Failure.RateLimited(
            string.Create(CultureInfo.InvariantCulture, $"You are sending messages too quickly ({limit.Value} per minute). Try again in {Seconds(wait)} s."),
            wait);
    }

    /// <summary>Takes one API request from the user's budget; null when allowed, otherwise a refusal saying when to retry.</summary>
    public async ValueTask<Failure?> TryAcquireRequestAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);

        var buckets = await GetBucketsAsync(actor, cancellationToken);
        if (await TakeAsync(actor.UserId + ":requests", UserBuckets.RequestBucket(buckets.Limits), buckets.Requests) is not { } wait)
        {
            return null;
        }

        var (rate, burst) = (buckets.Limits.RequestsPerSecond, buckets.Limits.Burst);
        refusals.Record(actor.UserId, actor.DisplayName, RateLimitKind.Requests, rate.Source);
        var retry = wait < TimeSpan.FromSeconds(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, Math.Ceiling(wait.TotalMilliseconds)):0} ms")
            : string.Create(CultureInfo.InvariantCulture, $"{Seconds(wait)} s");
        return Failure.RateLimited(
            string.Create(CultureInfo.InvariantCulture, $"Too many requests ({rate.Value} per second, burst {burst.Value}). Try again in {retry}."),
            wait);
    }

    /// <summary>Forgets users whose buckets are full: rebuilding them later gives the same state.</summary>
    public int DropIdle()
    {
        var dropped = 0;
        foreach (var (userId, buckets) in _users)
        {
            if (buckets.IsIdle && _users.TryRemove(new KeyValuePair<string, UserBuckets>(userId, buckets)))
            {
                dropped++;
            }
        }

        return dropped;
    }

    /// <summary>Null when a token was taken, otherwise the wait; from the shared bucket when it answers.</summary>
    private async ValueTask<TimeSpan?> TakeAsync(string key, (int Size, TimeSpan Interval) shape, TokenBucketRateLimiter local)
    {
        if (await shared.TryTakeAsync(key, shape.Size, shape.Interval) is { } wait)
        {
            return wait == TimeSpan.Zero ? null : wait;
        }

        return UserBuckets.TryTake(local);
    }

    private async ValueTask<UserBuckets> GetBucketsAsync(Actor actor, CancellationToken cancellationToken)
    {
        var snapshot = await policies.GetAsync(cancellationToken);
        while (true)
        {
            if (!_users.TryGetValue(actor.UserId, out var current))
            {
                var created = new UserBuckets(snapshot.Resolve(actor.UserId, actor.IsAdmin), snapshot.Version, actor.IsAdmin);
                if (_users.TryAdd(actor.UserId, created))
                {
                    return created;
                }

                continue;
            }

            // An older snapshot may still be finishing its load; the buckets already follow a newer one.
            if ((current.Version == snapshot.Version && current.IsAdmin == actor.IsAdmin) || current.Version > snapshot.Version)
            {
                return current;
            }

            var limits = snapshot.Resolve(actor.UserId, actor.IsAdmin);
            var next = limits == current.Limits
                ? new UserBuckets(current, snapshot.Version, actor.IsAdmin)
                : new UserBuckets(limits, snapshot.Version, actor.IsAdmin, current);
            if (_users.TryUpdate(actor.UserId, next, current))
            {
                return next;
            }
        }
    }

    private static string Seconds(TimeSpan wait) =>
        Math.Max(1, Math.Ceiling(wait.TotalSeconds)).ToString("0", CultureInfo.InvariantCulture);
}
