using RealtimeApp.Domain.Chat;

namespace RealtimeApp.Web.Features.Rooms.Api;

/// <summary>A room as API clients see it in <c>rooms.list</c>, <c>rooms.join</c> and <c>rooms.create</c>.</summary>
public sealed record RoomDto(
    string Id,
    string Name,
    string? Topic,
    bool IsPrivate,
    bool IsMember,
    long LastSequence,
    DateTimeOffset LastActivityAt,
    int Unread,
    int UnreadMentions)
{
    public static RoomDto From(RoomSummary room)
    {
        ArgumentNullException.ThrowIfNull(room);
        return new(room.Id, room.Name, room.Topic, room.IsPrivate, room.IsMember, room.LastSequence, room.LastActivityAt, room.Unread, room.UnreadMentions);
    }

    /// <summary>A room its creator just made: they are its first member and moderator.</summary>
    public static RoomDto Created(Room room)
    {
        ArgumentNullException.ThrowIfNull(room);
        return new(room.Id, room.Name, room.Topic, room.IsPrivate, IsMember: true, room.LastSequence, room.LastActivityAt, 0, 0);
    }
}
