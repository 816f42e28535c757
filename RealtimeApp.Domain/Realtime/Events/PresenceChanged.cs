using System.Text.Json.Serialization;

namespace RealtimeApp.Domain.Realtime.Events;

/// <summary>A user came online in a room or left it. Published on <c>presence:{roomId}</c>.</summary>
/// <param name="RoomId">The room.</param>
/// <param name="UserId">The user.</param>
/// <param name="UserName">The user's display name.</param>
/// <param name="IsOnline">Whether the user now has at least one live connection in the room.</param>
public sealed record PresenceChanged(string RoomId, string UserId, string UserName, bool IsOnline) : IRealtimeEvent
{
    /// <summary>The room. Get-only so that <c>with</c> cannot move the event without its topic.</summary>
    [JsonPropertyOrder(-1)]
    public string RoomId { get; } = RoomId;

    /// <inheritdoc />
    [JsonIgnore]
    public string Topic { get; } = Topics.Presence(RoomId);
}
