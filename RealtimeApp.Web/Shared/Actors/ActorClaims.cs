using System.Security.Claims;
using RealtimeApp.Domain.Users;

namespace RealtimeApp.Web.Shared.Actors;

public static class ActorClaims
{
    /// <summary>The acting user behind a signed-in principal (cookie or API token); null when it carries no user id.</summary>
    public static Actor? ToActor(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);

        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return null;
        }

        var roles = principal.FindAll(ClaimTypes.Role).Select(claim => claim.Value).ToHashSet(StringComparer.Ordinal);
        return new Actor(userId, principal.Identity?.Name ?? userId, roles);
    }
}
