using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RealtimeApp.Client;

/// <summary>How a <see cref="RealtimeClient"/> connects, keeps its connection alive and comes back after losing it.</summary>
public sealed class RealtimeClientOptions
{
    /// <summary>The API's WebSocket endpoint, e.g. <c>ws://localhost:5000/api/ws</c> (<c>wss://</c> behind TLS).</summary>
    public required Uri ServerUrl { get; init; }

    /// <summary>The API token (<c>rt_…</c>), sent as <c>Authorization: Bearer</c> on every connection.</summary>
    public required string Token { get; init; }

    /// <summary>How long to wait between attempts after the connection is lost.</summary>
    public ReconnectPolicy Reconnect { get; init; } = new();

    /// <summary>
    /// How long a query or mutation waits for its answer, including any wait for the connection to come back;
    /// 30 s by default.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// After this long without any frame from the server the client sends <c>PING</c> (the server answers
    /// <c>PONG</c>); 20 s by default.
    /// </summary>
    public TimeSpan PingAfter { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long to wait for any frame after a <c>PING</c> before giving the socket up as dead; 10 s by default.</summary>
    public TimeSpan PongTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Where the client logs connection changes and failures.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>The clock for back-off and keep-alive (a fake one in tests).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        if (ServerUrl.Scheme is not ("ws" or "wss"))
        {
            throw new ArgumentException($"ServerUrl must be a ws:// or wss:// address, not '{ServerUrl}'.", nameof(ServerUrl));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(Token);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RequestTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PingAfter, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PongTimeout, TimeSpan.Zero);
    }
}
