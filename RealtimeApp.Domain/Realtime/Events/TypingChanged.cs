using System.Text.Json.Serialization;

namespace RealtimeApp.Domain.Realtime.Events;

/// <summary>
/// A user started or stopped typing in a room. Published on <c>presence:{roomId}</c>, not on the room topic, so
/// that message streams carry no ephemeral noise.
/// </summary>
/// <param name="RoomId">The room.</param>
/// <param name="UserId">The user.</param>
/// <param name="UserName">The user's display name.</param>
/// <param name="IsTyping">Whether the user is typing now.</param>
public sealed record TypingChanged(string RoomId, string UserId, string UserName, bool IsTyping) : IRealtimeEvent
{
    /// <summary>The room. Get-only so that <c>with</c> cannot move the event without its topic.</summary>
    [JsonPropertyOrder(-1)]
    public string RoomId { get; } = RoomId;

    /// <inheritdoc />
    [JsonIgnore]
    public string Topic { get; } = Topics.Presence(RoomId);
}
