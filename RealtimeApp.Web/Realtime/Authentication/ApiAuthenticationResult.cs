using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;

namespace RealtimeApp.Web.Realtime.Authentication;

/// <summary>An authenticated principal, or the message of a rejection (sent to the client as UNAUTHORIZED).</summary>
public sealed class ApiAuthenticationResult
{
    private ApiAuthenticationResult(ClaimsPrincipal? principal, string? failure)
    {
        Principal = principal;
        Failure = failure;
    }

    public ClaimsPrincipal? Principal { get; }

    public string? Failure { get; }

    [MemberNotNullWhen(true, nameof(Principal))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Principal is not null;

    public static ApiAuthenticationResult Success(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return new(principal, null);
    }

    public static ApiAuthenticationResult Fail(string message) => new(null, message);
}
