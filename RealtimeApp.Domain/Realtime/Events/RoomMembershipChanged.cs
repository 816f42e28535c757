using System.Text.Json.Serialization;

namespace RealtimeApp.Domain.Realtime.Events;

/// <summary>
/// A user joined or left a room, or their role in it changed. Published on the room's own topic, in order with its
/// messages, so a removed member's subscriptions can end before the next message reaches them.
/// </summary>
public sealed record RoomMembershipChanged(string RoomId, string UserId, bool IsMember, string Role) : IRealtimeEvent
{
    [JsonPropertyOrder(-1)]
    public string RoomId { get; } = RoomId;

    [JsonIgnore]
    public string Topic { get; } = Topics.Room(RoomId);
}
