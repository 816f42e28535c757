using System.Security.Claims;
using RealtimeApp.Domain.ApiTokens;
using RealtimeApp.Web.Realtime.Authentication;

namespace RealtimeApp.Web.Features.ApiTokens;

/// <summary>The claims of a token-authenticated principal, beside NameIdentifier, Name (email) and Role.</summary>
public static class ApiTokenClaims
{
    /// <summary>The authentication type of a token principal's identity.</summary>
    public const string AuthenticationType = "ApiToken";

    /// <summary>The id of the <see cref="ApiToken"/> the connection authenticated with.</summary>
    public const string TokenId = "token_id";

    /// <summary>The token id of a token principal; null for a cookie principal.</summary>
    public static int? GetTokenId(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return int.TryParse(principal.FindFirstValue(TokenId), out var id) ? id : null;
    }

    /// <summary>A token's principal: its owner (id, name, roles) held to the token's <paramref name="scopes"/>.</summary>
    public static ClaimsPrincipal CreatePrincipal(int tokenId, string userId, string name, IEnumerable<string> roles, IReadOnlyCollection<string> scopes)
    {
        ArgumentNullException.ThrowIfNull(roles);

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, userId),
            new(ClaimTypes.Name, name),
            new(TokenId, tokenId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, role)));
        claims.AddRange(ApiScopeClaims.For(scopes));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }
}
