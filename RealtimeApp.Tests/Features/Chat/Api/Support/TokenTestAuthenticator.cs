using System.Collections.Concurrent;
using System.Security.Claims;
using RealtimeApp.Web.Realtime.Authentication;

namespace RealtimeApp.Tests.Features.Chat.Api.Support;

/// <summary>Test tokens → real users of the app (claims: user id, email as name, role), from connectionParams or a Bearer header.</summary>
public sealed class TokenTestAuthenticator : IApiConnectionAuthenticator
{
    private readonly ConcurrentDictionary<string, ClaimsPrincipal> _principals = new(StringComparer.Ordinal);

    public void Register(string token, string userId, string email, string role) =>
        _principals[token] = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Name, email), new Claim(ClaimTypes.Role, role)],
            "TestToken"));

    public ValueTask<ApiAuthenticationResult> AuthenticateAsync(ApiAuthenticationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var token = request.ConnectionParamsToken ?? request.BearerToken;
        return ValueTask.FromResult(token is not null && _principals.TryGetValue(token, out var principal)
            ? ApiAuthenticationResult.Success(principal)
            : ApiAuthenticationResult.Fail("invalid token"));
    }
}
