namespace RealtimeApp.Web.Realtime.Connections;

/// <summary>How a connection's upgrade was accepted.</summary>
public enum ApiTransport
{
    /// <summary>In the HTTP pipeline; the HTTP request stays alive with the socket.</summary>
    HttpPipeline,

    /// <summary>On Kestrel's connection directly, before any HTTP request was created (<c>Api:DirectConnections</c>).</summary>
    Direct,
}
