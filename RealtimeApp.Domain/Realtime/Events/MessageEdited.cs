using System.Text.Json.Serialization;

namespace RealtimeApp.Domain.Realtime.Events;

/// <summary>A message's text was edited. Published on <c>room:{roomId}</c>.</summary>
/// <param name="RoomId">The room.</param>
/// <param name="Sequence">The room sequence of the edited message (it identifies the message's place).</param>
/// <param name="MessageId">The message.</param>
/// <param name="EditorId">The user who edited it.</param>
/// <param name="Text">The new text.</param>
/// <param name="EditedAt">When the edit was committed.</param>
/// <param name="Mentions">User ids mentioned in the new text.</param>
public sealed record MessageEdited(
    string RoomId,
    long Sequence,
    string MessageId,
    string EditorId,
    string Text,
    DateTimeOffset EditedAt,
    IReadOnlyList<string> Mentions) : IRealtimeEvent
{
    /// <summary>The room. Get-only so that <c>with</c> cannot move the event without its topic.</summary>
    [JsonPropertyOrder(-1)]
    public string RoomId { get; } = RoomId;

    /// <inheritdoc />
    [JsonIgnore]
    public string Topic { get; } = Topics.Room(RoomId);
}
