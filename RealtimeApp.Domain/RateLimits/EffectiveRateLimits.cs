namespace RealtimeApp.Domain.RateLimits;

/// <summary>A user's limits after resolution, each with its source. Equal by value, so a change is easy to detect.</summary>
public sealed record EffectiveRateLimits(
    EffectiveLimit MessagesPerMinute,
    EffectiveLimit RequestsPerSecond,
    EffectiveLimit Burst,
    EffectiveLimit SubscriptionsPerConnection,
    EffectiveLimit ConnectionsPerUser)
{
    public EffectiveLimit this[RateLimitField field] => field switch
    {
        RateLimitField.MessagesPerMinute => MessagesPerMinute,
        RateLimitField.RequestsPerSecond => RequestsPerSecond,
        RateLimitField.Burst => Burst,
        RateLimitField.SubscriptionsPerConnection => SubscriptionsPerConnection,
        RateLimitField.ConnectionsPerUser => ConnectionsPerUser,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown rate-limit field."),
    };
}
