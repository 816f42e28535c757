namespace RealtimeApp.Domain.RateLimits;

/// <summary>
/// The values one policy sets (a role default or a user's override). A null field inherits: an override from the
/// user's role default, a role default from the API default.
/// </summary>
public sealed record RateLimitValues(
    int? MessagesPerMinute = null,
    int? RequestsPerSecond = null,
    int? Burst = null,
    int? SubscriptionsPerConnection = null,
    int? ConnectionsPerUser = null)
{
    public static RateLimitValues Empty { get; } = new();

    public bool IsEmpty => this == Empty;

    public int? this[RateLimitField field] => field switch
    {
        RateLimitField.MessagesPerMinute => MessagesPerMinute,
        RateLimitField.RequestsPerSecond => RequestsPerSecond,
        RateLimitField.Burst => Burst,
        RateLimitField.SubscriptionsPerConnection => SubscriptionsPerConnection,
        RateLimitField.ConnectionsPerUser => ConnectionsPerUser,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown rate-limit field."),
    };

    /// <summary>These values with <paramref name="fields"/> cleared (inherited again).</summary>
    public RateLimitValues Without(IReadOnlySet<RateLimitField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new RateLimitValues(
            fields.Contains(RateLimitField.MessagesPerMinute) ? null : MessagesPerMinute,
            fields.Contains(RateLimitField.RequestsPerSecond) ? null : RequestsPerSecond,
            fields.Contains(RateLimitField.Burst) ? null : Burst,
            fields.Contains(RateLimitField.SubscriptionsPerConnection) ? null : SubscriptionsPerConnection,
            fields.Contains(RateLimitField.ConnectionsPerUser) ? null : ConnectionsPerUser);
    }

    /// <summary>These values with the fields <paramref name="changes"/> sets replaced (the others kept).</summary>
    public RateLimitValues With(RateLimitValues changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return new RateLimitValues(
            changes.MessagesPerMinute ?? MessagesPerMinute,
            changes.RequestsPerSecond ?? RequestsPerSecond,
            changes.Burst ?? Burst,
            changes.SubscriptionsPerConnection ?? SubscriptionsPerConnection,
            changes.ConnectionsPerUser ?? ConnectionsPerUser);
    }
}
