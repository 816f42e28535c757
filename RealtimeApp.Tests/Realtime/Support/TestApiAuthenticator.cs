using System.Security.Claims;
using RealtimeApp.Web.Realtime.Authentication;

namespace RealtimeApp.Tests.Realtime.Support;

/// <summary>Tokens → users for the API tests: from connectionParams <c>token</c> or an <c>Authorization: Bearer</c> header.</summary>
public sealed class TestApiAuthenticator : IApiConnectionAuthenticator
{
    public const string AliceToken = "alice-token";
    public const string BobToken = "bob-token";

    /// <summary>A token whose rejection waits for <see cref="ReleaseSlowRejection"/>.</summary>
    public const string SlowInvalidToken = "slow-invalid";

    private readonly TaskCompletionSource _slowRejection = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ReleaseSlowRejection() => _slowRejection.TrySetResult();

    public async ValueTask<ApiAuthenticationResult> AuthenticateAsync(ApiAuthenticationRequest request, CancellationToken cancellationToken)
    {
        var token = request.ConnectionParamsToken ?? request.BearerToken;
        if (token == SlowInvalidToken)
        {
            await _slowRejection.Task.WaitAsync(cancellationToken);
        }

        return token switch
        {
            AliceToken => ApiAuthenticationResult.Success(Principal("alice")),
            BobToken => ApiAuthenticationResult.Success(Principal("bob")),
            _ => ApiAuthenticationResult.Fail("invalid token"),
        };
    }

    private static ClaimsPrincipal Principal(string name) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, name), new Claim(ClaimTypes.Name, name)], "ApiToken"));
}
