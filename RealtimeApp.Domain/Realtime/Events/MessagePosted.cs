using System.Text.Json.Serialization;

namespace RealtimeApp.Domain.Realtime.Events;

/// <summary>A message was posted in a room. Published on <c>room:{roomId}</c>.</summary>
/// <param name="RoomId">The room.</param>
/// <param name="Sequence">The room's monotonically increasing message sequence (the resume cursor).</param>
/// <param name="MessageId">The message.</param>
/// <param name="AuthorId">The author's user id.</param>
/// <param name="AuthorName">The author's display name.</param>
/// <param name="Text">The message text.</param>
/// <param name="PostedAt">When the message was committed.</param>
/// <param name="Mentions">User ids mentioned in the text.</param>
/// <param name="ClientId">The id the author's client gave the send (null when none): how a composer matches its echo.</param>
public sealed record MessagePosted(
    string RoomId,
    long Sequence,
    string MessageId,
    string AuthorId,
    string AuthorName,
    string Text,
    DateTimeOffset PostedAt,
    IReadOnlyList<string> Mentions,
    string? ClientId = null) : IRealtimeEvent
{
    /// <summary>The room. Get-only so that <c>with</c> cannot move the event without its topic.</summary>
    [JsonPropertyOrder(-1)]
    public string RoomId { get; } = RoomId;

    /// <inheritdoc />
    [JsonIgnore]
    public string Topic { get; } = Topics.Room(RoomId);
}
