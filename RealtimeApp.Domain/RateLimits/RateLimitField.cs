namespace RealtimeApp.Domain.RateLimits;

/// <summary>The limits a policy sets. The first is shared by the UI and the API; the others apply to API connections.</summary>
public enum RateLimitField
{
    MessagesPerMinute,
    RequestsPerSecond,
    Burst,
    SubscriptionsPerConnection,
    ConnectionsPerUser,
}
