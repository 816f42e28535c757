using System.ComponentModel.DataAnnotations;

namespace RealtimeApp.Web.Realtime;

/// <summary>Server keep-alive (§6): text <c>PING</c> after <see cref="PingSeconds"/> of silence, abort after <see cref="PongWaitSeconds"/> more.</summary>
public sealed class ApiKeepAliveOptions
{
    /// <summary>Seconds without any inbound frame before the server sends <c>PING</c>; 0 turns server pings off.</summary>
    [Range(0, 3600)]
    public double PingSeconds { get; set; } = 30;

    /// <summary>Seconds to wait for any frame after a <c>PING</c> before the socket is aborted (the client sees 1006).</summary>
    [Range(0.01, 3600)]
    public double PongWaitSeconds { get; set; } = 5;
}
