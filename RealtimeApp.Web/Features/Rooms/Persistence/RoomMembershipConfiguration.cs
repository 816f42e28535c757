using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Features.Rooms.Persistence;

public sealed class RoomMembershipConfiguration : IEntityTypeConfiguration<RoomMembership>
{
    public void Configure(EntityTypeBuilder<RoomMembership> membership)
    {
        membership.ToTable("RoomMemberships");
        membership.HasKey(m => new { m.RoomId, m.UserId });
        membership.HasIndex(m => m.UserId);
        membership.HasOne<Room>().WithMany().HasForeignKey(m => m.RoomId).OnDelete(DeleteBehavior.Cascade);
        membership.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
