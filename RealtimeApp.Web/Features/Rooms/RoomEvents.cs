using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Realtime.Events;

namespace RealtimeApp.Web.Features.Rooms;

/// <summary>Publishes committed room changes: to everyone's room lists, and membership changes on the room's own topic.</summary>
public sealed class RoomEvents(EventHub hub)
{
    public void Changed(Room room, RoomChangeKind change)
    {
        ArgumentNullException.ThrowIfNull(room);

        hub.Publish(new RoomChanged(room.Id, room.Name, room.Topic, room.IsPrivate, room.IsArchived, change));
    }

    public void MembershipChanged(Room room, string userId, RoomRole? role)
    {
        ArgumentNullException.ThrowIfNull(room);

        hub.Publish(new RoomMembershipChanged(room.Id, userId, role is not null, (role ?? RoomRole.Member).ToString()));
        Changed(room, RoomChangeKind.MembersChanged);
    }
}
