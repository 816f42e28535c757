namespace RealtimeApp.Domain.Realtime.Events;

/// <summary>What happened to a room in a <see cref="RoomChanged"/> event.</summary>
public enum RoomChangeKind
{
    Created,
    Updated,
    Archived,
    Unarchived,
    Deleted,
    MembersChanged,
}
