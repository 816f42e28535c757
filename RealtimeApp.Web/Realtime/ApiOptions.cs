using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace RealtimeApp.Web.Realtime;

/// <summary>
/// Limits and behaviour of the API, section <c>Api</c>: the WebSocket transport (<c>/api/ws</c>) and the HTTP and
/// Server-Sent Events transport (<c>/api/trpc</c>). See docs/websocket-api.md.
/// </summary>
public sealed class ApiOptions : IValidatableObject
{
    public const string SectionName = "Api";

    public const string Path = "/api/ws";

    public const string HttpPath = "/api/trpc";

    /// <summary>Calls in one <c>/api/trpc</c> batch; more fail the whole request with BAD_REQUEST.</summary>
    [Range(1, 1000)]
    public int HttpMaxBatchSize { get; set; } = 50;

    /// <summary>Largest <c>/api/trpc</c> request body; a larger one fails every call with PAYLOAD_TOO_LARGE (413).</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int HttpMaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>An SSE stream sends <c>event: ping</c> after this long without any event, so clients and proxies see it alive.</summary>
    [Range(0.1, 3600)]
    public double SsePingSeconds { get; set; } = 10;

    /// <summary>
    /// Told to SSE clients in <c>connected</c>: after this long without any event (pings included) the official client
    /// drops the stream and resumes on a new one. Must exceed <see cref="SsePingSeconds"/>.
    /// </summary>
    [Range(1, 3600)]
    public double SseReconnectAfterInactivitySeconds { get; set; } = 30;

    [Required]
    [ValidateObjectMembers]
    public ApiKeepAliveOptions KeepAlive { get; set; } = new();

    /// <summary>Largest inbound message; a larger one closes the connection with 1009.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Active subscriptions per connection; one more is rejected with BAD_REQUEST. The engine's default for everyone:
    /// the app replaces it with each user's rate-limit policy (<c>IApiUserLimits</c>).
    /// </summary>
    [Range(1, 100_000)]
    public int MaxSubscriptionsPerConnection { get; set; } = 100;

    /// <summary>
    /// Open connections per user; one more is rejected with TOO_MANY_REQUESTS and closed with 4029. The engine's default
    /// for everyone: the app replaces it with each user's rate-limit policy (<c>IApiUserLimits</c>).
    /// </summary>
    [Range(1, 100_000)]
    public int MaxConnectionsPerUser { get; set; } = 20;

    /// <summary>Bytes waiting to be sent on one connection; a client that lets more pile up is closed with 4008.</summary>
    [Range(4096, 1024 * 1024 * 1024)]
    public int SendQueueBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Accept an upgrade that is a connection's first request on Kestrel's connection directly, without the HTTP/1.1
    /// request that would otherwise live as long as the socket (less memory per connection). Upgrades with cookies,
    /// over TLS or after other requests always take the HTTP pipeline, and so does every upgrade when this is off.
    /// </summary>
    public bool DirectConnections { get; set; } = true;

    /// <summary>Accept permessage-deflate when the client offers it.</summary>
    public bool Compression { get; set; } = true;

    /// <summary>Origins from which a browser (cookie) connection is accepted; empty means the app's own origin only.</summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>Time between the reconnect notification at shutdown and closing the remaining sockets with 1001.</summary>
    [Range(0, 300)]
    public double ShutdownDrainSeconds { get; set; } = 2.5;

    /// <summary>
    /// Time a connection opened with <c>?connectionParams=1</c> has to send them; after it, the connection is refused
    /// with UNAUTHORIZED and closed like a failed authentication, so unauthenticated sockets cannot linger.
    /// </summary>
    [Range(0.1, 300)]
    public double ConnectionParamsTimeoutSeconds { get; set; } = 10;

    /// <summary>How long the server waits for the client's close frame (or for a blocked send) before aborting the socket.</summary>
    [Range(0.1, 300)]
    public double CloseTimeoutSeconds { get; set; } = 5;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SseReconnectAfterInactivitySeconds <= SsePingSeconds)
        {
            yield return new ValidationResult(
                "Api:SseReconnectAfterInactivitySeconds must be greater than Api:SsePingSeconds, or healthy streams would be dropped.",
                [nameof(SseReconnectAfterInactivitySeconds), nameof(SsePingSeconds)]);
        }
    }
}
