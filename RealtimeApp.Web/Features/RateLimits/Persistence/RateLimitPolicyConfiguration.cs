using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RealtimeApp.Domain.RateLimits;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Features.RateLimits.Persistence;

/// <summary>The <c>RateLimitPolicies</c> table, seeded with the three role defaults (<see cref="RateLimitDefaults.Seed"/>).</summary>
public sealed class RateLimitPolicyConfiguration : IEntityTypeConfiguration<RateLimitPolicy>
{
    public void Configure(EntityTypeBuilder<RateLimitPolicy> policy)
    {
        policy.ToTable("RateLimitPolicies");
        policy.HasKey(p => p.Id);
        policy.Property(p => p.Role).HasMaxLength(16);
        policy.Property(p => p.UpdatedBy).HasMaxLength(256);
        policy.HasIndex(p => p.Role).IsUnique();
        policy.HasIndex(p => p.UserId).IsUnique();
        policy.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        policy.HasData(
            Seed(1, RateLimitSource.Staff, RateLimitDefaults.Seed.Staff),
            Seed(2, RateLimitSource.Admin, RateLimitDefaults.Seed.Admin),
            Seed(3, RateLimitSource.Api, RateLimitDefaults.Seed.Api));
    }

    private static RateLimitPolicy Seed(int id, RateLimitSource role, RateLimitValues values)
    {
        var policy = new RateLimitPolicy { Id = id, Role = role.ToString(), UpdatedAt = DateTimeOffset.UnixEpoch };
        policy.SetValues(values);
        return policy;
    }
}
