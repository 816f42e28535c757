using System.Security.Claims;

namespace RealtimeApp.Web.Realtime.Authentication;

/// <summary>
/// What an authenticator sees of a connection: the credentials of its upgrade request and its connectionParams (null
/// without <c>?connectionParams=1</c> or with <c>"data":null</c>).
/// </summary>
public sealed class ApiAuthenticationRequest(
    string? bearerToken,
    ClaimsPrincipal? browserUser,
    IReadOnlyDictionary<string, string>? connectionParams,
    bool isOriginAllowed)
{
    /// <summary>The token of an <c>Authorization: Bearer</c> header on the upgrade request, if any.</summary>
    public string? BearerToken { get; } = bearerToken;

    /// <summary>
    /// The user of the upgrade request's Identity cookie, as <see cref="IApiConnectionAuthenticator.AuthenticateBrowserAsync"/>
    /// read it; null for a request without one.
    /// </summary>
    public ClaimsPrincipal? BrowserUser { get; } = browserUser;

    public IReadOnlyDictionary<string, string>? ConnectionParams { get; } = connectionParams;

    /// <summary>
    /// False when the upgrade request carries an <c>Origin</c> that <c>Api:AllowedOrigins</c> does not allow (empty list:
    /// the app's own origin). A cookie-authenticated connection must be refused when this is false.
    /// </summary>
    public bool IsOriginAllowed { get; } = isOriginAllowed;

    /// <summary>The <c>token</c> connection parameter, if any.</summary>
    public string? ConnectionParamsToken => ConnectionParams?.GetValueOrDefault("token");
}
