using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Tasks;

namespace RealtimeApp.Web.Features.Tasks.Persistence;

public sealed class TaskRecordConfiguration : IEntityTypeConfiguration<TaskRecord>
{
    public void Configure(EntityTypeBuilder<TaskRecord> task)
    {
        task.ToTable("Tasks");
        task.HasKey(t => t.Id);
        task.Property(t => t.Id).HasMaxLength(64);
        task.Property(t => t.Title).HasMaxLength(TaskRecord.MaxTitleLength);
        task.Property(t => t.AgentId).HasMaxLength(64);
        task.Property(t => t.CreatedBy).HasMaxLength(450);
        task.Property(t => t.ClientId).HasMaxLength(ClientIds.MaxLength);
        task.Property(t => t.State).HasConversion<string>().HasMaxLength(16);
        task.Property(t => t.Error).HasMaxLength(TaskRecord.MaxMessageLength);
        task.Property(t => t.ErrorDetails).HasMaxLength(TaskRecord.MaxErrorDetailsLength);
        // Two reports racing for the same task must not both take the next sequence number: the loser retries.
        task.Property(t => t.LastSequence).IsConcurrencyToken();
        task.HasIndex(t => t.State);
        task.HasIndex(t => t.AgentId);
        task.HasIndex(t => t.CreatedAt);
        // A retried create finds the original by (creator, client id); the index is also the last guard against a second task.
        task.HasIndex(t => new { t.CreatedBy, t.ClientId }).IsUnique().HasFilter("\"ClientId\" IS NOT NULL");
    }
}
