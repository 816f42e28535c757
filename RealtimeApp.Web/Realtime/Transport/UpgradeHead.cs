namespace RealtimeApp.Web.Realtime.Transport;

/// <summary>A well-formed WebSocket upgrade request for <c>/api/ws</c>, as read from the connection's first bytes.</summary>
/// <param name="Query">The query string without its <c>?</c> (empty when there is none).</param>
/// <param name="Host">The <c>Host</c> header.</param>
/// <param name="Key">The <c>Sec-WebSocket-Key</c> header (24 base64 characters).</param>
/// <param name="Origin">The <c>Origin</c> header, if any.</param>
/// <param name="Authorization">The <c>Authorization</c> header, if any.</param>
/// <param name="Extensions">Every <c>Sec-WebSocket-Extensions</c> header, in order.</param>
/// <param name="Length">Bytes of the request head, the empty line included.</param>
internal sealed record UpgradeHead(
    string Query,
    string Host,
    string Key,
    string? Origin,
    string? Authorization,
    IReadOnlyList<string> Extensions,
    int Length);
