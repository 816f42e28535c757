namespace RealtimeApp.Domain.RateLimits;

/// <summary>The three role defaults: Staff and Admin set the chat budget, Api sets the API connection limits.</summary>
public sealed record RateLimitDefaults(RateLimitValues Staff, RateLimitValues Admin, RateLimitValues Api)
{
    /// <summary>What a new database starts with (issue #7): Staff 30 messages/min; Admin 120; API 20 requests/s, burst 100, 100 subscriptions, 20 connections.</summary>
    public static RateLimitDefaults Seed { get; } = new(
        new RateLimitValues(MessagesPerMinute: 30),
        new RateLimitValues(MessagesPerMinute: 120),
        new RateLimitValues(RequestsPerSecond: 20, Burst: 100, SubscriptionsPerConnection: 100, ConnectionsPerUser: 20));

    public RateLimitValues For(RateLimitSource role) => role switch
    {
        RateLimitSource.Staff => Staff,
        RateLimitSource.Admin => Admin,
        RateLimitSource.Api => Api,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Only Staff, Admin and Api have a default policy."),
    };

    public RateLimitDefaults With(RateLimitSource role, RateLimitValues values) => role switch
    {
        RateLimitSource.Staff => this with { Staff = values },
        RateLimitSource.Admin => this with { Admin = values },
        RateLimitSource.Api => this with { Api = values },
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Only Staff, Admin and Api have a default policy."),
    };
}
