using System.Net.WebSockets;
using System.Security.Claims;

namespace RealtimeApp.Web.Realtime.Connections;

/// <summary>
/// A live API session the registry tracks, counts against the user's connection limit, lists for operators and ends on
/// revocation, lockout or shutdown: a WebSocket connection or a Server-Sent Events stream.
/// </summary>
internal interface IApiSession
{
    string Id { get; }

    /// <summary>Set by the registry once the session counts against its user's limit.</summary>
    string? UserId { get; set; }

    ClaimsPrincipal? User { get; }

    /// <summary>Completes when the session has ended and everything it ran has finished.</summary>
    Task Completion { get; }

    ApiConnectionInfo Describe();

    /// <summary>Ends the session: a WebSocket closes with <paramref name="status"/>; an SSE stream ends without <c>return</c>, so its client reconnects.</summary>
    void RequestClose(WebSocketCloseStatus status, string? description, bool discardPending);

    /// <summary>
    /// Ends the session at shutdown: takes no new request, lets the calls already running answer, then ends it as
    /// <see cref="RequestClose"/> does.
    /// </summary>
    void FinishAndClose(WebSocketCloseStatus status, string? description);

    /// <summary>Asks the client to move before shutdown (a WebSocket's reconnect notice; nothing for SSE, whose end says it all).</summary>
    void SendReconnect();
}
