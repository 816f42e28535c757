namespace RealtimeApp.Web.Features.Demo;

/// <summary>Where the demo agents connect: the server's own WebSocket API, preferring a plain-HTTP loopback address.</summary>
public static class DemoServerAddress
{
    public static Uri? ApiEndpoint(IEnumerable<string> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);

        var candidates = addresses
            .Select(address => Uri.TryCreate(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://[::1]", StringComparison.Ordinal), UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .OrderBy(uri => uri.Scheme == Uri.UriSchemeHttp ? 0 : 1)
            .ThenBy(uri => uri.IsLoopback ? 0 : 1)
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var chosen = candidates[0];
        var builder = new UriBuilder(chosen) { Scheme = chosen.Scheme == Uri.UriSchemeHttps ? "wss" : "ws", Path = "/api/ws" };
        return builder.Uri;
    }
}
