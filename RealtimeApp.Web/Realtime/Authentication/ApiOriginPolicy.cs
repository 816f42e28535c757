using Microsoft.Net.Http.Headers;

namespace RealtimeApp.Web.Realtime.Authentication;

/// <summary>Decides whether the upgrade request's <c>Origin</c> may use cookie authentication.</summary>
public static class ApiOriginPolicy
{
    /// <summary>
    /// True when there is no <c>Origin</c> header (not a browser), or the origin is listed in
    /// <paramref name="allowedOrigins"/>, or, with an empty list, it is the app's own origin.
    /// </summary>
    public static bool IsAllowed(HttpRequest request, IEnumerable<string> allowedOrigins)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(allowedOrigins);
        var origin = request.Headers[HeaderNames.Origin].ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }

        var allowed = allowedOrigins.Select(o => o.TrimEnd('/')).ToList();
        if (allowed.Count == 0)
        {
            allowed.Add($"{request.Scheme}://{request.Host}");
        }

        return allowed.Contains(origin.TrimEnd('/'), StringComparer.OrdinalIgnoreCase);
    }
}
