using Microsoft.Extensions.Options;
using RealtimeApp.Web.Realtime.Authentication;
using RealtimeApp.Web.Realtime.Connections;

namespace RealtimeApp.Web.Realtime.Transport;

/// <summary>
/// <c>/api/ws</c> in the HTTP pipeline: the upgrades that are not accepted on Kestrel's connection directly (with
/// cookies, over TLS, on a connection that served HTTP first, on servers other than Kestrel), the 400 for a request
/// that is no upgrade, and the 503 while the server shuts down.
/// </summary>
internal static class HttpUpgradeEndpoint
{
    public static async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("This endpoint only accepts WebSocket connections (tRPC v11 WebSocket protocol). See docs/websocket-api.md.");
            return;
        }

        var services = context.RequestServices;
        if (services.GetRequiredService<ApiConnectionRegistry>().RefusesNewSockets)
        {
            // Refused before the upgrade, so a client never sees an open socket (and sends on it) that closes at once.
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "1";
            await context.Response.WriteAsync("The server is shutting down; reconnect in a moment.");
            return;
        }

        var options = services.GetRequiredService<IOptions<ApiOptions>>().Value;
        var request = context.Request;
        var upgrade = new ApiUpgrade(
            context.Connection.RemoteIpAddress?.ToString(),
            request.Query["connectionParams"] == "1",
            BearerToken.FromAuthorization(request.Headers.Authorization),
            ApiOriginPolicy.IsAllowed(request, options.AllowedOrigins),
            await services.GetRequiredService<IApiConnectionAuthenticator>().AuthenticateBrowserAsync(context),
            ApiTransport.HttpPipeline);
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            DangerousEnableCompression = options.Compression,
            KeepAliveInterval = TimeSpan.Zero,
        });
        await ActivatorUtilities.CreateInstance<ApiConnection>(services, socket, upgrade).RunAsync();
    }
}
