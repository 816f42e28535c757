using Microsoft.Net.Http.Headers;

namespace RealtimeApp.Web.Realtime.Authentication;

/// <summary>What an authenticator sees: the upgrade request and the connectionParams (null without <c>?connectionParams=1</c> or with <c>"data":null</c>).</summary>
public sealed class ApiAuthenticationRequest(HttpContext httpContext, IReadOnlyDictionary<string, string>? connectionParams, bool isOriginAllowed)
{
    /// <summary>The HTTP upgrade request: headers (<c>Authorization</c>, <c>Origin</c>), cookies, remote address, services.</summary>
    public HttpContext HttpContext { get; } = httpContext;

    public IReadOnlyDictionary<string, string>? ConnectionParams { get; } = connectionParams;

    /// <summary>
    /// False when the upgrade request carries an <c>Origin</c> that <c>Api:AllowedOrigins</c> does not allow (empty list:
    /// the app's own origin). A cookie-authenticated connection must be refused when this is false.
    /// </summary>
    public bool IsOriginAllowed { get; } = isOriginAllowed;

    /// <summary>The <c>token</c> connection parameter, if any.</summary>
    public string? ConnectionParamsToken => ConnectionParams?.GetValueOrDefault("token");

    /// <summary>The token of an <c>Authorization: Bearer</c> header on the upgrade request, if any.</summary>
    public string? BearerToken
    {
        get
        {
            var header = HttpContext.Request.Headers[HeaderNames.Authorization].ToString();
            const string Prefix = "Bearer ";
            return header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && header.Length > Prefix.Length
                ? header[Prefix.Length..].Trim()
                : null;
        }
    }
}
