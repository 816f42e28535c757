using System.Globalization;

namespace RealtimeApp.Domain.RateLimits;

/// <summary>
/// What a policy may hold. Every value is a whole number of at least 1 (0 would lock a user out; remove the user
/// instead) and at most a bound far above any real user but high enough for a benchmark account.
/// </summary>
public static class RateLimitRules
{
    public static IReadOnlyList<RateLimitField> Fields { get; } = Enum.GetValues<RateLimitField>();

    /// <summary>The fields only the API uses (the message budget is shared with the UI).</summary>
    public static IReadOnlyList<RateLimitField> ApiFields { get; } =
        [RateLimitField.RequestsPerSecond, RateLimitField.Burst, RateLimitField.SubscriptionsPerConnection, RateLimitField.ConnectionsPerUser];

    public static int Maximum(RateLimitField field) => field switch
    {
        RateLimitField.MessagesPerMinute => 1_000_000,
        RateLimitField.RequestsPerSecond => 1_000_000,
        RateLimitField.Burst => 10_000_000,
        RateLimitField.SubscriptionsPerConnection => 100_000,
        RateLimitField.ConnectionsPerUser => 100_000,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown rate-limit field."),
    };

    public static string Label(RateLimitField field) => field switch
    {
        RateLimitField.MessagesPerMinute => "Messages per minute",
        RateLimitField.RequestsPerSecond => "API requests per second",
        RateLimitField.Burst => "Burst",
        RateLimitField.SubscriptionsPerConnection => "Subscriptions per connection",
        RateLimitField.ConnectionsPerUser => "Connections per user",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown rate-limit field."),
    };

    /// <summary>The fields a role's default must set: Staff and Admin the message budget, Api the four API limits.</summary>
    public static IReadOnlyList<RateLimitField> RequiredFor(RateLimitSource role) => role switch
    {
        RateLimitSource.Staff or RateLimitSource.Admin => [RateLimitField.MessagesPerMinute],
        RateLimitSource.Api => ApiFields,
        _ => [],
    };

    /// <summary>The fields a role's default may set (the API default has no message budget: messages are shared with the UI).</summary>
    public static IReadOnlyList<RateLimitField> EditableFor(RateLimitSource role) =>
        role == RateLimitSource.Api ? ApiFields : Fields;

    /// <summary>The message for one value, or null when it is allowed.</summary>
    public static string? Check(RateLimitField field, int? value, bool required = false)
    {
        if (value is null)
        {
            return required ? $"{Label(field)} is required." : null;
        }

        var max = Maximum(field);
        return value < 1 || value > max
            ? string.Create(CultureInfo.InvariantCulture, $"{Label(field)} must be a whole number from 1 to {max:N0}.")
            : null;
    }

    /// <summary>Every refused field of <paramref name="values"/> for the policy <paramref name="policy"/> (a role, or Override).</summary>
    public static IReadOnlyList<RateLimitFieldError> Validate(RateLimitSource policy, RateLimitValues values)
    {
        ArgumentNullException.ThrowIfNull(values);

        var required = RequiredFor(policy);
        var editable = policy == RateLimitSource.Override ? Fields : EditableFor(policy);
        var errors = new List<RateLimitFieldError>();
        foreach (var field in Fields)
        {
            var message = editable.Contains(field)
                ? Check(field, values[field], required.Contains(field))
                : values[field] is null ? null : $"{Label(field)} cannot be set on the {policy} default.";
            if (message is not null)
            {
                errors.Add(new RateLimitFieldError(field, message));
            }
        }

        return errors;
    }
}
