using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RealtimeApp.Domain.Audit;

namespace RealtimeApp.Web.Features.Audit.Persistence;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public const int MaxNameLength = 256;

    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("AuditEntries");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.ActorUserId).HasMaxLength(450).IsRequired();
        entry.Property(e => e.ActorEmail).HasMaxLength(MaxNameLength).IsRequired();
        entry.Property(e => e.Action).HasMaxLength(64).IsRequired();
        entry.Property(e => e.Target).HasMaxLength(MaxNameLength).IsRequired();
        entry.HasIndex(e => e.At);
        entry.HasIndex(e => new { e.Action, e.At });
        entry.HasIndex(e => new { e.ActorEmail, e.At });
    }
}
