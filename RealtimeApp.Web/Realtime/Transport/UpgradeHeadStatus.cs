namespace RealtimeApp.Web.Realtime.Transport;

internal enum UpgradeHeadStatus
{
    /// <summary>The bytes so far could still start an upgrade for <c>/api/ws</c>: read more.</summary>
    Incomplete,

    /// <summary>Anything else (another request, another protocol, a head this parser does not fully trust): Kestrel's HTTP server takes it.</summary>
    NotDirect,

    /// <summary>A complete, well-formed WebSocket upgrade for <c>/api/ws</c>.</summary>
    Upgrade,
}
