namespace RealtimeApp.Web.Realtime.Connections;

/// <summary>A snapshot of one live API connection, for operators and the admin dashboard.</summary>
public sealed record ApiConnectionInfo(
    string Id,
    string? UserId,
    string? UserName,
    string? RemoteAddress,
    DateTimeOffset ConnectedAt,
    int SubscriptionCount,
    long QueuedBytes,
    bool IsClosing,
    ApiTransport Transport);
