using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Common;

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
        message.Property(m => m.ClientId).HasMaxLength(ClientIds.MaxLength);
        // A retry of a send finds the original by (author, client id); the index is also the last guard against a second copy.
        message.HasIndex(m => new { m.AuthorId, m.ClientId }).IsUnique().HasFilter("\"ClientId\" IS NOT NULL");
        message.Ignore(m => m.IsDeleted);
        message.HasOne<Room>().WithMany().HasForeignKey(m => m.RoomId).OnDelete(DeleteBehavior.Cascade);
    }
}
