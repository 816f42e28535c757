using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RealtimeApp.Domain.Tasks;

namespace RealtimeApp.Web.Features.Tasks.Persistence;

public sealed class TaskProgressEventConfiguration : IEntityTypeConfiguration<TaskProgressEvent>
{
    public void Configure(EntityTypeBuilder<TaskProgressEvent> progress)
    {
        progress.ToTable("TaskEvents");
        progress.HasKey(e => e.Id);
        progress.HasIndex(e => new { e.TaskId, e.Sequence }).IsUnique();
        progress.Property(e => e.State).HasConversion<string>().HasMaxLength(16);
        progress.Property(e => e.Message).HasMaxLength(TaskRecord.MaxMessageLength);
        progress.HasOne<TaskRecord>().WithMany().HasForeignKey(e => e.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}
