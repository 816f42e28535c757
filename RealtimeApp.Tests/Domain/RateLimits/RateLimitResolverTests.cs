using RealtimeApp.Domain.RateLimits;
using RealtimeApp.Domain.Users;

namespace RealtimeApp.Tests.Domain.RateLimits;

public sealed class RateLimitResolverTests
{
    private static readonly IReadOnlySet<string> Staff = new HashSet<string> { Roles.Staff };
    private static readonly IReadOnlySet<string> Admin = new HashSet<string> { Roles.Admin };
    private static readonly IReadOnlySet<string> AdminAndStaff = new HashSet<string> { Roles.Admin, Roles.Staff };

    [Fact]
    public void Resolve_GivesStaffMessagesAndApiLimits_WhenStaffUserHasNoOverride()
    {
        var limits = RateLimitResolver.Resolve(null, Staff, RateLimitDefaults.Seed);

        limits.MessagesPerMinute.ShouldBe(new EffectiveLimit(30, RateLimitSource.Staff));
        limits.RequestsPerSecond.ShouldBe(new EffectiveLimit(20, RateLimitSource.Api));
        limits.Burst.ShouldBe(new EffectiveLimit(100, RateLimitSource.Api));
        limits.SubscriptionsPerConnection.ShouldBe(new EffectiveLimit(100, RateLimitSource.Api));
        limits.ConnectionsPerUser.ShouldBe(new EffectiveLimit(20, RateLimitSource.Api));
    }

    [Fact]
    public void Resolve_GivesAdminDefault_WhenUserIsAdminAndStaff()
    {
        var limits = RateLimitResolver.Resolve(null, AdminAndStaff, RateLimitDefaults.Seed);

        limits.MessagesPerMinute.ShouldBe(new EffectiveLimit(120, RateLimitSource.Admin));
    }

    [Fact]
    public void Resolve_FallsBackToStaffDefault_WhenAdminDefaultLeavesFieldUnset()
    {
        var defaults = RateLimitDefaults.Seed with { Staff = new RateLimitValues(MessagesPerMinute: 30, Burst: 250) };

        var limits = RateLimitResolver.Resolve(null, Admin, defaults);

        limits.Burst.ShouldBe(new EffectiveLimit(250, RateLimitSource.Staff));
        limits.MessagesPerMinute.Source.ShouldBe(RateLimitSource.Admin);
    }

    [Fact]
    public void Resolve_PrefersRoleDefaultOverApiDefault_WhenRoleSetsAnApiField()
    {
        var defaults = RateLimitDefaults.Seed with { Admin = new RateLimitValues(MessagesPerMinute: 120, RequestsPerSecond: 50) };

        var limits = RateLimitResolver.Resolve(null, Admin, defaults);

        limits.RequestsPerSecond.ShouldBe(new EffectiveLimit(50, RateLimitSource.Admin));
        limits.Burst.ShouldBe(new EffectiveLimit(100, RateLimitSource.Api));
    }

    [Fact]
    public void Resolve_TakesOverrideFieldsAndInheritsTheRest_WhenUserHasPartialOverride()
    {
        var own = new RateLimitValues(MessagesPerMinute: 200_000, ConnectionsPerUser: 10_000);

        var limits = RateLimitResolver.Resolve(own, Admin, RateLimitDefaults.Seed);

        limits.MessagesPerMinute.ShouldBe(new EffectiveLimit(200_000, RateLimitSource.Override));
        limits.ConnectionsPerUser.ShouldBe(new EffectiveLimit(10_000, RateLimitSource.Override));
        limits.RequestsPerSecond.ShouldBe(new EffectiveLimit(20, RateLimitSource.Api));
    }

    [Fact]
    public void Resolve_GivesStaffDefault_WhenUserHasNoKnownRole()
    {
        var limits = RateLimitResolver.Resolve(null, new HashSet<string>(), RateLimitDefaults.Seed);

        limits.MessagesPerMinute.ShouldBe(new EffectiveLimit(30, RateLimitSource.Staff));
    }

    [Fact]
    public void Resolve_IsEqualByValue_WhenInputsAreTheSame()
    {
        var first = RateLimitResolver.Resolve(new RateLimitValues(Burst: 5), Staff, RateLimitDefaults.Seed);
        var second = RateLimitResolver.Resolve(new RateLimitValues(Burst: 5), Staff, RateLimitDefaults.Seed);

        second.ShouldBe(first);
    }
}
