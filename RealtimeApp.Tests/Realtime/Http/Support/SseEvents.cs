namespace RealtimeApp.Tests.Realtime.Http.Support;

/// <summary>The server's SSE events, byte for byte as TRPC_HTTP_PROTOCOL §9.10 frames them.</summary>
public static class SseEvents
{
    public const string Connected = "event: connected\ndata: {\"reconnectAfterInactivityMs\":30000}\n\n";

    public const string Ping = "event: ping\ndata: \n\n";

    public const string Return = "event: return\ndata: \n\n";

    public static string Data(string json) => $"data: {json}\n\n";

    public static string Tracked(string json, string id) => $"data: {json}\nid: {id}\n\n";

    public static string Error(string errorJson) => $"event: serialized-error\ndata: {errorJson}\n\n";
}
