namespace RealtimeApp.Web.Realtime.Authentication;

/// <summary>
/// Creates the identity of a WebSocket API connection, once per connection (the tRPC context, §2). Runs after the
/// upgrade, when the connectionParams are known. A rejection is sent as an <c>id:null</c> UNAUTHORIZED error
/// (plus one per request already received) and the socket is closed.
/// </summary>
public interface IApiConnectionAuthenticator
{
    ValueTask<ApiAuthenticationResult> AuthenticateAsync(ApiAuthenticationRequest request, CancellationToken cancellationToken);
}
