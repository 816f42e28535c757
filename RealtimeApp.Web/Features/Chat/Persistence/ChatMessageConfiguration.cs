using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RealtimeApp.Domain.Chat;

namespace RealtimeApp.Web.Features.Chat.Persistence;

public sealed class ChatMessageConfiguration : IEntityTypeConfiguration<ChatMessage>
{
    public void Configure(EntityTypeBuilder<ChatMessage> message)
    {
        message.ToTable("ChatMessages");
        message.HasKey(m => m.Id);
        message.HasIndex(m => new { m.RoomId, m.Sequence }).IsUnique();
        message.Property(m => m.Text).HasMaxLength(ChatRules.MaxMessageLength);
        message.Property(m => m.AuthorName).HasMaxLength(256);
        message.Property(m => m.Mentions).HasMaxLength(2048);
        message.Ignore(m => m.IsDeleted);
        message.HasOne<Room>().WithMany().HasForeignKey(m => m.RoomId).OnDelete(DeleteBehavior.Cascade);
    }
}
