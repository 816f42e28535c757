using System.Text.Json.Serialization;
using RealtimeApp.Client.Protocol;

namespace RealtimeApp.Client.Api;

/// <summary>A chat message as <c>chat.send</c>, <c>chat.history</c> and <c>chat.onMessage</c> return it.</summary>
/// <param name="Id">Its id, unique across rooms.</param>
/// <param name="RoomId">The room it was posted to.</param>
/// <param name="Sequence">Its place in the room: 1, 2, 3… with no gaps (the tracked event id of <c>chat.onMessage</c>).</param>
/// <param name="AuthorId">The author's user id.</param>
/// <param name="AuthorName">The author's display name.</param>
/// <param name="Text">The text (empty once deleted).</param>
/// <param name="PostedAt">When it was posted.</param>
/// <param name="EditedAt">When it was last edited, if ever.</param>
/// <param name="IsDeleted">Whether it was deleted.</param>
/// <param name="Mentions">The user ids it mentions.</param>
/// <param name="ClientId">The sender's own id for it, when one was given (a retry with it returns this message).</param>
[JsonConverter(typeof(ChatMessageJsonConverter))]
public sealed record ChatMessage(
    long Id,
    string RoomId,
    long Sequence,
    string AuthorId,
    string AuthorName,
    string Text,
    DateTimeOffset PostedAt,
    DateTimeOffset? EditedAt,
    bool IsDeleted,
    IReadOnlyList<string> Mentions,
    string? ClientId = null);
