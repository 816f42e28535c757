using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using RealtimeApp.Web.Features.Sessions;
using RealtimeApp.Web.Realtime.Authentication;

namespace RealtimeApp.Web.Features.ApiTokens;

/// <summary>
/// Authenticates the API (<c>/api/ws</c>, <c>/api/trpc</c>): an API token from connectionParams <c>{"token":…}</c> or <c>Authorization: Bearer</c>;
/// without a token, the browser's Identity cookie, but only from an allowed <c>Origin</c> (no cross-site hijacking).
/// </summary>
public sealed class TokenApiAuthenticator(ApiTokenService tokens, LockedUsers locked) : IApiConnectionAuthenticator
{
    public const string OriginNotAllowed = "origin not allowed";

    /// <summary>
    /// Reads the Identity cookie of a request that has one and no Bearer token (a browser); it must be read before
    /// the upgrade, since reading it may renew it on the response.
    /// </summary>
    public async ValueTask<ClaimsPrincipal?> AuthenticateBrowserAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        if (context.Request.Headers.Cookie.Count == 0 || context.Request.Headers.Authorization.Count > 0)
        {
            return null;
        }

        var cookie = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        return cookie.Succeeded ? cookie.Principal : null;
    }

    public async ValueTask<ApiAuthenticationResult> AuthenticateAsync(ApiAuthenticationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var token = request.ConnectionParamsToken ?? request.BearerToken;
        if (token is not null)
        {
            var validated = await tokens.ValidateAsync(token, cancellationToken);
            if (!validated.Succeeded)
            {
                return ApiAuthenticationResult.Fail(validated.Failure!.Message);
            }

            // Locked on this node moments ago: refused at once, even while the token's validation is still remembered.
            return locked.Contains(validated.Value!.FindFirstValue(ClaimTypes.NameIdentifier) ?? "")
                ? ApiAuthenticationResult.Fail(ApiTokenService.LockedOutReason)
                : ApiAuthenticationResult.Success(validated.Value!);
        }

        var cookieUser = request.BrowserUser;
        if (cookieUser?.Identity?.IsAuthenticated != true)
        {
            return ApiAuthenticationResult.Fail(ApiTokenService.InvalidReason);
        }

        return request.IsOriginAllowed ? ApiAuthenticationResult.Success(cookieUser) : ApiAuthenticationResult.Fail(OriginNotAllowed);
    }
}
