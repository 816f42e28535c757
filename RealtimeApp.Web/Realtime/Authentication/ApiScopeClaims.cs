using System.Security.Claims;
using RealtimeApp.Domain.ApiTokens;

namespace RealtimeApp.Web.Realtime.Authentication;

/// <summary>
/// The scopes a principal may use the API with, as <see cref="ClaimType"/> claims. A principal without any (a browser's
/// Identity cookie) acts with its user's full authority; an API token's principal carries at least one, and is held
/// to them.
/// </summary>
public static class ApiScopeClaims
{
    public const string ClaimType = "scope";

    /// <summary>The claims for <paramref name="scopes"/>; an empty list still restricts (to nothing).</summary>
    public static IEnumerable<Claim> For(IReadOnlyCollection<string> scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        return scopes.Count == 0 ? [new Claim(ClaimType, "")] : scopes.Select(scope => new Claim(ClaimType, scope));
    }

    /// <summary>Whether <paramref name="principal"/> may use what <paramref name="scope"/> covers.</summary>
    public static bool Allows(this ClaimsPrincipal principal, string scope)
    {
        ArgumentNullException.ThrowIfNull(principal);

        var restricted = false;
        foreach (var claim in principal.FindAll(ClaimType))
        {
            if (ApiScopes.Grants(claim.Value, scope))
            {
                return true;
            }

            restricted = true;
        }

        return !restricted;
    }
}
