using System.Net.WebSockets;

namespace RealtimeApp.Web.Realtime;

/// <summary>The close codes the server uses on <c>/api/ws</c>.</summary>
public static class ApiCloseCodes
{
    /// <summary>Authentication or connectionParams rejected: a close frame with no status, seen as 1005 (as the reference server).</summary>
    public const WebSocketCloseStatus Rejected = WebSocketCloseStatus.Empty;

    /// <summary>Server shutting down after the reconnect notification and the drain period.</summary>
    public const WebSocketCloseStatus ShuttingDown = WebSocketCloseStatus.EndpointUnavailable;

    /// <summary>An inbound message larger than <c>Api:MaxMessageBytes</c>.</summary>
    public const WebSocketCloseStatus MessageTooBig = WebSocketCloseStatus.MessageTooBig;

    /// <summary>The client read too slowly: more than <c>Api:SendQueueBytes</c> waited to be sent.</summary>
    public const WebSocketCloseStatus SendQueueOverflow = (WebSocketCloseStatus)4008;

    /// <summary>The server closed the connection on purpose (token revoked, account locked, admin action).</summary>
    public const WebSocketCloseStatus ClosedByServer = (WebSocketCloseStatus)4001;

    /// <summary>The user already has as many open connections as their limit allows (<c>IApiUserLimits</c>).</summary>
    public const WebSocketCloseStatus TooManyConnections = (WebSocketCloseStatus)4029;
}
