using System.Security.Claims;
using RealtimeApp.Domain.Common;

namespace RealtimeApp.Web.Realtime.Limits;

/// <summary>
/// The per-user limits the API engine enforces. The engine's default reads <see cref="ApiOptions"/> and does not
/// limit the request rate; the rate-limits feature replaces it with the users' stored policies.
/// </summary>
public interface IApiUserLimits
{
    /// <summary>The subscription and connection limits for <paramref name="user"/>, as they stand now.</summary>
    ValueTask<ApiUserLimits> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>Takes one request from the user's budget: null when allowed, otherwise a rate-limited refusal with its retry time.</summary>
    ValueTask<Failure?> TryAcquireRequestAsync(ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>Counts a refusal the engine made itself (one subscription or connection too many).</summary>
    void RecordRefusal(ClaimsPrincipal user, ApiLimit limit);
}
