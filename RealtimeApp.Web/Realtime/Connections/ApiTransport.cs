namespace RealtimeApp.Web.Realtime.Connections;

/// <summary>How an API session reached the server.</summary>
public enum ApiTransport
{
    /// <summary>A WebSocket upgraded in the HTTP pipeline; the HTTP request stays alive with the socket.</summary>
    HttpPipeline,

    /// <summary>A WebSocket accepted on Kestrel's connection directly, before any HTTP request was created (<c>Api:DirectConnections</c>).</summary>
    Direct,

    /// <summary>A subscription streamed as Server-Sent Events from <c>/api/trpc</c>.</summary>
    ServerSentEvents,
}
