using System.Security.Claims;
using RealtimeApp.Web.Realtime.Authentication;

namespace RealtimeApp.Web.Realtime.Http;

/// <summary>
/// Who makes an <c>/api/trpc</c> request, decided once per request (per batch, per SSE connection): an API token from
/// <c>?connectionParams={"token":…}</c> or <c>Authorization: Bearer</c>, or the browser's Identity cookie from an allowed
/// <c>Origin</c>. A request that changes state (anything but GET) with a cookie must carry an allowed <c>Origin</c>:
/// browsers send one with every such request, so a cross-site page cannot post as the user. A GET without an
/// <c>Origin</c> (browsers omit it for simple requests) may use the cookie only when the browser says it comes from the
/// app's own pages (<c>Sec-Fetch-Site: same-origin</c>) or from no page at all (<c>none</c>, or no fetch metadata: not a
/// browser), so another site cannot make the user's browser spend their budget or probe what they may see.
/// </summary>
internal static class HttpCaller
{
    public static async Task<ApiAuthenticationResult> AuthenticateAsync(
        HttpContext context, IReadOnlyDictionary<string, string>? connectionParams, IApiConnectionAuthenticator authenticator, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authenticator);
        ArgumentNullException.ThrowIfNull(options);

        var request = context.Request;
        var origin = request.Headers.Origin.ToString();
        var isOriginAllowed = origin.Length > 0
            ? ApiOriginPolicy.IsAllowed(request, options.AllowedOrigins)
            : HttpMethods.IsGet(request.Method) && IsSameOriginOrNotAFetch(request.Headers["Sec-Fetch-Site"].ToString());
        ClaimsPrincipal? browserUser = null;
        if (connectionParams?.ContainsKey("token") != true)
        {
            browserUser = await authenticator.AuthenticateBrowserAsync(context);
        }

        var credentials = new ApiAuthenticationRequest(
            BearerToken.FromAuthorization(request.Headers.Authorization), browserUser, connectionParams, isOriginAllowed);
        return await authenticator.AuthenticateAsync(credentials, context.RequestAborted);
    }

    private static bool IsSameOriginOrNotAFetch(string fetchSite) => fetchSite is "" or "same-origin" or "none";
}
