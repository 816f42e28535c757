namespace RealtimeApp.Web.Realtime.Authentication;

/// <summary>Decides whether the upgrade request's <c>Origin</c> may use cookie authentication.</summary>
public static class ApiOriginPolicy
{
    /// <summary>
    /// True when there is no <c>Origin</c> header (not a browser), or the origin is listed in
    /// <paramref name="allowedOrigins"/>, or, with an empty list, it is the app's own origin
    /// (<paramref name="ownOrigin"/>: the request's scheme and host, such as <c>http://app.example</c>).
    /// </summary>
    public static bool IsAllowed(string? origin, string ownOrigin, IEnumerable<string> allowedOrigins)
    {
        ArgumentNullException.ThrowIfNull(ownOrigin);
        ArgumentNullException.ThrowIfNull(allowedOrigins);
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }

        var allowed = allowedOrigins.Select(o => o.TrimEnd('/')).ToList();
        if (allowed.Count == 0)
        {
            allowed.Add(ownOrigin);
        }

        return allowed.Contains(origin.TrimEnd('/'), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary><see cref="IsAllowed(string?, string, IEnumerable{string})"/> for <paramref name="request"/>'s <c>Origin</c> and the app's own origin as the request reached it.</summary>
    public static bool IsAllowed(HttpRequest request, IEnumerable<string> allowedOrigins)
    {
        ArgumentNullException.ThrowIfNull(request);
        return IsAllowed(request.Headers.Origin, $"{request.Scheme}://{request.Host}", allowedOrigins);
    }
}
