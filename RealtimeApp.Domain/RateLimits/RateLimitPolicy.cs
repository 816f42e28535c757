namespace RealtimeApp.Domain.RateLimits;

/// <summary>One stored policy: a role's default (<see cref="Role"/> set) or a user's override (<see cref="UserId"/> set).</summary>
public sealed class RateLimitPolicy
{
    public int Id { get; set; }

    /// <summary><c>Staff</c>, <c>Admin</c> or <c>Api</c> for a role default; null for an override.</summary>
    public string? Role { get; set; }

    /// <summary>The user an override belongs to; null for a role default.</summary>
    public string? UserId { get; set; }

    public int? MessagesPerMinute { get; set; }

    public int? RequestsPerSecond { get; set; }

    public int? Burst { get; set; }

    public int? SubscriptionsPerConnection { get; set; }

    public int? ConnectionsPerUser { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Who saved it last (an email, or <c>command line</c>).</summary>
    public string? UpdatedBy { get; set; }

    public RateLimitValues ToValues() =>
        new(MessagesPerMinute, RequestsPerSecond, Burst, SubscriptionsPerConnection, ConnectionsPerUser);

    public void SetValues(RateLimitValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        (MessagesPerMinute, RequestsPerSecond, Burst, SubscriptionsPerConnection, ConnectionsPerUser) =
            (values.MessagesPerMinute, values.RequestsPerSecond, values.Burst, values.SubscriptionsPerConnection, values.ConnectionsPerUser);
    }
}
