using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RealtimeApp.Domain.Agents;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Features.Agents.Persistence;

public sealed class AgentRecordConfiguration : IEntityTypeConfiguration<AgentRecord>
{
    public void Configure(EntityTypeBuilder<AgentRecord> agent)
    {
        agent.ToTable("Agents");
        agent.HasKey(a => a.Id);
        agent.Property(a => a.Id).HasMaxLength(64);
        agent.Property(a => a.DisplayName).HasMaxLength(AgentRecord.MaxNameLength);
        agent.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        agent.Property(a => a.CurrentTaskId).HasMaxLength(64);
        agent.Property(a => a.Version).HasMaxLength(AgentRecord.MaxVersionLength);
        agent.Property(a => a.Metadata).HasMaxLength(AgentRecord.MaxMetadataLength);
        agent.HasIndex(a => a.Status);
        agent.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
