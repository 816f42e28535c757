using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RealtimeApp.Domain.Agents;

namespace RealtimeApp.Web.Features.Agents.Persistence;

public sealed class AgentCommandConfiguration : IEntityTypeConfiguration<AgentCommand>
{
    public void Configure(EntityTypeBuilder<AgentCommand> command)
    {
        command.ToTable("AgentCommands");
        command.HasKey(c => c.Id);
        command.Property(c => c.Id).HasMaxLength(64);
        command.Property(c => c.Kind).HasMaxLength(16);
        command.Property(c => c.TaskId).HasMaxLength(64);
        command.Property(c => c.IssuedBy).HasMaxLength(450);
        command.HasIndex(c => new { c.AgentId, c.AcknowledgedAt });
        command.HasOne<AgentRecord>().WithMany().HasForeignKey(c => c.AgentId).OnDelete(DeleteBehavior.Cascade);
    }
}
