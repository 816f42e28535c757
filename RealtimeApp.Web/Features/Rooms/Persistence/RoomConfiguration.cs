using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Features.Rooms.Persistence;

public sealed class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    public void Configure(EntityTypeBuilder<Room> room)
    {
        room.ToTable("Rooms");
        room.HasKey(r => r.Id);
        room.Property(r => r.Id).HasMaxLength(64);
        room.Property(r => r.Name).HasMaxLength(ChatRules.MaxRoomNameLength).UseCollation(Collations.CaseInsensitive);
        room.HasIndex(r => r.Name).IsUnique();
        room.Property(r => r.Topic).HasMaxLength(ChatRules.MaxTopicLength);
        room.Property(r => r.LastSequence).IsConcurrencyToken(false);
        room.HasData(new Room
        {
            Id = Room.GeneralId,
            Name = "general",
            Topic = "Everyone, everything",
            CreatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            LastActivityAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        });
    }
}
