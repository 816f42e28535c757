using System.Security.Claims;

namespace RealtimeApp.Web.Realtime.Connections;

/// <summary>
/// What an API connection keeps of its upgrade request, whichever way it was accepted (the HTTP pipeline or
/// Kestrel's connection directly): read once to authenticate, then dropped, so no header outlives the handshake.
/// </summary>
/// <param name="RemoteAddress">The client's IP address, shown to operators.</param>
/// <param name="ExpectsConnectionParams">The request asked for <c>?connectionParams=1</c>: the first message is the connectionParams.</param>
/// <param name="BearerToken">The token of an <c>Authorization: Bearer</c> header, if any.</param>
/// <param name="IsOriginAllowed">False when a browser's <c>Origin</c> is not allowed by <c>Api:AllowedOrigins</c>.</param>
/// <param name="BrowserUser">The user of the request's Identity cookie, read before the upgrade (HTTP pipeline only).</param>
/// <param name="Transport">How the upgrade was accepted.</param>
internal sealed record ApiUpgrade(
    string? RemoteAddress,
    bool ExpectsConnectionParams,
    string? BearerToken,
    bool IsOriginAllowed,
    ClaimsPrincipal? BrowserUser,
    ApiTransport Transport);
