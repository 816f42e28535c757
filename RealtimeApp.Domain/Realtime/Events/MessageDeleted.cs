using System.Text.Json.Serialization;

namespace RealtimeApp.Domain.Realtime.Events;

/// <summary>A message was deleted. Published on <c>room:{roomId}</c>.</summary>
/// <param name="RoomId">The room.</param>
/// <param name="Sequence">The room sequence of the deleted message.</param>
/// <param name="MessageId">The message.</param>
/// <param name="DeletedBy">The user who deleted it.</param>
/// <param name="DeletedAt">When the deletion was committed.</param>
public sealed record MessageDeleted(
    string RoomId,
    long Sequence,
    string MessageId,
    string DeletedBy,
    DateTimeOffset DeletedAt) : IRealtimeEvent
{
    /// <summary>The room. Get-only so that <c>with</c> cannot move the event without its topic.</summary>
    [JsonPropertyOrder(-1)]
    public string RoomId { get; } = RoomId;

    /// <inheritdoc />
    [JsonIgnore]
    public string Topic { get; } = Topics.Room(RoomId);
}
