using System.Net.WebSockets;

namespace RealtimeApp.Web.Realtime.Logging;

/// <summary>
/// The life of an API session (a WebSocket connection, an SSE stream, an HTTP request's caller), event ids 4200–4219
/// (<c>docs/operations.md</c>). The session's id, user and transport are in the scope (<see cref="ApiSessionLogScope"/>),
/// so they are not repeated here. No token, connectionParams value or message text is ever an argument.
/// </summary>
internal static partial class ApiConnectionLog
{
    [LoggerMessage(EventId = 4200, EventName = "ApiConnectionOpened", Level = LogLevel.Information,
        Message = "API connection opened from {RemoteAddress}")]
    public static partial void Opened(ILogger logger, string? remoteAddress);

    [LoggerMessage(EventId = 4201, EventName = "ApiConnectionAuthenticated", Level = LogLevel.Information,
        Message = "API connection authenticated as user {AuthenticatedUserId}")]
    public static partial void Authenticated(ILogger logger, string? authenticatedUserId);

    [LoggerMessage(EventId = 4202, EventName = "ApiAuthenticationFailed", Level = LogLevel.Warning,
        Message = "API authentication failed: {Reason}")]
    public static partial void AuthenticationFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 4203, EventName = "ApiConnectionClosed", Level = LogLevel.Information,
        Message = "API connection closed by the {ClosedBy} with {CloseCode} ({CloseReason}) after {DurationSeconds:0.###} s")]
    public static partial void Closed(ILogger logger, string closedBy, int? closeCode, string closeReason, double durationSeconds);

    [LoggerMessage(EventId = 4204, EventName = "ApiSendQueueOverflow", Level = LogLevel.Warning,
        Message = "API connection cut off: more than {Bytes} bytes waiting to be sent (a reader too slow for its subscriptions)")]
    public static partial void SendQueueOverflow(ILogger logger, long bytes);

    [LoggerMessage(EventId = 4205, EventName = "ApiRateLimited", Level = LogLevel.Information,
        Message = "API request {Procedure} refused by the user's request rate limit; further refusals in a row are not logged")]
    public static partial void RateLimited(ILogger logger, string procedure);

    [LoggerMessage(EventId = 4206, EventName = "ApiConnectionRefused", Level = LogLevel.Warning,
        Message = "API connection refused after authentication: {Reason}")]
    public static partial void Refused(ILogger logger, string reason);

    [LoggerMessage(EventId = 4207, EventName = "ApiAuthenticatorFailed", Level = LogLevel.Error,
        Message = "API authentication could not be decided: the authenticator failed")]
    public static partial void AuthenticatorFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4208, EventName = "ApiFrameFailed", Level = LogLevel.Error,
        Message = "API connection: a frame could not be handled; the connection reads the next one")]
    public static partial void FrameFailed(ILogger logger, Exception exception);

    /// <summary>Logs a close status as its number (1000, 4001…), since operators search for those.</summary>
    public static void Closed(ILogger logger, string closedBy, WebSocketCloseStatus? status, string? reason, TimeSpan duration) =>
        Closed(logger, closedBy, status is { } code ? (int)code : null, string.IsNullOrEmpty(reason) ? "no reason given" : reason, duration.TotalSeconds);
}
