using System.Security.Claims;
using Microsoft.Extensions.Options;
using RealtimeApp.Domain.Common;

namespace RealtimeApp.Web.Realtime.Limits;

/// <summary>The engine's default: the same limits for everyone from <see cref="ApiOptions"/>, no request-rate limit.</summary>
internal sealed class OptionsApiUserLimits(IOptions<ApiOptions> options) : IApiUserLimits
{
    private readonly ApiUserLimits _limits = new(options.Value.MaxSubscriptionsPerConnection, options.Value.MaxConnectionsPerUser);

    public ValueTask<ApiUserLimits> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken) => ValueTask.FromResult(_limits);

    public ValueTask<Failure?> TryAcquireRequestAsync(ClaimsPrincipal user, CancellationToken cancellationToken) => ValueTask.FromResult<Failure?>(null);

    public void RecordRefusal(ClaimsPrincipal user, ApiLimit limit)
    {
    }
}
