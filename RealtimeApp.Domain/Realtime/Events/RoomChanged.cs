using System.Text.Json.Serialization;

namespace RealtimeApp.Domain.Realtime.Events;

/// <summary>
/// A room was created, renamed, archived... Published on <c>rooms</c>. Private rooms are published too: consumers
/// showing the room list must filter by membership.
/// </summary>
/// <param name="RoomId">The room.</param>
/// <param name="Name">The room's name.</param>
/// <param name="RoomTopic">The room's topic line (named so to keep it apart from the event's <see cref="Topic"/>).</param>
/// <param name="IsPrivate">Whether only members may see and join the room.</param>
/// <param name="IsArchived">Whether the room is read-only.</param>
/// <param name="Change">What happened.</param>
public sealed record RoomChanged(
    string RoomId,
    string Name,
    string? RoomTopic,
    bool IsPrivate,
    bool IsArchived,
    RoomChangeKind Change) : IRealtimeEvent
{
    /// <inheritdoc />
    [JsonIgnore]
    public string Topic => Topics.Rooms;
}
