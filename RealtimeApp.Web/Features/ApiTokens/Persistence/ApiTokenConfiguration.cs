using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RealtimeApp.Domain.ApiTokens;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Features.ApiTokens.Persistence;

public sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> token)
    {
        token.ToTable("ApiTokens");
        token.HasKey(t => t.Id);
        token.Property(t => t.Name).HasMaxLength(ApiTokenRules.MaxNameLength).IsRequired();
        token.Property(t => t.Prefix).HasMaxLength(ApiTokenSecret.PrefixLength).IsRequired();
        token.Property(t => t.Hash).HasMaxLength(ApiTokenSecret.HashLength).IsRequired();
        // Tokens made before scopes existed keep doing everything their owner can.
        token.Property(t => t.Scopes).HasMaxLength(256).IsRequired().HasDefaultValue(ApiScopes.All);
        token.HasIndex(t => t.Hash).IsUnique();
        token.HasIndex(t => t.UserId);
        token.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
