using System.Text.Json.Serialization;

namespace RealtimeApp.Domain.Realtime.Events;

/// <summary>
/// A user has read a room up to <paramref name="Sequence"/>. Published on <c>user:{userId}</c>, so that whatever shows
/// the user's unread counts (on any node) can bring them up to date.
/// </summary>
/// <param name="UserId">The reader.</param>
/// <param name="RoomId">The room.</param>
/// <param name="Sequence">The last message read.</param>
public sealed record ReadMarkerMoved(string UserId, string RoomId, long Sequence) : IRealtimeEvent
{
    /// <summary>The reader. Get-only so that <c>with</c> cannot move the event without its topic.</summary>
    [JsonPropertyOrder(-1)]
    public string UserId { get; } = UserId;

    /// <inheritdoc />
    [JsonIgnore]
    public string Topic { get; } = Topics.User(UserId);
}
