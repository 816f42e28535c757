using System.Security.Claims;

namespace RealtimeApp.Web.Realtime.Authentication;

/// <summary>
/// Creates the identity of a WebSocket API connection, once per connection (the tRPC context, §2). Runs after the
/// upgrade, when the connectionParams are known. A rejection is sent as an <c>id:null</c> UNAUTHORIZED error
/// (plus one per request already received) and the socket is closed.
/// </summary>
public interface IApiConnectionAuthenticator
{
    /// <summary>
    /// Reads the browser's user from an upgrade request that carries cookies, before it is accepted, while the HTTP
    /// response can still change (reading the Identity cookie may renew it). The API is served before the app's
    /// authentication middleware, so nothing is read for the connection unless the authenticator reads it. Requests
    /// with cookies always take the HTTP pipeline; the others may be accepted on Kestrel's connection directly.
    /// </summary>
    ValueTask<ClaimsPrincipal?> AuthenticateBrowserAsync(HttpContext context) => ValueTask.FromResult<ClaimsPrincipal?>(null);

    ValueTask<ApiAuthenticationResult> AuthenticateAsync(ApiAuthenticationRequest request, CancellationToken cancellationToken);
}
