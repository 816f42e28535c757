using System.Collections.Frozen;
using RealtimeApp.Domain.RateLimits;
using RealtimeApp.Domain.Users;

namespace RealtimeApp.Web.Features.RateLimits;

/// <summary>Every stored policy at one moment (the table is small: three defaults and the users with overrides).</summary>
public sealed record RateLimitSnapshot(long Version, RateLimitDefaults Defaults, FrozenDictionary<string, RateLimitValues> Overrides)
{
    private static readonly IReadOnlySet<string> AdminRoles = new HashSet<string> { Roles.Admin }.ToFrozenSet();
    private static readonly IReadOnlySet<string> StaffRoles = new HashSet<string> { Roles.Staff }.ToFrozenSet();

    public RateLimitValues? OverrideFor(string userId) => Overrides.GetValueOrDefault(userId);

    public EffectiveRateLimits Resolve(string userId, bool isAdmin) =>
        RateLimitResolver.Resolve(OverrideFor(userId), isAdmin ? AdminRoles : StaffRoles, Defaults);
}
