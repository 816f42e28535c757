using System.Runtime.CompilerServices;
using System.Security.Claims;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Realtime.Limits;
using RealtimeApp.Web.Shared.Actors;

namespace RealtimeApp.Web.Features.RateLimits;

/// <summary>The API engine's limits from each user's stored policy, spending the same budget as the UI.</summary>
public sealed class PolicyApiUserLimits(UserRateLimiter limiter, RateLimitRefusals refusals) : IApiUserLimits
{
    // A connection keeps its principal for life: read its claims once, not on every request.
    private readonly ConditionalWeakTable<ClaimsPrincipal, Actor> _actors = new();

    public async ValueTask<ApiUserLimits> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var limits = await limiter.GetLimitsAsync(ActorOf(user), cancellationToken);
        return new ApiUserLimits(limits.SubscriptionsPerConnection.Value, limits.ConnectionsPerUser.Value);
    }

    public ValueTask<Failure?> TryAcquireRequestAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        limiter.TryAcquireRequestAsync(ActorOf(user), cancellationToken);

    public void RecordRefusal(ClaimsPrincipal user, ApiLimit limit)
    {
        var actor = ActorOf(user);
        _ = RecordAsync(actor, limit);
    }

    private async Task RecordAsync(Actor actor, ApiLimit limit)
    {
        // The limits were read a moment ago to refuse, so this is the cached snapshot.
        var limits = await limiter.GetLimitsAsync(actor);
        var (kind, source) = limit == ApiLimit.Subscriptions
            ? (RateLimitKind.Subscriptions, limits.SubscriptionsPerConnection.Source)
            : (RateLimitKind.Connections, limits.ConnectionsPerUser.Source);
        refusals.Record(actor.UserId, actor.DisplayName, kind, source);
    }

    private Actor ActorOf(ClaimsPrincipal user) =>
        _actors.GetValue(user, static principal =>
            principal.ToActor() ?? new Actor(principal.Identity?.Name ?? "anonymous", principal.Identity?.Name ?? "anonymous", new HashSet<string>()));
}
