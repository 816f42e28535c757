using RealtimeApp.Domain.Users;

namespace RealtimeApp.Domain.RateLimits;

/// <summary>
/// Resolves a user's effective limits, field by field: the user's override → the Admin default (for admins) → the
/// Staff default → the Api default. Staff and Admin must set the message budget and Api the four API limits
/// (<see cref="RateLimitRules"/>), so every field resolves. The channel (browser or API) plays no part: one user has
/// one budget whichever way they connect.
/// </summary>
public static class RateLimitResolver
{
    public static EffectiveRateLimits Resolve(RateLimitValues? userOverride, IReadOnlySet<string> roles, RateLimitDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(defaults);

        var isAdmin = roles.Contains(Roles.Admin);
        EffectiveLimit Field(RateLimitField field)
        {
            if (userOverride?[field] is { } own)
            {
                return new EffectiveLimit(own, RateLimitSource.Override);
            }

            if (isAdmin && defaults.Admin[field] is { } admin)
            {
                return new EffectiveLimit(admin, RateLimitSource.Admin);
            }

            if (defaults.Staff[field] is { } staff)
            {
                return new EffectiveLimit(staff, RateLimitSource.Staff);
            }

            return defaults.Api[field] is { } api
                ? new EffectiveLimit(api, RateLimitSource.Api)
                : throw new InvalidOperationException($"No default policy sets {RateLimitRules.Label(field)}.");
        }

        return new EffectiveRateLimits(
            Field(RateLimitField.MessagesPerMinute),
            Field(RateLimitField.RequestsPerSecond),
            Field(RateLimitField.Burst),
            Field(RateLimitField.SubscriptionsPerConnection),
            Field(RateLimitField.ConnectionsPerUser));
    }
}
