namespace RealtimeApp.Web.Realtime.Authentication;

/// <summary>
/// Creates the identity of a WebSocket API connection, once per connection (the tRPC context, §2). Runs after the
/// upgrade, when the connectionParams are known. A rejection is sent as an <c>id:null</c> UNAUTHORIZED error
/// (plus one per request already received) and the socket is closed.
/// </summary>
public interface IApiConnectionAuthenticator
{
    /// <summary>
    /// Runs on the upgrade request before it is accepted, while the HTTP response can still change: the place to read
    /// what only a live HTTP request can give (the Identity cookie). The API is served before the app's
    /// authentication middleware, so nothing is read for the connection unless the authenticator reads it.
    /// </summary>
    ValueTask BeforeUpgradeAsync(HttpContext context) => ValueTask.CompletedTask;

    ValueTask<ApiAuthenticationResult> AuthenticateAsync(ApiAuthenticationRequest request, CancellationToken cancellationToken);
}
