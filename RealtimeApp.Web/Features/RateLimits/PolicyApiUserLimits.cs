using System.Security.Claims;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Features.Users;
using RealtimeApp.Web.Realtime.Limits;

namespace RealtimeApp.Web.Features.RateLimits;

/// <summary>The API engine's limits from each user's stored policy, spending the same budget as the UI.</summary>
public sealed class PolicyApiUserLimits(UserRateLimiter limiter, RateLimitRefusals refusals) : IApiUserLimits
{
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
        var limits = await limiter.GetLimitsAsync(actor);
        var (kind, source) = limit == ApiLimit.Subscriptions
            ? (RateLimitKind.Subscriptions, limits.SubscriptionsPerConnection.Source)
            : (RateLimitKind.Connections, limits.ConnectionsPerUser.Source);
        refusals.Record(actor.UserId, actor.DisplayName, kind, source);
    }

    private static Actor ActorOf(ClaimsPrincipal user) =>
        user.ToActor() ?? new Actor(user.Identity?.Name ?? "anonymous", user.Identity?.Name ?? "anonymous", new HashSet<string>());
}
