namespace RealtimeApp.Web.Realtime.Authentication;

/// <summary>The default until an API-token authenticator is registered: every connection is refused.</summary>
internal sealed class RejectAllApiAuthenticator : IApiConnectionAuthenticator
{
    public ValueTask<ApiAuthenticationResult> AuthenticateAsync(ApiAuthenticationRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ApiAuthenticationResult.Fail("invalid token"));
}
