using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RealtimeApp.Domain.Agents;

namespace RealtimeApp.Web.Features.Agents.Persistence;

public sealed class AgentStatusEntryConfiguration : IEntityTypeConfiguration<AgentStatusEntry>
{
    public void Configure(EntityTypeBuilder<AgentStatusEntry> entry)
    {
        entry.ToTable("AgentStatusHistory");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        entry.HasIndex(e => new { e.AgentId, e.At });
        entry.HasOne<AgentRecord>().WithMany().HasForeignKey(e => e.AgentId).OnDelete(DeleteBehavior.Cascade);
    }
}
